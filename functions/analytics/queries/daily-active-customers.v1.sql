/*
{
  "title": { "fr": "Clients actifs par jour", "en": "Daily active customers" },
  "description": {
    "fr": "Par jour : clients identifiés actifs sur les canaux, visiteurs (appareils et navigateurs) et événements reçus.",
    "en": "Per day: identified customers active on the channels, visitors (devices and browsers) and events received."
  },
  "parameters": [
    { "name": "from", "type": "date", "label": { "fr": "Du", "en": "From" }, "default": "today-30" },
    { "name": "to", "type": "date", "label": { "fr": "Au", "en": "To" }, "default": "today" },
    {
      "name": "channel",
      "type": "string",
      "label": { "fr": "Canal (vide : tous)", "en": "Channel (empty: all)" },
      "default": "",
      "options": ["", "web", "ios", "android", "branch_tablet", "contact_centre"]
    }
  ],
  "chart": { "type": "line", "x": "day", "y": "active_customers" }
}
*/
-- Activity is what customers do on the channels: domain events (a file updated by an advisor)
-- are left out. Days without any event do not appear.
SELECT
  dt AS day,
  count(DISTINCT CASE WHEN coalesce(customer_pid, '') <> '' THEN customer_pid END) AS active_customers,
  count(DISTINCT nullif(anonymous_id, '')) AS visitors,
  count(*) AS events
FROM events
WHERE dt BETWEEN CAST(:from AS varchar) AND CAST(:to AS varchar)
  AND source = 'relais.channels'
  AND (:channel = '' OR channel = :channel)
GROUP BY dt
ORDER BY dt

/*
{
  "title": { "fr": "Mix de canaux par client", "en": "Channel mix per customer" },
  "description": {
    "fr": "Combinaisons de canaux utilisées par chaque client identifié sur la période (web, application iOS ou Android, tablette en agence, centre de contact) : nombre de clients, part et activité moyenne.",
    "en": "The combinations of channels each identified customer used over the period (web, iOS or Android app, branch tablet, contact centre): number of customers, share and average activity."
  },
  "parameters": [
    { "name": "from", "type": "date", "label": { "fr": "Du", "en": "From" }, "default": "today-30" },
    { "name": "to", "type": "date", "label": { "fr": "Au", "en": "To" }, "default": "today" }
  ],
  "chart": { "type": "bar", "x": "channel_mix", "y": "customers" }
}
*/
-- Per customer pseudonym, the events on each channel; the mix lists the channels used in a
-- fixed order, so "web + ios" is one group whichever came first.
WITH per_customer AS (
  SELECT
    customer_pid,
    sum(CASE WHEN channel = 'web' THEN 1 ELSE 0 END) AS web,
    sum(CASE WHEN channel = 'ios' THEN 1 ELSE 0 END) AS ios,
    sum(CASE WHEN channel = 'android' THEN 1 ELSE 0 END) AS android,
    sum(CASE WHEN channel = 'branch_tablet' THEN 1 ELSE 0 END) AS branch_tablet,
    sum(CASE WHEN channel = 'contact_centre' THEN 1 ELSE 0 END) AS contact_centre,
    count(*) AS events
  FROM events
  WHERE dt BETWEEN CAST(:from AS varchar) AND CAST(:to AS varchar)
    AND source = 'relais.channels'
    AND coalesce(customer_pid, '') <> ''
  GROUP BY customer_pid
),
mixes AS (
  SELECT
    customer_pid,
    events,
    concat_ws(
      ' + ',
      CASE WHEN web > 0 THEN 'web' END,
      CASE WHEN ios > 0 THEN 'ios' END,
      CASE WHEN android > 0 THEN 'android' END,
      CASE WHEN branch_tablet > 0 THEN 'branch_tablet' END,
      CASE WHEN contact_centre > 0 THEN 'contact_centre' END
    ) AS channel_mix,
    (CASE WHEN web > 0 THEN 1 ELSE 0 END) + (CASE WHEN ios > 0 THEN 1 ELSE 0 END)
      + (CASE WHEN android > 0 THEN 1 ELSE 0 END) + (CASE WHEN branch_tablet > 0 THEN 1 ELSE 0 END)
      + (CASE WHEN contact_centre > 0 THEN 1 ELSE 0 END) AS channels
  FROM per_customer
)
SELECT
  channel_mix,
  max(channels) AS channels,
  count(*) AS customers,
  round(100 * CAST(count(*) AS double) / sum(count(*)) OVER (), 1) AS share_pct,
  round(avg(CAST(events AS double)), 1) AS avg_events
FROM mixes
WHERE channel_mix <> ''
GROUP BY channel_mix
ORDER BY customers DESC, channel_mix

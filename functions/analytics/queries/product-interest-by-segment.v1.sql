/*
{
  "title": { "fr": "Intérêt produit par segment", "en": "Product interest by segment" },
  "description": {
    "fr": "Par segment de clientèle et par produit : clients ayant montré de l'intérêt (fiche produit vue ou simulation), fiches vues et simulations terminées sur la période. Le segment est le dernier connu du client (événements CustomerCreated et CustomerUpdated du lac).",
    "en": "Per customer segment and product: customers who showed interest (product page viewed or simulation), product views and completed simulations over the period. The segment is the customer's latest known one (CustomerCreated and CustomerUpdated events in the lake)."
  },
  "parameters": [
    { "name": "from", "type": "date", "label": { "fr": "Du", "en": "From" }, "default": "today-30" },
    { "name": "to", "type": "date", "label": { "fr": "Au", "en": "To" }, "default": "today" },
    {
      "name": "segment",
      "type": "string",
      "label": { "fr": "Segment (vide : tous)", "en": "Segment (empty: all)" },
      "default": "",
      "options": ["", "mass_market", "affluent", "private_banking", "professional", "young"]
    }
  ],
  "chart": { "type": "bar", "x": "product", "y": "customers" },
  "readsEveryDay": true
}
*/
-- Segments come from domain events of any date (a customer's file may be years old); interest
-- from the period's channel events, counting a visitor linked to a customer as that customer.
WITH segments AS (
  SELECT customer_pid, segment
  FROM (
    SELECT
      customer_pid,
      json_extract_scalar(properties, '$.segment') AS segment,
      row_number() OVER (PARTITION BY customer_pid ORDER BY occurred_at DESC, event_id DESC) AS latest
    FROM events
    WHERE event_type IN ('CustomerCreated', 'CustomerUpdated')
      AND coalesce(customer_pid, '') <> ''
      AND json_extract_scalar(properties, '$.segment') IS NOT NULL
  ) known
  WHERE latest = 1
),
identities AS (
  SELECT anonymous_id, max(customer_pid) AS customer_pid
  FROM events
  WHERE dt BETWEEN CAST(:from AS varchar) AND CAST(:to AS varchar)
    AND source = 'relais.channels'
    AND coalesce(customer_pid, '') <> ''
    AND coalesce(anonymous_id, '') <> ''
  GROUP BY anonymous_id
),
interest AS (
  SELECT coalesce(nullif(e.customer_pid, ''), i.customer_pid) AS customer_pid, e.product, e.event_type
  FROM events e
  LEFT JOIN identities i ON i.anonymous_id = e.anonymous_id
  WHERE e.dt BETWEEN CAST(:from AS varchar) AND CAST(:to AS varchar)
    AND e.source = 'relais.channels'
    AND coalesce(e.product, '') <> ''
    AND e.event_type IN ('product_view', 'simulation_started', 'simulation_completed')
)
SELECT
  s.segment,
  x.product,
  count(DISTINCT x.customer_pid) AS customers,
  sum(CASE WHEN x.event_type = 'product_view' THEN 1 ELSE 0 END) AS views,
  sum(CASE WHEN x.event_type = 'simulation_completed' THEN 1 ELSE 0 END) AS simulations
FROM interest x
JOIN segments s ON s.customer_pid = x.customer_pid
WHERE (:segment = '' OR s.segment = :segment)
GROUP BY s.segment, x.product
ORDER BY s.segment, customers DESC, x.product

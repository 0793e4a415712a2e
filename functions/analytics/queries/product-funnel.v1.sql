/*
{
  "title": {
    "fr": "Entonnoir : produit vu, simulation, souscription",
    "en": "Funnel: product viewed, simulation, subscription"
  },
  "description": {
    "fr": "Personnes ayant vu un produit, puis terminé une simulation de ce produit, puis l'ayant souscrit, dans cet ordre et sur la période. Un visiteur anonyme qui se connecte ensuite est compté comme le client (rapprochement d'identité).",
    "en": "People who viewed a product, then completed a simulation of it, then subscribed to it, in that order and within the period. An anonymous visitor who logs in later counts as the customer (identity stitching)."
  },
  "parameters": [
    { "name": "from", "type": "date", "label": { "fr": "Du", "en": "From" }, "default": "today-30" },
    { "name": "to", "type": "date", "label": { "fr": "Au", "en": "To" }, "default": "today" },
    {
      "name": "product",
      "type": "string",
      "label": { "fr": "Code produit (vide : tous)", "en": "Product code (empty: all)" },
      "default": ""
    }
  ],
  "chart": { "type": "bar", "x": "stage", "y": "people" }
}
*/
-- A person is the customer pseudonym when the event has one, else the one their visitor id was
-- linked to during the period (a login), else the visitor id. Each stage counts the people who
-- reached it after the previous one, for the same product.
WITH identities AS (
  SELECT anonymous_id, max(customer_pid) AS customer_pid
  FROM events
  WHERE dt BETWEEN CAST(:from AS varchar) AND CAST(:to AS varchar)
    AND source = 'relais.channels'
    AND coalesce(customer_pid, '') <> ''
    AND coalesce(anonymous_id, '') <> ''
  GROUP BY anonymous_id
),
steps AS (
  SELECT
    coalesce(nullif(e.customer_pid, ''), i.customer_pid, e.anonymous_id) AS person,
    e.product,
    CASE WHEN e.event_type = 'transaction' THEN 'subscription' ELSE e.event_type END AS step,
    e.occurred_at
  FROM events e
  LEFT JOIN identities i ON i.anonymous_id = e.anonymous_id
  WHERE e.dt BETWEEN CAST(:from AS varchar) AND CAST(:to AS varchar)
    AND e.source = 'relais.channels'
    AND coalesce(e.product, '') <> ''
    AND (:product = '' OR e.product = :product)
    AND (
      e.event_type IN ('product_view', 'simulation_completed')
      OR (e.event_type = 'transaction' AND json_extract_scalar(e.properties, '$.kind') = 'subscription')
    )
),
viewed AS (
  SELECT person, product, min(occurred_at) AS reached_at
  FROM steps
  WHERE step = 'product_view'
  GROUP BY person, product
),
simulated AS (
  SELECT v.person, v.product, min(s.occurred_at) AS reached_at
  FROM viewed v
  JOIN steps s ON s.person = v.person AND s.product = v.product
  WHERE s.step = 'simulation_completed' AND s.occurred_at >= v.reached_at
  GROUP BY v.person, v.product
),
subscribed AS (
  SELECT m.person, m.product, min(s.occurred_at) AS reached_at
  FROM simulated m
  JOIN steps s ON s.person = m.person AND s.product = m.product
  WHERE s.step = 'subscription' AND s.occurred_at >= m.reached_at
  GROUP BY m.person, m.product
),
funnel AS (
  SELECT 1 AS step, 'product_view' AS stage, count(DISTINCT person) AS people FROM viewed
  UNION ALL
  SELECT 2 AS step, 'simulation_completed' AS stage, count(DISTINCT person) AS people FROM simulated
  UNION ALL
  SELECT 3 AS step, 'subscription' AS stage, count(DISTINCT person) AS people FROM subscribed
)
SELECT
  step,
  stage,
  people,
  round(100 * CAST(people AS double) / nullif(max(people) OVER (), 0), 1) AS pct_of_viewers,
  round(100 * CAST(people AS double) / nullif(lag(people) OVER (ORDER BY step), 0), 1) AS pct_of_previous
FROM funnel
ORDER BY step

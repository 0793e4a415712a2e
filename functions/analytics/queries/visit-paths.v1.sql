/*
{
  "title": { "fr": "Sessions et parcours de visite", "en": "Sessions and visit paths" },
  "description": {
    "fr": "Les parcours les plus fréquents : les quatre premières pages ou écrans de chaque session, avec le nombre de sessions, leur part, le nombre moyen de pages vues et la durée moyenne.",
    "en": "The most frequent journeys: the first four pages or screens of each session, with the number of sessions, their share, the average pages viewed and the average duration."
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
    },
    {
      "name": "top",
      "type": "integer",
      "label": { "fr": "Nombre de parcours", "en": "Number of paths" },
      "default": 20,
      "min": 1,
      "max": 500
    }
  ],
  "chart": { "type": "bar", "x": "path", "y": "sessions" }
}
*/
-- A session is the tracker's visit id. Its path is its first four page or screen views in
-- order ("…" when there were more); its duration runs from its first to its last event of any
-- kind. No string aggregate exists in both Trino and DuckDB, hence the four CASE columns.
WITH session_events AS (
  SELECT session_id, event_type, page_path, occurred_at, event_id
  FROM events
  WHERE dt BETWEEN CAST(:from AS varchar) AND CAST(:to AS varchar)
    AND source = 'relais.channels'
    AND coalesce(session_id, '') <> ''
    AND (:channel = '' OR channel = :channel)
),
views AS (
  SELECT
    session_id,
    page_path,
    row_number() OVER (PARTITION BY session_id ORDER BY occurred_at, event_id) AS step
  FROM session_events
  WHERE event_type IN ('page_view', 'screen_view') AND coalesce(page_path, '') <> ''
),
paths AS (
  SELECT
    session_id,
    concat_ws(
      ' > ',
      max(CASE WHEN step = 1 THEN page_path END),
      max(CASE WHEN step = 2 THEN page_path END),
      max(CASE WHEN step = 3 THEN page_path END),
      max(CASE WHEN step = 4 THEN page_path END),
      CASE WHEN max(step) > 4 THEN '…' END
    ) AS path,
    count(*) AS pages
  FROM views
  GROUP BY session_id
),
durations AS (
  SELECT session_id, date_diff('second', min(occurred_at), max(occurred_at)) AS seconds
  FROM session_events
  GROUP BY session_id
),
ranked AS (
  SELECT
    p.path,
    count(*) AS sessions,
    round(100 * CAST(count(*) AS double) / sum(count(*)) OVER (), 1) AS share_pct,
    round(avg(CAST(p.pages AS double)), 1) AS avg_pages,
    round(avg(CAST(d.seconds AS double)), 0) AS avg_duration_s,
    row_number() OVER (ORDER BY count(*) DESC, p.path) AS rank
  FROM paths p
  JOIN durations d ON d.session_id = p.session_id
  GROUP BY p.path
)
SELECT rank, path, sessions, share_pct, avg_pages, avg_duration_s
FROM ranked
WHERE rank <= :top
ORDER BY rank

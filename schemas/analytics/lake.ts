/**
 * The lake's layout and the columns of its curated table, shared by the archiver that writes
 * it, the compactor, the Glue table definitions and the query engines (Athena, DuckDB).
 *
 * - `raw/dt=YYYY-MM-DD/hour=HH/<file>.ndjson.gz`: every event as it came off the bus (the
 *   EventBridge envelope), pseudonymised; replayable.
 * - `curated/events/dt=YYYY-MM-DD/hour=HH/<file>.parquet`: one row per event, the columns
 *   below; `dt` and `hour` are the event's UTC date and hour (partition projection in Glue).
 */

export const lakePrefixes = { raw: 'raw', curated: 'curated/events' } as const;

/** Glue database and table names (Athena) — and the DuckDB view names locally. */
export const lakeCatalog = {
  database: 'relais_lake',
  curatedTable: 'events',
  rawTable: 'raw_events',
} as const;

export type CuratedColumnType = 'string' | 'timestamp';

/** Columns of `curated/events`, in file order. Personal data never appears: see `customer_pid`. */
export const curatedColumns = [
  { name: 'event_id', type: 'string', comment: 'Sender message id (channels) or event id (domain events)' },
  { name: 'event_type', type: 'string', comment: 'page_view, click… or a domain event detail-type' },
  { name: 'source', type: 'string', comment: 'relais.channels, relais.customers…' },
  {
    name: 'channel',
    type: 'string',
    comment: 'web, ios, android, branch_tablet, contact_centre; empty for domain events',
  },
  { name: 'occurred_at', type: 'timestamp', comment: 'When it happened (UTC, clock-skew corrected)' },
  { name: 'received_at', type: 'timestamp', comment: 'When Relais received it (UTC)' },
  { name: 'anonymous_id', type: 'string', comment: 'Visitor id of the device or browser' },
  {
    name: 'customer_pid',
    type: 'string',
    comment: 'Keyed hash of the customer id (pseudonym); empty if unknown',
  },
  { name: 'session_id', type: 'string', comment: 'Visit id' },
  { name: 'page_path', type: 'string', comment: 'Page path or screen name' },
  { name: 'product', type: 'string', comment: 'Product code when the event is about one' },
  {
    name: 'properties',
    type: 'string',
    comment: 'Other properties, JSON, scrubbed of e-mails and phone numbers',
  },
] as const satisfies readonly { name: string; type: CuratedColumnType; comment: string }[];

export type CuratedRow = {
  [C in (typeof curatedColumns)[number] as C['name']]: C['type'] extends 'timestamp' ? Date : string | null;
};

/** Partition of an event time: `dt=2026-11-23/hour=09`. */
export const partitionOf = (occurredAt: Date) => ({
  dt: occurredAt.toISOString().slice(0, 10),
  hour: occurredAt.toISOString().slice(11, 13),
});

/**
 * The ingest table's keys, in one place (one item per key, no sort key): message-id claims
 * (deduplication, expiring after 7 days), the events a visit has counted (a redelivered event is
 * never counted twice, whichever visit it joined), and the daily counters of events sent without
 * consent, the leases of the lake's partitions and the archiver's batches under way. Kept off the main table so that ingestion traffic never reaches its stream.
 */
export const ingestKeys = {
  claim: (channel: string, messageId: string) => `MSG#${channel}#${messageId}`,
  visited: (eventId: string) => `VISITED#${eventId}`,
  consentlessCounter: (day: string, channel: string, type: string) => `NOCONSENT#${day}#${channel}#${type}`,
  /** Who rewrites a lake partition's files now: the compactor or an erasure, never both. */
  lakeLease: (kind: string, dt: string, hour: string) => `LEASE#LAKE#${kind}#${dt}#${hour}`,
  /** The lake archiver's batches under way (an erasure waits for those begun before it). */
  archiverBatches: () => 'RUNNING#LAKE#ARCHIVER',
} as const;

/**
 * Storage, declared once: the DynamoDB tables (with their indexes, TTL and streams), the S3
 * buckets and the secrets. The CDK stack and the sandbox both build them from here. The main
 * table's indexes come from its model (`functions/shared/table/main-table.ts`).
 */
import { mainIndexes } from '#shared/table/main-table.ts';

export type KeyAttribute = { name: string; type: 'S' | 'N' };
export type TableDeclaration = {
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  /** Global secondary indexes (all projected). */
  indexes: { name: string; partitionKey: KeyAttribute; sortKey?: KeyAttribute }[];
  timeToLiveAttribute?: string;
  /** Stream of new and old images, read by the event-source mappings below. */
  stream: boolean;
};

const s = (name: string): KeyAttribute => ({ name, type: 'S' });

export const tables = {
  /** Single table of the operational store: customers with their item collections, directory. */
  main: {
    partitionKey: s('pk'),
    sortKey: s('sk'),
    // From the table model: its indexes are named for the access pattern they serve.
    indexes: Object.entries(mainIndexes).map(([name, keys]) => ({
      name,
      partitionKey: s(keys.partitionKey),
      sortKey: s(keys.sortKey),
    })),
    timeToLiveAttribute: 'expiresAt',
    stream: true,
  },
  /** Append-only trail of reads and changes of customer files; only the audit writer puts to it. */
  audit: {
    partitionKey: s('pk'),
    sortKey: s('sk'),
    indexes: [{ name: 'byActor', partitionKey: s('actorId'), sortKey: s('sk') }],
    // Each record goes 5 years after it was made (the audit's retention in the privacy registry).
    timeToLiveAttribute: 'expiresAt',
    stream: false,
  },
  /**
   * Channel ingestion bookkeeping, kept off the main table's stream: one item per sender
   * message id (deduplication, expiring after 7 days) and the events counted without consent.
   */
  ingest: {
    partitionKey: s('pk'),
    indexes: [],
    timeToLiveAttribute: 'expiresAt',
    stream: false,
  },
  /** Powertools idempotency records (Idempotency-Key of creating POSTs), expiring. */
  idempotency: {
    partitionKey: s('id'),
    indexes: [],
    timeToLiveAttribute: 'expiration',
    stream: false,
  },
} as const satisfies Record<string, TableDeclaration>;
export type TableName = keyof typeof tables;

export type BucketDeclaration = {
  description: string;
  /** Objects deleted this many days after they were written (S3 lifecycle). */
  expireAfterDays?: number;
  /**
   * Objects that nobody may delete or overwrite before `retentionDays` (S3 Object Lock, on a
   * versioned bucket). Governance mode: no role of the stack holds the permission to bypass it.
   */
  objectLock?: { mode: 'GOVERNANCE' | 'COMPLIANCE'; retentionDays: number };
};

/**
 * S3 buckets the functions use. The lake: raw/ (gzip NDJSON) and curated/ (Parquet), by dt and
 * hour. The audit archive: the audit trail for the long term, one NDJSON object per batch the
 * audit writer adds, under `records/dt=<day>/`, locked for 5 years and a day (the anti-money-
 * laundering retention, Code monétaire et financier L561-12).
 */
export const buckets = {
  lake: { description: 'The click and interaction lake' },
  auditArchive: {
    description: 'The audit trail, kept for the long term and locked against deletion',
    objectLock: { mode: 'GOVERNANCE', retentionDays: 5 * 365 + 2 },
    // Once the lock has passed: a day later the objects go, every version with them.
    expireAfterDays: 5 * 365 + 3,
  },
  /**
   * The archives of access requests (GDPR art. 15, 20), one zip per request under
   * `exports/<request id>/`, downloaded by the privacy officer through a link that expires.
   */
  privacyExports: {
    description: "Customers' data exports, kept 30 days",
    expireAfterDays: 30,
  },
} as const satisfies Record<string, BucketDeclaration>;
export type BucketName = keyof typeof buckets;

/** Secrets generated at deployment (Secrets Manager), read at cold start. */
export const secrets = {
  /** HMAC key that pseudonymises customer ids in the lake. */
  pseudonymKey: { description: 'Key of the keyed hash of customer ids in the lake' },
  /**
   * HMAC key of the identity tokens the bank's login service gives a customer's device at login:
   * an `identify` event links a visitor id to a customer only with one (no spoofed logins).
   */
  identityKey: { description: 'Key that signs the identity tokens of customer logins (HS256)' },
} as const;
export type SecretName = keyof typeof secrets;

/**
 * The resources of Relais, declared once. The CDK stack (`infra/stacks/`) builds the cloud
 * from this file and the local sandbox (`local/`) builds the same resources on the emulator;
 * `tests/infra/drift.test.ts` fails if the two disagree. Routes live in `schemas/routes.ts`.
 */
import type { HttpContext } from '../schemas/route-definition.ts';

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
    indexes: [
      { name: 'gsi1', partitionKey: s('gsi1pk'), sortKey: s('gsi1sk') },
      { name: 'gsi2', partitionKey: s('gsi2pk'), sortKey: s('gsi2sk') },
      { name: 'gsi3', partitionKey: s('gsi3pk'), sortKey: s('gsi3sk') },
    ],
    timeToLiveAttribute: 'expiresAt',
    stream: true,
  },
  /** Append-only trail of reads and changes of customer files; only the audit writer puts to it. */
  audit: {
    partitionKey: s('pk'),
    sortKey: s('sk'),
    indexes: [{ name: 'byActor', partitionKey: s('actorId'), sortKey: s('sk') }],
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

export type QueueDeclaration = {
  /** Seconds a received message stays invisible; 6x the consumer's timeout, as AWS advises. */
  visibilityTimeout: number;
  /** Receives before a message goes to the queue's DLQ. */
  maxReceiveCount: number;
};

/** Every queue has a DLQ named `<queue>-dlq`, kept 14 days. */
export const queues = {
  /** Audit records on their way to the audit writer, the only writer of the audit table. */
  auditIntake: { visibilityTimeout: 60, maxReceiveCount: 10 },
  /** Every domain and channel event, for the lake archiver. */
  lakeIntake: { visibilityTimeout: 360, maxReceiveCount: 5 },
  /** Channel events of known customers, for their timeline. */
  timelineIntake: { visibilityTimeout: 180, maxReceiveCount: 5 },
  /**
   * Domain events the stream publisher could not put on the bus, with their item image: the
   * republisher tries each again 5 times, 3 minutes apart (an outage of up to ~15 minutes loses
   * nothing), then the DLQ, which the alarm watches and `npm run redrive` replays.
   */
  publisherFailures: { visibilityTimeout: 180, maxReceiveCount: 5 },
  /**
   * Stream batches Lambda gave up on (retries or record age exhausted): where they were in the
   * stream, not their data, which can be read back from the stream for its 24 hours.
   */
  streamFailures: { visibilityTimeout: 30, maxReceiveCount: 3 },
} as const satisfies Record<string, QueueDeclaration>;
export type QueueName = keyof typeof queues;

/** The custom event bus; archived so events can be replayed. */
export const bus = { name: 'relais', archiveRetentionDays: 365 } as const;

export type RuleDeclaration = {
  description: string;
  /** EventBridge event pattern. */
  pattern: {
    source?: readonly string[] | { prefix: string }[];
    'detail-type'?: readonly string[];
    detail?: Record<string, readonly unknown[]>;
  };
  target: { queue: QueueName };
};

/**
 * How EventBridge delivers to every rule's queue: retried for a day, then into that queue's DLQ
 * (where `npm run redrive` takes it back into the queue). Campaign rules use the same.
 */
export const ruleDelivery = { retryAttempts: 185, maxEventAgeSeconds: 24 * 60 * 60 } as const;

/** Static rules (campaign rules are created at run time by the campaign API, not here). */
export const rules = {
  everything: {
    description: 'Every Relais event goes to the lake',
    pattern: { source: [{ prefix: 'relais.' }] },
    target: { queue: 'lakeIntake' },
  },
  knownCustomerActivity: {
    description: 'Channel events of identified customers go to their timeline',
    pattern: {
      source: ['relais.channels'],
      'detail-type': ['ChannelEvent'],
      detail: { customerId: [{ exists: true }] },
    },
    target: { queue: 'timelineIntake' },
  },
} as const satisfies Record<string, RuleDeclaration>;

/** S3 buckets the functions use. The lake: raw/ (gzip NDJSON) and curated/ (Parquet), by dt and hour. */
export const buckets = {
  lake: { description: 'The click and interaction lake' },
} as const;
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

/** `append`: read, and put new items only — never update or delete (the audit trail). */
export type Access = 'read' | 'readWrite' | 'append';
export type FunctionDeclaration = {
  /** Source file exporting `handler`, relative to the repository root. */
  entry: string;
  description: string;
  memoryMB: number;
  timeoutSeconds: number;
  /** Tables the function uses; each grants IAM and sets `<NAME>_TABLE_NAME`. */
  tables?: Partial<Record<TableName, Access>>;
  /** Whether it puts events on the bus (`EVENT_BUS_NAME`). */
  putsEvents?: boolean;
  /** Queues it sends to (`<NAME>_QUEUE_URL`). */
  sendsTo?: readonly QueueName[];
  /** Buckets it uses (`<NAME>_BUCKET_NAME`). */
  buckets?: Partial<Record<BucketName, 'read' | 'readWrite'>>;
  /** Secrets it reads (`<NAME>_SECRET_ARN`). */
  secrets?: readonly SecretName[];
  /**
   * Runs saved queries: Athena in the workgroup (`ATHENA_WORKGROUP`), the Glue catalogue
   * (`GLUE_DATABASE`); locally DuckDB over the mirrored lake (`QUERY_ENGINE=duckdb`).
   */
  queriesLake?: boolean;
  /** Modules left out of the bundle (native modules used only by the sandbox). */
  externalModules?: readonly string[];
  /** Files the function reads at run time, copied next to its bundle (shell globs from the root). */
  bundledFiles?: readonly string[];
  /** HTTP functions: the bounded context whose routes it serves. */
  http?: HttpContext;
};

export const functions = {
  customersApi: {
    entry: 'functions/customers/api.ts',
    description: 'Customers context: profiles, holdings, consents, 360° file, search',
    memoryMB: 1024,
    timeoutSeconds: 10,
    http: 'customers',
    tables: { main: 'readWrite', audit: 'read', idempotency: 'readWrite' },
    sendsTo: ['auditIntake'],
  },
  platformApi: {
    entry: 'functions/platform/api.ts',
    description: 'Platform: caller identity, branch directory, OpenAPI document',
    memoryMB: 512,
    timeoutSeconds: 10,
    http: 'platform',
    tables: { main: 'read' },
  },
  channelsApi: {
    entry: 'functions/channels/api.ts',
    description: 'Channels context: event ingestion (write keys), identity stitching, event schemas',
    memoryMB: 1024,
    timeoutSeconds: 15,
    http: 'channels',
    tables: { main: 'readWrite', ingest: 'readWrite', idempotency: 'readWrite' },
    secrets: ['identityKey'],
    putsEvents: true,
  },
  timelineProjector: {
    entry: 'functions/channels/timeline-projector.ts',
    description: "Summarises known customers' channel events into their timeline",
    memoryMB: 512,
    timeoutSeconds: 30,
    tables: { main: 'readWrite', ingest: 'readWrite' },
  },
  lakeArchiver: {
    entry: 'functions/analytics/lake-archiver.ts',
    description: 'Writes every event to the lake: raw gzip NDJSON and curated Parquet, pseudonymised',
    memoryMB: 1769,
    timeoutSeconds: 60,
    buckets: { lake: 'readWrite' },
    secrets: ['pseudonymKey'],
  },
  lakeCompactor: {
    entry: 'functions/analytics/lake-compactor.ts',
    description: 'Merges small lake files of an hour into one (late and small batches)',
    memoryMB: 1769,
    timeoutSeconds: 300,
    buckets: { lake: 'readWrite' },
  },
  analyticsApi: {
    entry: 'functions/analytics/api.ts',
    description: "Analytics context: the analysts' saved queries, run on the lake",
    memoryMB: 1024,
    timeoutSeconds: 30,
    http: 'analytics',
    buckets: { lake: 'read' },
    queriesLake: true,
    externalModules: ['@duckdb/node-api'],
    bundledFiles: ['functions/analytics/queries/*.sql'],
  },
  streamPublisher: {
    entry: 'functions/platform/stream-publisher.ts',
    description: 'Publishes domain events from the table stream to the bus (no dual writes)',
    memoryMB: 512,
    timeoutSeconds: 30,
    putsEvents: true,
    sendsTo: ['publisherFailures'],
  },
  auditWriter: {
    entry: 'functions/platform/audit-writer.ts',
    description: 'Adds audit records to the audit table, never replacing one',
    memoryMB: 256,
    timeoutSeconds: 10,
    tables: { audit: 'append' },
  },
  eventRepublisher: {
    entry: 'functions/platform/event-republisher.ts',
    description: 'Puts on the bus again the domain events the stream publisher parked',
    memoryMB: 256,
    timeoutSeconds: 30,
    putsEvents: true,
  },
} as const satisfies Record<string, FunctionDeclaration>;
export type FunctionName = keyof typeof functions;

export type EventSourceMapping =
  | {
      kind: 'tableStream';
      table: TableName;
      function: FunctionName;
      batchSize: number;
      maxRetries: number;
      /** Records older than this are given up on (to `onFailure`) unread; -1 for none. */
      maxRecordAgeSeconds: number;
      /** Where records go once retries or their age are exhausted. */
      onFailure: QueueName;
    }
  | {
      kind: 'queue';
      queue: QueueName;
      function: FunctionName;
      batchSize: number;
      maxBatchingWindowSeconds: number;
    };

export const eventSourceMappings = [
  {
    kind: 'tableStream',
    table: 'main',
    function: 'streamPublisher',
    batchSize: 100,
    maxRetries: 10,
    maxRecordAgeSeconds: 6 * 60 * 60,
    onFailure: 'streamFailures',
  },
  {
    kind: 'queue',
    queue: 'auditIntake',
    function: 'auditWriter',
    batchSize: 100,
    maxBatchingWindowSeconds: 1,
  },
  {
    kind: 'queue',
    queue: 'publisherFailures',
    function: 'eventRepublisher',
    batchSize: 10,
    maxBatchingWindowSeconds: 0,
  },
  // Large batches with a window: fewer, bigger lake files (compaction handles the rest).
  {
    kind: 'queue',
    queue: 'lakeIntake',
    function: 'lakeArchiver',
    batchSize: 1000,
    maxBatchingWindowSeconds: 20,
  },
  // Records of a batch are applied one after the other (a visit's events must not race):
  // small batches keep an invocation well within its timeout.
  {
    kind: 'queue',
    queue: 'timelineIntake',
    function: 'timelineProjector',
    batchSize: 25,
    maxBatchingWindowSeconds: 2,
  },
] as const satisfies readonly EventSourceMapping[];

export type ScheduleDeclaration = {
  /** `rate(5 minutes)` or `cron(0 2 * * ? *)`, as EventBridge writes them. */
  expression: string;
  function: FunctionName;
  description: string;
};

/** Scheduled jobs (SLA clocks and GDPR retention arrive with later contexts). */
export const schedules: Record<string, ScheduleDeclaration> = {
  lakeCompaction: {
    expression: 'cron(15 * * * ? *)',
    function: 'lakeCompactor',
    description: 'Compacts the lake files of the hours that received late or small batches',
  },
};

/** Environment variable through which a function finds a resource. */
export const envName = {
  table: (t: TableName) => `${t.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_TABLE_NAME`,
  queue: (q: QueueName) => `${q.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_QUEUE_URL`,
  bucket: (b: BucketName) => `${b.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_BUCKET_NAME`,
  secret: (n: SecretName) => `${n.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_SECRET_ARN`,
  bus: 'EVENT_BUS_NAME',
} as const;

/** CORS of the HTTP API, answered by API Gateway in the cloud and by the sandbox locally. */
export const cors = {
  allowHeaders: [
    'authorization',
    'content-type',
    'idempotency-key',
    'if-match',
    'x-access-reason',
    'x-write-key',
  ],
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
  exposeHeaders: ['etag', 'location'],
  maxAgeSeconds: 600,
} as const;

/**
 * The resources of Relais, declared once. The CDK stack (`infra/stacks/`) builds the cloud
 * from this file and the local sandbox (`local/`) builds the same resources on the emulator;
 * `tests/infra/drift.test.ts` fails if the two disagree. Routes live in `schemas/routes.ts`.
 */
import type { HttpContext } from '../schemas/routes.ts';

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
  /** Append-only trail of reads of customer files; functions may only put to it. */
  audit: {
    partitionKey: s('pk'),
    sortKey: s('sk'),
    indexes: [{ name: 'byActor', partitionKey: s('actorId'), sortKey: s('sk') }],
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
  /** Every domain and channel event, for the lake archiver (issue 3). */
  lakeIntake: { visibilityTimeout: 180, maxReceiveCount: 5 },
  /** Stream records the publisher could not put on the bus after its retries. */
  publisherFailures: { visibilityTimeout: 30, maxReceiveCount: 3 },
} as const satisfies Record<string, QueueDeclaration>;
export type QueueName = keyof typeof queues;

/** The custom event bus; archived so events can be replayed. */
export const bus = { name: 'relais', archiveRetentionDays: 365 } as const;

export type RuleDeclaration = {
  description: string;
  /** EventBridge event pattern. */
  pattern: { source?: readonly string[] | { prefix: string }[]; 'detail-type'?: readonly string[] };
  target: { queue: QueueName };
};

/** Static rules (campaign rules are created at run time by the campaign API, not here). */
export const rules = {
  everything: {
    description: 'Every Relais event goes to the lake',
    pattern: { source: [{ prefix: 'relais.' }] },
    target: { queue: 'lakeIntake' },
  },
} as const satisfies Record<string, RuleDeclaration>;

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
    tables: { main: 'readWrite', audit: 'append', idempotency: 'readWrite' },
  },
  platformApi: {
    entry: 'functions/platform/api.ts',
    description: 'Platform: caller identity, branch directory, OpenAPI document',
    memoryMB: 512,
    timeoutSeconds: 10,
    http: 'platform',
    tables: { main: 'read' },
  },
  streamPublisher: {
    entry: 'functions/platform/stream-publisher.ts',
    description: 'Publishes domain events from the table stream to the bus (no dual writes)',
    memoryMB: 512,
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
      /** Where records go once retries are exhausted. */
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
    onFailure: 'publisherFailures',
  },
] as const satisfies readonly EventSourceMapping[];

export type ScheduleDeclaration = {
  /** `rate(5 minutes)` or `cron(0 2 * * ? *)`, as EventBridge writes them. */
  expression: string;
  function: FunctionName;
  description: string;
};

/** Scheduled jobs (SLA clocks, compaction, GDPR retention arrive with later contexts). */
export const schedules: Record<string, ScheduleDeclaration> = {};

/** Environment variable through which a function finds a resource. */
export const envName = {
  table: (t: TableName) => `${t.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_TABLE_NAME`,
  queue: (q: QueueName) => `${q.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_QUEUE_URL`,
  bus: 'EVENT_BUS_NAME',
} as const;

/** CORS of the HTTP API, answered by API Gateway in the cloud and by the sandbox locally. */
export const cors = {
  allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match', 'x-access-reason'],
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
  exposeHeaders: ['etag', 'location'],
  maxAgeSeconds: 600,
} as const;

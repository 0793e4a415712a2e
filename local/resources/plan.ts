import { type EventSourceMapping, eventSourceMappings } from '#infra/declaration/functions.ts';
import { bus, type QueueName, queues, type RuleDeclaration, rules } from '#infra/declaration/messaging.ts';
import {
  type BucketName,
  buckets,
  type KeyAttribute,
  type SecretName,
  secrets,
  type TableName,
  tables,
} from '#infra/declaration/storage.ts';
import { lakeCatalog } from '#schemas/analytics/lake.ts';

/** A DLQ keeps a message 14 days (the SQS maximum), as in the cloud. */
export const dlqRetentionSeconds = 14 * 24 * 60 * 60;

export type PlannedIndex = { name: string; partitionKey: KeyAttribute; sortKey?: KeyAttribute };
export type PlannedTable = {
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  indexes: PlannedIndex[];
  timeToLiveAttribute?: string;
  /** Stream of new and old images. */
  stream: boolean;
};
export type PlannedQueue = {
  name: string;
  visibilityTimeout: number;
  maxReceiveCount: number;
  dlq: { name: string; retentionSeconds: number };
};
export type PlannedRule = {
  name: string;
  description: string;
  /** The EventBridge pattern, exactly as declared. */
  pattern: RuleDeclaration['pattern'];
  targetQueue: QueueName;
};
export type PlannedSecret = {
  name: string;
  description: string;
  /** Random letters and digits generated once, as the CDK stack's `generateSecretString`. */
  length: number;
};
export type SandboxPlan = {
  tables: Record<TableName, PlannedTable>;
  queues: Record<QueueName, PlannedQueue>;
  /** The bus and its archive (for replays), as in the stack. */
  bus: { name: string; archive: { name: string; retentionDays: number } };
  rules: Record<string, PlannedRule>;
  eventSourceMappings: readonly EventSourceMapping[];
  buckets: Record<BucketName, string>;
  secrets: Record<SecretName, PlannedSecret>;
  /** The lake bucket's name (also in `buckets`). */
  lakeBucket: string;
};

/** Length of a generated secret, as `generatedSecretLength` in `infra/stacks/secrets.ts`. */
export const generatedSecretLength = 64;

/**
 * The lake's Athena workgroup and Glue database names, as in the cloud. Locally they are
 * placeholders: saved queries run on DuckDB (`QUERY_ENGINE=duckdb`) over the mirrored lake.
 */
export const lakeQueryNames = { workGroup: 'relais', database: lakeCatalog.database } as const;

const mapValues = <K extends string, V, R>(record: Record<K, V>, f: (value: V, key: K) => R): Record<K, R> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value as V, key as K)])) as Record<
    K,
    R
  >;

/** The resources of a sandbox whose physical names start with `prefix` (pure: no I/O). */
export const sandboxPlan = (prefix: string): SandboxPlan => ({
  tables: mapValues(tables as Record<TableName, (typeof tables)[TableName]>, (declared, key) => ({
    name: `${prefix}-${key}`,
    partitionKey: declared.partitionKey,
    ...('sortKey' in declared ? { sortKey: declared.sortKey } : {}),
    indexes: declared.indexes.map((index: PlannedIndex) => ({ ...index })),
    ...('timeToLiveAttribute' in declared ? { timeToLiveAttribute: declared.timeToLiveAttribute } : {}),
    stream: declared.stream,
  })),
  queues: mapValues(queues as Record<QueueName, (typeof queues)[QueueName]>, (declared, key) => ({
    name: `${prefix}-${key}`,
    visibilityTimeout: declared.visibilityTimeout,
    maxReceiveCount: declared.maxReceiveCount,
    dlq: { name: `${prefix}-${key}-dlq`, retentionSeconds: dlqRetentionSeconds },
  })),
  bus: {
    name: `${prefix}-${bus.name}`,
    archive: { name: `${prefix}-${bus.name}-archive`, retentionDays: bus.archiveRetentionDays },
  },
  rules: mapValues(rules as Record<string, RuleDeclaration>, (declared, key) => ({
    name: `${prefix}-${key}`,
    description: declared.description,
    pattern: declared.pattern,
    targetQueue: declared.target.queue,
  })),
  eventSourceMappings,
  buckets: mapValues(
    buckets as Record<BucketName, (typeof buckets)[BucketName]>,
    (_declared, key) => `${prefix}-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
  ),
  secrets: mapValues(secrets as Record<SecretName, (typeof secrets)[SecretName]>, (declared, key) => ({
    name: `${prefix}-${key}`,
    description: declared.description,
    length: generatedSecretLength,
  })),
  lakeBucket: `${prefix}-lake`,
});

/**
 * Every lookup in the environment, in one module: where a function finds its resources (set by
 * `bind` in CDK or by the sandbox; required) and the few optional settings.
 */
import { envName } from '#infra/declaration/functions.ts';
import type { QueueName } from '#infra/declaration/messaging.ts';
import type { BucketName, SecretName, TableName } from '#infra/declaration/storage.ts';

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set: is the function bound to it?`);
  return value;
};

export const tableName = (table: TableName): string => required(envName.table(table));
export const queueUrl = (queue: QueueName): string => required(envName.queue(queue));
export const eventBusName = (): string => required(envName.bus);
/** Read at each call, never cached (a test may point a function at another bucket). */
export const bucketName = (bucket: BucketName): string => required(envName.bucket(bucket));
export const secretArn = (secret: SecretName): string => required(envName.secret(secret));

const optional = (name: string): string | undefined => process.env[name] || undefined;

/** Optional settings, each undefined when unset. */
export const settings = {
  /** Powertools' metrics namespace (set on every function by the stack). */
  metricsNamespace: () => optional('POWERTOOLS_METRICS_NAMESPACE'),
  /** An emulator's endpoint (the sandbox, or LocalStack): S3 then addresses buckets by path. */
  emulatorEndpoint: () => optional('AWS_ENDPOINT_URL'),
  /** `duckdb` in the sandbox; Athena otherwise. */
  queryEngine: () => optional('QUERY_ENGINE'),
  athenaWorkgroup: () => optional('ATHENA_WORKGROUP'),
  glueDatabase: () => optional('GLUE_DATABASE'),
  /** Where the saved-query files are, when not beside the catalogue module (the bundle copies them). */
  savedQueriesDir: () => optional('SAVED_QUERIES_DIR'),
  /** Where the DuckDB engine mirrors the lake. */
  lakeMirrorDir: () => optional('LAKE_MIRROR_DIR'),
};

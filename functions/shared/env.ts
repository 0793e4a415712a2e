/** Where a function finds its resources: the environment set by `bind` in CDK or by the sandbox. */
import { envName } from '#infra/declaration/functions.ts';
import type { QueueName } from '#infra/declaration/messaging.ts';
import type { BucketName, TableName } from '#infra/declaration/storage.ts';

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

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import {
  envName,
  type FunctionDeclaration,
  type FunctionName,
  functions,
} from '#infra/declaration/functions.ts';
import type { QueueName } from '#infra/declaration/messaging.ts';
import {
  type BucketDeclaration,
  type BucketName,
  buckets,
  type SecretName,
  type TableName,
} from '#infra/declaration/storage.ts';
import { ensureTable } from './dynamodb.ts';
import { ensureBus, ensureRule } from './eventbridge.ts';
import {
  lakeQueryNames,
  type PlannedQueue,
  type PlannedSecret,
  type PlannedTable,
  sandboxPlan,
} from './plan.ts';
import { ensureBucket } from './s3.ts';
import { ensureSecret } from './secrets.ts';
import { ensureQueue, queuePolicy, setChangedAttributes } from './sqs.ts';

export type SandboxClients = {
  dynamodb: DynamoDBClient;
  sqs: SQSClient;
  eventBridge: EventBridgeClient;
  s3: S3Client;
  secretsManager: SecretsManagerClient;
};

export type ProvisionedSandbox = {
  tables: Record<TableName, { name: string; streamArn?: string }>;
  queues: Record<QueueName, { url: string; arn: string; dlqUrl: string; dlqArn: string }>;
  busName: string;
  busArn: string;
  /** The bus's archive, which a replay (`StartReplay`) puts back on the bus. */
  busArchive: { name: string; arn: string };
  buckets: Record<BucketName, string>;
  secrets: Record<SecretName, { name: string; arn: string }>;
  /** The lake bucket's name (also in `buckets`). */
  lakeBucket: string;
};

/** SDK clients on the standard endpoint configuration (`AWS_ENDPOINT_URL`, `AWS_REGION`). */
export const defaultClients = (): SandboxClients => ({
  dynamodb: new DynamoDBClient({}),
  sqs: new SQSClient({}),
  eventBridge: new EventBridgeClient({}),
  // Emulators answer on one host: bucket names go in the path, not in a sub-domain.
  s3: new S3Client({ forcePathStyle: true }),
  secretsManager: new SecretsManagerClient({}),
});

/**
 * Creates the sandbox's tables, queues (with DLQs and queue policies), bus, rules, buckets and
 * secrets on the emulator. Idempotent: on an existing sandbox it changes nothing (a secret
 * keeps its value) and answers the same names, URLs and ARNs.
 */
export const provisionSandbox = async (
  prefix: string,
  clients: SandboxClients = defaultClients(),
): Promise<ProvisionedSandbox> => {
  const plan = sandboxPlan(prefix);

  const tableEntries = await Promise.all(
    (Object.entries(plan.tables) as [TableName, PlannedTable][]).map(
      async ([key, table]) => [key, await ensureTable(clients.dynamodb, table)] as const,
    ),
  );

  const queueEntries = await Promise.all(
    (Object.entries(plan.queues) as [QueueName, PlannedQueue][]).map(async ([key, queue]) => {
      const dlq = await ensureQueue(clients.sqs, queue.dlq.name, {
        MessageRetentionPeriod: String(queue.dlq.retentionSeconds),
      });
      const main = await ensureQueue(clients.sqs, queue.name, {
        VisibilityTimeout: String(queue.visibilityTimeout),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: dlq.arn,
          maxReceiveCount: queue.maxReceiveCount,
        }),
      });
      return [key, { url: main.url, arn: main.arn, dlqUrl: dlq.url, dlqArn: dlq.arn }] as const;
    }),
  );
  const provisionedQueues = Object.fromEntries(queueEntries) as ProvisionedSandbox['queues'];

  const { busArn, archiveArn } = await ensureBus(clients.eventBridge, plan.bus);
  const ruleArnsByQueue = new Map<QueueName, string[]>();
  for (const rule of Object.values(plan.rules)) {
    const queue = provisionedQueues[rule.targetQueue];
    const arn = await ensureRule(clients.eventBridge, plan.bus.name, rule, queue);
    ruleArnsByQueue.set(rule.targetQueue, [...(ruleArnsByQueue.get(rule.targetQueue) ?? []), arn]);
  }
  for (const [key, ruleArns] of ruleArnsByQueue) {
    const queue = provisionedQueues[key];
    await setChangedAttributes(clients.sqs, queue.url, { Policy: queuePolicy(queue.arn, ruleArns) });
  }

  for (const [key, bucket] of Object.entries(plan.buckets) as [BucketName, string][]) {
    await ensureBucket(clients.s3, bucket, (buckets[key] as BucketDeclaration).objectLock);
  }
  const secretEntries = await Promise.all(
    (Object.entries(plan.secrets) as [SecretName, PlannedSecret][]).map(
      async ([key, secret]) =>
        [key, { name: secret.name, arn: await ensureSecret(clients.secretsManager, secret) }] as const,
    ),
  );

  return {
    tables: Object.fromEntries(tableEntries) as ProvisionedSandbox['tables'],
    queues: provisionedQueues,
    busName: plan.bus.name,
    busArn,
    busArchive: { name: plan.bus.archive.name, arn: archiveArn },
    buckets: plan.buckets,
    secrets: Object.fromEntries(secretEntries) as ProvisionedSandbox['secrets'],
    lakeBucket: plan.lakeBucket,
  };
};

/**
 * The environment variables binding `fn` to its resources: the same `envName` names the CDK
 * `bind*` helpers set, with the sandbox's physical names as values. One deliberate difference:
 * a function that queries the lake also gets `QUERY_ENGINE=duckdb` (no Athena locally).
 */
export const functionEnvironment = (
  fn: FunctionName,
  provisioned: ProvisionedSandbox,
): Record<string, string> => {
  const declared: FunctionDeclaration = functions[fn];
  return {
    ...Object.fromEntries(
      (Object.keys(declared.tables ?? {}) as TableName[]).map((table) => [
        envName.table(table),
        provisioned.tables[table].name,
      ]),
    ),
    ...(declared.putsEvents ? { [envName.bus]: provisioned.busName } : {}),
    ...Object.fromEntries(
      (declared.sendsTo ?? []).map((queue) => [envName.queue(queue), provisioned.queues[queue].url]),
    ),
    ...Object.fromEntries(
      (Object.keys(declared.buckets ?? {}) as BucketName[]).map((bucket) => [
        envName.bucket(bucket),
        provisioned.buckets[bucket],
      ]),
    ),
    ...Object.fromEntries(
      (declared.secrets ?? []).map((secret) => [envName.secret(secret), provisioned.secrets[secret].arn]),
    ),
    ...(declared.queriesLake
      ? {
          ATHENA_WORKGROUP: lakeQueryNames.workGroup,
          GLUE_DATABASE: lakeQueryNames.database,
          QUERY_ENGINE: 'duckdb',
        }
      : {}),
  };
};

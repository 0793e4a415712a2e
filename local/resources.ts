/**
 * The sandbox side of "one declaration, two runtimes": the resources the local sandbox creates
 * on the emulator, derived from `infra/declaration/` like the CDK stack is, and created
 * idempotently with the AWS SDK. `tests/infra/drift.test.ts` compares this plan with the stack.
 */
import { randomInt } from 'node:crypto';
import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  type GlobalSecondaryIndex,
  type KeySchemaElement,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import {
  CreateEventBusCommand,
  DescribeEventBusCommand,
  DescribeRuleCommand,
  EventBridgeClient,
  ListTargetsByRuleCommand,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import {
  type BucketLocationConstraint,
  CreateBucketCommand,
  HeadBucketCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  type QueueAttributeName,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import {
  type EventSourceMapping,
  envName,
  eventSourceMappings,
  type FunctionDeclaration,
  type FunctionName,
  functions,
} from '#infra/declaration/functions.ts';
import {
  bus,
  type QueueName,
  queues,
  type RuleDeclaration,
  ruleDelivery,
  rules,
} from '#infra/declaration/messaging.ts';
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
  bus: { name: string };
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
  bus: { name: `${prefix}-${bus.name}` },
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

const errorName = (error: unknown): string => (error instanceof Error ? error.name : '');
const isMissing = (error: unknown, ...names: string[]) => names.includes(errorName(error));

// --- DynamoDB ---------------------------------------------------------------------------

const keySchema = (partitionKey: KeyAttribute, sortKey?: KeyAttribute): KeySchemaElement[] => [
  { AttributeName: partitionKey.name, KeyType: 'HASH' },
  ...(sortKey ? [{ AttributeName: sortKey.name, KeyType: 'RANGE' as const }] : []),
];

const attributeDefinitions = (keys: KeyAttribute[]): AttributeDefinition[] => [
  ...new Map(keys.map((key) => [key.name, { AttributeName: key.name, AttributeType: key.type }])).values(),
];

const gsi = (index: PlannedIndex): GlobalSecondaryIndex => ({
  IndexName: index.name,
  KeySchema: keySchema(index.partitionKey, index.sortKey),
  Projection: { ProjectionType: 'ALL' },
});

const describeTable = async (client: DynamoDBClient, name: string): Promise<TableDescription | undefined> => {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    if (isMissing(error, 'ResourceNotFoundException')) return undefined;
    throw error;
  }
};

const ensureTable = async (client: DynamoDBClient, table: PlannedTable) => {
  const allKeys = [
    table.partitionKey,
    table.sortKey,
    ...table.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  let description = await describeTable(client, table.name);
  if (!description) {
    try {
      await client.send(
        new CreateTableCommand({
          TableName: table.name,
          BillingMode: 'PAY_PER_REQUEST',
          KeySchema: keySchema(table.partitionKey, table.sortKey),
          AttributeDefinitions: attributeDefinitions(allKeys.filter((key) => key !== undefined)),
          ...(table.indexes.length ? { GlobalSecondaryIndexes: table.indexes.map(gsi) } : {}),
          ...(table.stream
            ? { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } }
            : {}),
        }),
      );
    } catch (error) {
      // Another process provisioning the same sandbox got there first: theirs is as good.
      if (!isMissing(error, 'ResourceInUseException')) throw error;
    }
    await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: table.name });
    description = await describeTable(client, table.name);
  } else {
    // An older sandbox: add what the declaration gained since (one new GSI per update, as AWS wants).
    const existing = new Set((description.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
    for (const index of table.indexes.filter((i) => !existing.has(i.name))) {
      await client.send(
        new UpdateTableCommand({
          TableName: table.name,
          AttributeDefinitions: attributeDefinitions(
            [index.partitionKey, index.sortKey].filter((key) => key !== undefined),
          ),
          GlobalSecondaryIndexUpdates: [{ Create: gsi(index) }],
        }),
      );
    }
    if (table.stream && !description.StreamSpecification?.StreamEnabled) {
      await client.send(
        new UpdateTableCommand({
          TableName: table.name,
          StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
        }),
      );
      description = await describeTable(client, table.name);
    }
  }
  if (table.timeToLiveAttribute) {
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: table.name }));
    const status = ttl.TimeToLiveDescription?.TimeToLiveStatus;
    // AWS refuses to enable TTL twice: only a table without it gets the update.
    if (status !== 'ENABLED' && status !== 'ENABLING') {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: table.name,
          TimeToLiveSpecification: { AttributeName: table.timeToLiveAttribute, Enabled: true },
        }),
      );
    }
  }
  return {
    name: table.name,
    ...(description?.LatestStreamArn ? { streamArn: description.LatestStreamArn } : {}),
  };
};

// --- SQS ----------------------------------------------------------------------------------

type QueueAttributes = Partial<Record<QueueAttributeName, string>>;

const sameAttribute = (name: string, current: string | undefined, wanted: string): boolean => {
  if (current === undefined) return false;
  if (name === 'RedrivePolicy' || name === 'Policy') {
    const a = JSON.parse(current) as Record<string, unknown>;
    const b = JSON.parse(wanted) as Record<string, unknown>;
    // Emulators and AWS differ on number-or-string; the values are what matter.
    return (
      JSON.stringify(a, (_k, v) => (typeof v === 'number' ? String(v) : v)) ===
      JSON.stringify(b, (_k, v) => (typeof v === 'number' ? String(v) : v))
    );
  }
  return current === wanted;
};

/** Creates the queue, or brings an existing one to `attributes`; answers its URL and ARN. */
const ensureQueue = async (client: SQSClient, name: string, attributes: QueueAttributes) => {
  let url: string | undefined;
  try {
    url = (await client.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl;
  } catch (error) {
    if (!isMissing(error, 'QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue')) throw error;
  }
  if (!url) {
    url = (await client.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl;
  } else {
    await setChangedAttributes(client, url, attributes);
  }
  if (!url) throw new Error(`SQS gave no URL for queue ${name}`);
  const answer = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
  );
  const arn = answer.Attributes?.QueueArn;
  if (!arn) throw new Error(`SQS gave no ARN for queue ${name}`);
  return { url, arn };
};

const setChangedAttributes = async (client: SQSClient, url: string, attributes: QueueAttributes) => {
  const names = Object.keys(attributes) as QueueAttributeName[];
  const current = (await client.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: names })))
    .Attributes as QueueAttributes | undefined;
  const changed = Object.fromEntries(
    names.flatMap((name) => {
      const wanted = attributes[name];
      return wanted === undefined || sameAttribute(name, current?.[name], wanted) ? [] : [[name, wanted]];
    }),
  );
  if (Object.keys(changed).length) {
    await client.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: changed }));
  }
};

/** Lets EventBridge (only the given rules) send to the queue, as the CDK target does. */
const queuePolicy = (queueArn: string, ruleArns: string[]): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: ruleArns.map((ruleArn, i) => ({
      Sid: `AllowEventRule${i}`,
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: queueArn,
      Condition: { ArnEquals: { 'aws:SourceArn': ruleArn } },
    })),
  });

// --- EventBridge --------------------------------------------------------------------------

const ensureBus = async (client: EventBridgeClient, name: string) => {
  try {
    await client.send(new DescribeEventBusCommand({ Name: name }));
  } catch (error) {
    if (!isMissing(error, 'ResourceNotFoundException')) throw error;
    await client.send(new CreateEventBusCommand({ Name: name }));
  }
};

const samePattern = (a: string | undefined, b: string) =>
  a !== undefined && JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));

/** Puts the rule and its queue target unless they are already as planned; answers the rule ARN. */
const ensureRule = async (
  client: EventBridgeClient,
  busName: string,
  rule: PlannedRule,
  queue: { arn: string; dlqArn: string },
) => {
  const queueArn = queue.arn;
  const pattern = JSON.stringify(rule.pattern);
  let arn: string | undefined;
  try {
    const current = await client.send(new DescribeRuleCommand({ Name: rule.name, EventBusName: busName }));
    if (samePattern(current.EventPattern, pattern) && current.State === 'ENABLED') {
      arn = current.Arn;
    }
  } catch (error) {
    if (!isMissing(error, 'ResourceNotFoundException')) throw error;
  }
  if (!arn) {
    arn = (
      await client.send(
        new PutRuleCommand({
          Name: rule.name,
          EventBusName: busName,
          EventPattern: pattern,
          Description: rule.description,
          State: 'ENABLED',
        }),
      )
    ).RuleArn;
  }
  const targets = await client.send(new ListTargetsByRuleCommand({ Rule: rule.name, EventBusName: busName }));
  if (!targets.Targets?.some((target) => target.Arn === queueArn)) {
    const answer = await client.send(
      new PutTargetsCommand({
        Rule: rule.name,
        EventBusName: busName,
        Targets: [
          {
            Id: 'queue',
            Arn: queueArn,
            DeadLetterConfig: { Arn: queue.dlqArn },
            RetryPolicy: {
              MaximumRetryAttempts: ruleDelivery.retryAttempts,
              MaximumEventAgeInSeconds: ruleDelivery.maxEventAgeSeconds,
            },
          },
        ],
      }),
    );
    if (answer.FailedEntryCount) {
      throw new Error(
        `Could not target ${queueArn} from rule ${rule.name}: ${JSON.stringify(answer.FailedEntries)}`,
      );
    }
  }
  if (!arn) throw new Error(`EventBridge gave no ARN for rule ${rule.name}`);
  return arn;
};

// --- S3 -----------------------------------------------------------------------------------

const ensureBucket = async (client: S3Client, name: string) => {
  try {
    await client.send(new HeadBucketCommand({ Bucket: name }));
    return;
  } catch (error) {
    if (!isMissing(error, 'NotFound', 'NoSuchBucket')) throw error;
  }
  const region = await client.config.region();
  try {
    await client.send(
      new CreateBucketCommand({
        Bucket: name,
        ...(region === 'us-east-1'
          ? {}
          : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
      }),
    );
  } catch (error) {
    if (!isMissing(error, 'BucketAlreadyOwnedByYou')) throw error;
  }
};

// --- Secrets Manager ----------------------------------------------------------------------

const secretAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random letters and digits, like `generateSecretString` with `excludePunctuation`. */
export const randomSecret = (length: number): string =>
  Array.from({ length }, () => secretAlphabet[randomInt(secretAlphabet.length)]).join('');

/** Creates the secret with a random value the first time only; answers its ARN. */
const ensureSecret = async (client: SecretsManagerClient, secret: PlannedSecret): Promise<string> => {
  const describe = async () => {
    try {
      return (await client.send(new DescribeSecretCommand({ SecretId: secret.name }))).ARN;
    } catch (error) {
      if (isMissing(error, 'ResourceNotFoundException')) return undefined;
      throw error;
    }
  };
  const existing = await describe();
  if (existing) return existing;
  try {
    const created = await client.send(
      new CreateSecretCommand({
        Name: secret.name,
        Description: secret.description,
        SecretString: randomSecret(secret.length),
      }),
    );
    if (created.ARN) return created.ARN;
  } catch (error) {
    // Another process provisioning the same sandbox created it first: its value stands.
    if (!isMissing(error, 'ResourceExistsException')) throw error;
  }
  const arn = await describe();
  if (!arn) throw new Error(`Secrets Manager gave no ARN for secret ${secret.name}`);
  return arn;
};

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

  await ensureBus(clients.eventBridge, plan.bus.name);
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

  for (const bucket of Object.values(plan.buckets)) await ensureBucket(clients.s3, bucket);
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

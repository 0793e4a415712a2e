/**
 * "One declaration, two runtimes" holds: the synthesised CDK stack and the local sandbox plan
 * (`local/resources/`) describe the same tables, queues, rules, event-source mappings, routes,
 * buckets, secrets and function bindings. Each comparison names what drifted; the diff shows how.
 */
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, test } from 'vitest';
import { type EventSourceMapping, type FunctionName, functions } from '#infra/declaration/functions.ts';
import type { QueueName } from '#infra/declaration/messaging.ts';
import { buckets, type KeyAttribute, secrets, type TableName } from '#infra/declaration/storage.ts';
import { generatedSecretLength } from '#infra/stacks/secrets.ts';
import {
  type SandboxPlan,
  sandboxPlan,
  generatedSecretLength as sandboxSecretLength,
} from '#local/resources/plan.ts';
import { functionEnvironment, type ProvisionedSandbox } from '#local/resources/provision.ts';
import { routes } from '#schemas/routes.ts';
import { logicalIdOf, resourceOf, resourcesOfType, type Synthesised, synthRelais } from './support/synth.ts';

type KeyElement = { AttributeName: string; KeyType: 'HASH' | 'RANGE' };
type CfnTable = {
  KeySchema: KeyElement[];
  AttributeDefinitions: { AttributeName: string; AttributeType: 'S' | 'N' }[];
  GlobalSecondaryIndexes?: { IndexName: string; KeySchema: KeyElement[] }[];
  TimeToLiveSpecification?: { AttributeName: string; Enabled: boolean };
  StreamSpecification?: { StreamViewType: string };
};
type GetAtt = { 'Fn::GetAtt': [string, string] };
type Ref = { Ref: string };
type CfnQueue = {
  VisibilityTimeout?: number;
  MessageRetentionPeriod?: number;
  RedrivePolicy?: { deadLetterTargetArn: GetAtt; maxReceiveCount: number };
};
type CfnRule = {
  Description?: string;
  EventBusName?: Ref;
  EventPattern?: unknown;
  ScheduleExpression?: string;
  Targets: { Arn: GetAtt }[];
};
type CfnMapping = {
  EventSourceArn: GetAtt;
  FunctionName: Ref;
  BatchSize: number;
  MaximumRetryAttempts?: number;
  MaximumRecordAgeInSeconds?: number;
  MaximumBatchingWindowInSeconds?: number;
  ScalingConfig?: { MaximumConcurrency: number };
  DestinationConfig?: { OnFailure: { Destination: GetAtt } };
};
type CfnRoute = { RouteKey: string };
type CfnFunction = { Environment: { Variables: Record<string, unknown> } };

type CfnSecret = {
  Description?: string;
  KmsKeyId?: unknown;
  GenerateSecretString?: { PasswordLength?: number; ExcludePunctuation?: boolean };
};

/** Variables every function gets from the house defaults, not from a binding. */
const houseVariables = new Set(['NODE_OPTIONS', 'POWERTOOLS_SERVICE_NAME', 'POWERTOOLS_METRICS_NAMESPACE']);
/** Set by the sandbox only, on purpose: it runs saved queries on DuckDB instead of Athena. */
const sandboxOnlyVariables = new Set(['QUERY_ENGINE']);

let synthesised: Synthesised;
let plan: SandboxPlan;

/** Declared name of the construct (in `record`) whose logical id is `id`, if any. */
const findKey = (record: Record<string, IConstruct>, id: string): string | undefined =>
  Object.keys(record).find((key) => record[key] && logicalIdOf(record[key]) === id);
const keyOf = (record: Record<string, IConstruct>, id: string): string =>
  findKey(record, id) ?? `<undeclared ${id}>`;

const keyAttributes = (schema: KeyElement[], table: CfnTable) => {
  const typeOf = (name: string) =>
    table.AttributeDefinitions.find((definition) => definition.AttributeName === name)?.AttributeType;
  const key = (type: KeyElement['KeyType']): KeyAttribute | undefined => {
    const element = schema.find((e) => e.KeyType === type);
    return element ? { name: element.AttributeName, type: typeOf(element.AttributeName) ?? 'S' } : undefined;
  };
  const sortKey = key('RANGE');
  return { partitionKey: key('HASH'), ...(sortKey ? { sortKey } : {}) };
};

const byName = <T extends { name: string }>(items: T[]) =>
  [...items].sort((a, b) => a.name.localeCompare(b.name));
const sortedJson = <T>(items: readonly T[]) => items.map((item) => JSON.stringify(item)).sort();

beforeAll(() => {
  synthesised = synthRelais();
  plan = sandboxPlan('drift');
});

describe('the CDK stack and the sandbox plan agree on', () => {
  test('tables: keys, indexes, TTL and stream', () => {
    // Prepare
    const { stack, template } = synthesised;

    // Act
    const cloud = Object.fromEntries(
      (Object.keys(stack.storage.tables) as TableName[]).map((key) => {
        const table = resourceOf<CfnTable>(template, stack.storage.tables[key]).Properties;
        const ttl = table.TimeToLiveSpecification?.Enabled
          ? table.TimeToLiveSpecification.AttributeName
          : undefined;
        return [
          key,
          {
            ...keyAttributes(table.KeySchema, table),
            indexes: byName(
              (table.GlobalSecondaryIndexes ?? []).map((index) => ({
                name: index.IndexName,
                ...keyAttributes(index.KeySchema, table),
              })),
            ),
            ...(ttl ? { timeToLiveAttribute: ttl } : {}),
            stream: table.StreamSpecification?.StreamViewType === 'NEW_AND_OLD_IMAGES',
          },
        ];
      }),
    );
    const sandbox = Object.fromEntries(
      Object.entries(plan.tables).map(([key, { name: _name, ...table }]) => [
        key,
        { ...table, indexes: byName(table.indexes) },
      ]),
    );

    // Assess
    expect(cloud, 'tables (+ CDK stack, - sandbox plan)').toEqual(sandbox);
    expect(Object.keys(resourcesOfType(template, 'AWS::DynamoDB::Table')), 'number of tables').toHaveLength(
      Object.keys(plan.tables).length,
    );
  });

  test('queues: visibility timeout, DLQ, maxReceiveCount and DLQ retention', () => {
    // Prepare
    const { stack, template } = synthesised;
    const allQueues = resourcesOfType<CfnQueue>(template, 'AWS::SQS::Queue');

    // Act
    const cloud = Object.fromEntries(
      (Object.keys(stack.messaging.queues) as QueueName[]).map((key) => {
        const queue = resourceOf<CfnQueue>(template, stack.messaging.queues[key]).Properties;
        const dlqId = queue.RedrivePolicy?.deadLetterTargetArn['Fn::GetAtt'][0] ?? '<no DLQ>';
        return [
          key,
          {
            visibilityTimeout: queue.VisibilityTimeout,
            maxReceiveCount: queue.RedrivePolicy?.maxReceiveCount,
            dlq: { retentionSeconds: allQueues[dlqId]?.Properties.MessageRetentionPeriod },
          },
        ];
      }),
    );
    const sandbox = Object.fromEntries(
      Object.entries(plan.queues).map(([key, queue]) => [
        key,
        {
          visibilityTimeout: queue.visibilityTimeout,
          maxReceiveCount: queue.maxReceiveCount,
          dlq: { retentionSeconds: queue.dlq.retentionSeconds },
        },
      ]),
    );

    // Assess
    expect(cloud, 'queues (+ CDK stack, - sandbox plan)').toEqual(sandbox);
    expect(Object.keys(allQueues), 'number of queues (each with its DLQ)').toHaveLength(
      2 * Object.keys(plan.queues).length,
    );
  });

  test('rules on the bus: pattern and target queue', () => {
    // Prepare
    const { stack, template } = synthesised;
    const busId = logicalIdOf(stack.messaging.bus);

    // Act
    const onBus = Object.entries(resourcesOfType<CfnRule>(template, 'AWS::Events::Rule')).filter(
      ([, rule]) => rule.Properties.EventBusName?.Ref === busId,
    );
    const cloud = Object.fromEntries(
      onBus.map(([id, rule]) => [
        keyOf(stack.messaging.rules, id),
        {
          description: rule.Properties.Description,
          pattern: rule.Properties.EventPattern,
          targetQueues: rule.Properties.Targets.map((target) =>
            keyOf(stack.messaging.queues, target.Arn['Fn::GetAtt'][0]),
          ),
        },
      ]),
    );
    const sandbox = Object.fromEntries(
      Object.entries(plan.rules).map(([key, rule]) => [
        key,
        { description: rule.description, pattern: rule.pattern, targetQueues: [rule.targetQueue] },
      ]),
    );

    // Assess
    expect(cloud, 'rules (+ CDK stack, - sandbox plan)').toEqual(sandbox);
  });

  test('event-source mappings: source, function, batch settings and failure destination', () => {
    // Prepare
    const { stack, template } = synthesised;
    const { tables } = stack.storage;
    const { queues } = stack.messaging;

    // Act
    const cloud = Object.values(resourcesOfType<CfnMapping>(template, 'AWS::Lambda::EventSourceMapping')).map(
      ({ Properties: mapping }): EventSourceMapping | { unknownSource: string } => {
        const [sourceId, attribute] = mapping.EventSourceArn['Fn::GetAtt'];
        const fn = keyOf(stack.compute.functions, mapping.FunctionName.Ref) as FunctionName;
        if (attribute === 'StreamArn') {
          const onFailure = mapping.DestinationConfig?.OnFailure.Destination['Fn::GetAtt'][0] ?? '<none>';
          return {
            kind: 'tableStream',
            table: keyOf(tables, sourceId) as TableName,
            function: fn,
            batchSize: mapping.BatchSize,
            maxRetries: mapping.MaximumRetryAttempts ?? -1,
            maxRecordAgeSeconds: mapping.MaximumRecordAgeInSeconds ?? -1,
            onFailure: keyOf(queues, onFailure) as QueueName,
          };
        }
        const queue = findKey(queues, sourceId);
        if (queue) {
          return {
            kind: 'queue',
            queue: queue as QueueName,
            function: fn,
            batchSize: mapping.BatchSize,
            maxBatchingWindowSeconds: mapping.MaximumBatchingWindowInSeconds ?? 0,
            maxConcurrency: mapping.ScalingConfig?.MaximumConcurrency ?? -1,
          };
        }
        return { unknownSource: sourceId };
      },
    );

    // Assess
    expect(sortedJson(cloud), 'event-source mappings (+ CDK stack, - declaration)').toEqual(
      sortedJson(plan.eventSourceMappings),
    );
  });

  test('routes: one HTTP API route per entry of the route table', () => {
    // Prepare
    const { template } = synthesised;

    // Act
    const cloud = Object.values(resourcesOfType<CfnRoute>(template, 'AWS::ApiGatewayV2::Route'))
      .map((route) => route.Properties.RouteKey)
      .sort();

    // Assess
    expect(cloud, 'route keys (+ CDK stack, - schemas/routes.ts)').toEqual(
      routes.map((route) => `${route.method} ${route.path}`).sort(),
    );
  });

  test('function bindings: the same variables, pointing at the same declared resources', () => {
    // Prepare
    const { stack, template } = synthesised;
    const refs = new Map<string, string>([
      ...Object.entries(stack.storage.tables).map(
        ([key, table]) => [logicalIdOf(table), `table:${key}`] as const,
      ),
      ...Object.entries(stack.messaging.queues).map(
        ([key, queue]) => [logicalIdOf(queue), `queue:${key}`] as const,
      ),
      [logicalIdOf(stack.messaging.bus), 'bus'],
      ...Object.entries(stack.buckets).map(
        ([key, bucket]) => [logicalIdOf(bucket), `bucket:${key}`] as const,
      ),
      ...Object.entries(stack.secrets.secrets).map(
        ([key, secret]) => [logicalIdOf(secret), `secret:${key}`] as const,
      ),
    ]);
    // A sandbox whose physical names say which declared resource they are.
    const symbolic: ProvisionedSandbox = {
      tables: Object.fromEntries(
        Object.keys(plan.tables).map((key) => [key, { name: `table:${key}` }]),
      ) as ProvisionedSandbox['tables'],
      queues: Object.fromEntries(
        Object.keys(plan.queues).map((key) => [
          key,
          { url: `queue:${key}`, arn: '', dlqUrl: '', dlqArn: '' },
        ]),
      ) as ProvisionedSandbox['queues'],
      busName: 'bus',
      busArn: '',
      busArchive: { name: '', arn: '' },
      buckets: Object.fromEntries(
        Object.keys(plan.buckets).map((key) => [key, `bucket:${key}`]),
      ) as ProvisionedSandbox['buckets'],
      secrets: Object.fromEntries(
        Object.keys(plan.secrets).map((key) => [key, { name: key, arn: `secret:${key}` }]),
      ) as ProvisionedSandbox['secrets'],
      lakeBucket: 'bucket:lake',
    };

    for (const name of Object.keys(functions) as FunctionName[]) {
      // Act
      const variables = resourceOf<CfnFunction>(template, stack.compute.functions[name]).Properties
        .Environment.Variables;
      const cloud = Object.fromEntries(
        Object.entries(variables)
          .filter(([variable]) => !houseVariables.has(variable))
          .map(([variable, value]) => {
            if (typeof value === 'string') return [variable, value];
            const ref = (value as Partial<Ref>).Ref;
            return [variable, (ref && refs.get(ref)) ?? JSON.stringify(value)];
          }),
      );

      const sandbox = Object.fromEntries(
        Object.entries(functionEnvironment(name, symbolic)).filter(
          ([variable]) => !sandboxOnlyVariables.has(variable),
        ),
      );

      // Assess
      expect(cloud, `environment of ${name} (+ CDK stack, - sandbox functionEnvironment)`).toEqual(sandbox);
    }
  });

  test('buckets: one per declared bucket, bound under the same variables', () => {
    // Prepare
    const { stack } = synthesised;

    // Act
    const cloud = Object.keys(stack.buckets).sort();

    // Assess
    expect(cloud, 'buckets (+ CDK stack, - declaration)').toEqual(Object.keys(buckets).sort());
    expect(Object.keys(plan.buckets).sort(), 'buckets (+ sandbox plan, - declaration)').toEqual(
      Object.keys(buckets).sort(),
    );
    expect(plan.buckets.lake).toBe(plan.lakeBucket);
  });

  test('secrets: one per declared secret, generated at the same length', () => {
    // Prepare
    const { stack, template } = synthesised;

    // Act
    const cloud = Object.fromEntries(
      Object.entries(stack.secrets.secrets).map(([key, secret]) => {
        const cfn = resourceOf<CfnSecret>(template, secret).Properties;
        return [key, { description: cfn.Description, length: cfn.GenerateSecretString?.PasswordLength }];
      }),
    );
    const sandbox = Object.fromEntries(
      Object.entries(plan.secrets).map(([key, secret]) => [
        key,
        { description: secret.description, length: secret.length },
      ]),
    );

    // Assess
    expect(cloud, 'secrets (+ CDK stack, - sandbox plan)').toEqual(sandbox);
    expect(Object.keys(sandbox).sort()).toEqual(Object.keys(secrets).sort());
    expect(sandboxSecretLength).toBe(generatedSecretLength);
  });
});

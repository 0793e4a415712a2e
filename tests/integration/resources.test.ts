/**
 * The sandbox's resources on the emulator: what `provisionSandbox` creates matches the
 * declaration, a second run changes nothing, and an event on the bus reaches the lake queue.
 */
import { DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeArchiveCommand,
  DescribeRuleCommand,
  EventBridgeClient,
  ListTargetsByRuleCommand,
  PutEventsCommand,
} from '@aws-sdk/client-eventbridge';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { beforeAll, describe, expect, test } from 'vitest';
import { queues } from '#infra/declaration/messaging.ts';
import { tables } from '#infra/declaration/storage.ts';
import { sandboxPlan } from '#local/resources/plan.ts';
import {
  functionEnvironment,
  type ProvisionedSandbox,
  provisionSandbox,
} from '#local/resources/provision.ts';
import { uniquePrefix, useEmulator } from '../support/aws.ts';

// biome-ignore lint/correctness/useHookAtTopLevel: not a React hook, it points this file's SDK at the emulator
useEmulator();
const prefix = uniquePrefix('res');
const dynamodb = new DynamoDBClient({});
const sqs = new SQSClient({});
const eventBridge = new EventBridgeClient({});
const s3 = new S3Client({ forcePathStyle: true });

let provisioned: ProvisionedSandbox;

const queueAttributes = async (url: string) =>
  (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }))).Attributes ??
  {};

beforeAll(async () => {
  provisioned = await provisionSandbox(prefix);
});

describe('provisionSandbox', () => {
  test('creates every declared table with its keys, indexes, TTL and stream', async () => {
    // Prepare
    const names = Object.keys(tables) as (keyof typeof tables)[];

    for (const name of names) {
      // Act
      const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: `${prefix}-${name}` }));
      const ttl = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: `${prefix}-${name}` }));

      // Assess
      const declared = tables[name];
      expect(Table?.KeySchema?.[0]).toEqual({ AttributeName: declared.partitionKey.name, KeyType: 'HASH' });
      expect((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName).sort()).toEqual(
        declared.indexes.map((index) => index.name).sort(),
      );
      expect(Boolean(Table?.StreamSpecification?.StreamEnabled)).toBe(declared.stream);
      expect(Boolean(provisioned.tables[name].streamArn)).toBe(declared.stream);
      if ('timeToLiveAttribute' in declared) {
        expect(ttl.TimeToLiveDescription?.AttributeName).toBe(declared.timeToLiveAttribute);
      }
    }
  });

  test('gives every queue a DLQ after its declared number of receives', async () => {
    for (const name of Object.keys(queues) as (keyof typeof queues)[]) {
      // Act
      const queue = provisioned.queues[name];
      const attributes = await queueAttributes(queue.url);
      const dlqAttributes = await queueAttributes(queue.dlqUrl);

      // Assess
      expect(queue.url).toContain(`${prefix}-${name}`);
      expect(queue.dlqUrl).toContain(`${prefix}-${name}-dlq`);
      expect(JSON.parse(attributes.RedrivePolicy ?? '{}')).toMatchObject({
        deadLetterTargetArn: queue.dlqArn,
      });
      expect(Number(JSON.parse(attributes.RedrivePolicy ?? '{}').maxReceiveCount)).toBe(
        queues[name].maxReceiveCount,
      );
      expect(Number(attributes.VisibilityTimeout)).toBe(queues[name].visibilityTimeout);
      expect(Number(dlqAttributes.MessageRetentionPeriod)).toBe(14 * 24 * 3600);
    }
  });

  test('routes Relais events to the lake queue with the declared rule', async () => {
    // Prepare
    const rule = sandboxPlan(prefix).rules.everything;

    // Act
    const described = await eventBridge.send(
      new DescribeRuleCommand({ Name: rule?.name, EventBusName: provisioned.busName }),
    );
    const targets = await eventBridge.send(
      new ListTargetsByRuleCommand({ Rule: rule?.name, EventBusName: provisioned.busName }),
    );

    // Assess
    expect(JSON.parse(described.EventPattern ?? '{}')).toEqual({ source: [{ prefix: 'relais.' }] });
    expect(targets.Targets?.map((target) => target.Arn)).toEqual([provisioned.queues.lakeIntake.arn]);
  });

  test('archives every event of the bus for 30 days, as the stack does', async () => {
    // Act
    const archive = await eventBridge.send(
      new DescribeArchiveCommand({ ArchiveName: provisioned.busArchive.name }),
    );

    // Assess
    expect(archive.EventSourceArn).toBe(provisioned.busArn);
    expect(archive.RetentionDays).toBe(30);
  });

  test('creates the lake bucket', async () => {
    // Act
    const head = s3.send(new HeadBucketCommand({ Bucket: provisioned.lakeBucket }));

    // Assess
    await expect(head).resolves.toBeDefined();
    expect(provisioned.lakeBucket).toBe(`${prefix}-lake`);
  });

  test('is idempotent: a second run answers the same resources and changes nothing', async () => {
    // Prepare
    const before = await queueAttributes(provisioned.queues.lakeIntake.url);

    // Act
    const again = await provisionSandbox(prefix);

    // Assess
    expect(again).toEqual(provisioned);
    const after = await queueAttributes(provisioned.queues.lakeIntake.url);
    expect(after.LastModifiedTimestamp).toBe(before.LastModifiedTimestamp);
    expect(after.Policy).toBe(before.Policy);
  });

  test('delivers an event put on the bus to the lakeIntake queue', async () => {
    // Prepare
    const detail = { customerId: 'c-42', marker: prefix };

    // Act
    const put = await eventBridge.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: provisioned.busName,
            Source: 'relais.customers',
            DetailType: 'CustomerCreated',
            Detail: JSON.stringify(detail),
          },
        ],
      }),
    );
    const received = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: provisioned.queues.lakeIntake.url,
        WaitTimeSeconds: 5,
        MaxNumberOfMessages: 1,
      }),
    );

    // Assess
    expect(put.FailedEntryCount).toBe(0);
    const event = JSON.parse(received.Messages?.[0]?.Body ?? '{}');
    expect(event).toMatchObject({ source: 'relais.customers', 'detail-type': 'CustomerCreated', detail });
  });

  test('binds each function to the physical names through the declared variables', () => {
    // Act
    const customers = functionEnvironment('customersApi', provisioned);
    const publisher = functionEnvironment('streamPublisher', provisioned);

    // Assess
    expect(customers).toEqual({
      MAIN_TABLE_NAME: `${prefix}-main`,
      AUDIT_TABLE_NAME: `${prefix}-audit`,
      IDEMPOTENCY_TABLE_NAME: `${prefix}-idempotency`,
      AUDIT_INTAKE_QUEUE_URL: expect.stringMatching(new RegExp(`/${prefix}-auditIntake$`)),
    });
    expect(publisher).toEqual({
      EVENT_BUS_NAME: `${prefix}-relais`,
      PUBLISHER_FAILURES_QUEUE_URL: expect.stringMatching(new RegExp(`/${prefix}-publisherFailures$`)),
    });
  });
});

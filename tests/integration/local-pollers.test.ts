/**
 * The sandbox's stand-ins for Lambda's event-source mappings and EventBridge schedules, against
 * the emulator: queue messages reach the handler once on success, failed ones come back and end
 * in the DLQ; stream records arrive in order with their images, failures are retried then handed
 * over; scheduled jobs fire at their times with EventBridge's event.
 */
import { createHash } from 'node:crypto';
import {
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DynamoDBClient,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Poller } from '#local/lambda/lambda-context.ts';
import { startQueuePoller } from '#local/lambda/queue-poller.ts';
import { type ScheduleEvent, type Scheduler, startScheduler } from '#local/lambda/scheduler.ts';
import { type StreamFailure, startStreamPoller } from '#local/lambda/stream-poller.ts';
import { uniquePrefix, useEmulator } from '../support/aws.ts';

// biome-ignore lint/correctness/useHookAtTopLevel: not a React hook, it points this file's SDK at the emulator
useEmulator();
const prefix = uniquePrefix('pollers');
const region = process.env.AWS_REGION ?? '';
const sqs = new SQSClient({});
const dynamodb = new DynamoDBClient({});

const running: (Poller | Scheduler)[] = [];
const queueUrls: string[] = [];
const tableNames: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.stop()));
});
afterAll(async () => {
  await Promise.all(queueUrls.map((QueueUrl) => sqs.send(new DeleteQueueCommand({ QueueUrl }))));
  await Promise.all(tableNames.map((TableName) => dynamodb.send(new DeleteTableCommand({ TableName }))));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `condition` holds, checking every 50 ms. */
const until = async (condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
};

const track = <P extends Poller | Scheduler>(poller: P): P => {
  running.push(poller);
  return poller;
};

const queueArnOf = async (QueueUrl: string) => {
  const answer = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  return answer.Attributes?.QueueArn ?? '';
};

/** A queue with its DLQ, as the sandbox builds them from the declaration. */
const createQueue = async (name: string, visibilityTimeout: number, maxReceiveCount: number) => {
  const dlq = await sqs.send(new CreateQueueCommand({ QueueName: `${prefix}-${name}-dlq` }));
  const dlqUrl = dlq.QueueUrl ?? '';
  const queue = await sqs.send(
    new CreateQueueCommand({
      QueueName: `${prefix}-${name}`,
      Attributes: {
        VisibilityTimeout: String(visibilityTimeout),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: await queueArnOf(dlqUrl), maxReceiveCount }),
      },
    }),
  );
  const queueUrl = queue.QueueUrl ?? '';
  queueUrls.push(queueUrl, dlqUrl);
  return { queueUrl, queueArn: await queueArnOf(queueUrl), dlqUrl };
};

const messagesIn = async (QueueUrl: string) => {
  const answer = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(answer.Attributes?.ApproximateNumberOfMessages) +
    Number(answer.Attributes?.ApproximateNumberOfMessagesNotVisible)
  );
};

const sendBodies = async (QueueUrl: string, bodies: string[]) => {
  for (let i = 0; i < bodies.length; i += 10) {
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl,
        Entries: bodies.slice(i, i + 10).map((body, j) => ({
          Id: String(j),
          MessageBody: body,
          MessageAttributes: { kind: { DataType: 'String', StringValue: 'test' } },
        })),
      }),
    );
  }
};

const countBy = (values: string[]) =>
  values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());

describe('queue poller', () => {
  it('delivers every message once, in Lambda’s SQS event, when the handler succeeds', async () => {
    // Prepare
    const { queueUrl, queueArn } = await createQueue('ok', 30, 3);
    const bodies = Array.from({ length: 25 }, (_, i) => JSON.stringify({ n: i }));
    await sendBodies(queueUrl, bodies);
    const batches: SQSRecord[][] = [];
    const contexts: Context[] = [];
    const remaining: number[] = [];
    const poller = track(
      startQueuePoller({
        queueUrl,
        queueArn,
        functionName: 'lakeArchiver',
        handler: async (event: SQSEvent, context: Context) => {
          batches.push(event.Records);
          contexts.push(context);
          remaining.push(context.getRemainingTimeInMillis());
          return { batchItemFailures: [] };
        },
        batchSize: 10,
        maxBatchingWindowSeconds: 0,
        timeoutSeconds: 10,
      }),
    );

    // Act
    await poller.idle();

    // Assess
    const records = batches.flat();
    expect(records.map((r) => r.body).sort()).toEqual([...bodies].sort());
    expect(batches.every((batch) => batch.length <= 10)).toBe(true);
    const record = records[0];
    expect(record).toMatchObject({
      eventSource: 'aws:sqs',
      eventSourceARN: queueArn,
      awsRegion: region,
      md5OfBody: createHash('md5')
        .update(record?.body ?? '')
        .digest('hex'),
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: expect.stringMatching(/^\d+$/) },
      messageAttributes: {
        kind: { stringValue: 'test', stringListValues: [], binaryListValues: [], dataType: 'String' },
      },
    });
    expect(record?.receiptHandle).toBeTruthy();
    expect(record?.attributes.ApproximateFirstReceiveTimestamp).toMatch(/^\d+$/);
    expect(new Set(contexts.map((c) => c.awsRequestId)).size).toBe(batches.length);
    expect(contexts[0]).toMatchObject({
      functionName: 'lakeArchiver',
      invokedFunctionArn: `arn:aws:lambda:${region}:123456789012:function:lakeArchiver`,
      logGroupName: '/aws/lambda/lakeArchiver',
    });
    expect(remaining.every((ms) => ms > 0 && ms <= 10_000)).toBe(true);
    expect(await messagesIn(queueUrl)).toBe(0);
  });

  it('runs two batches at once by default, as the cloud does at least, and is idle only when both are done', async () => {
    // Prepare: 20 messages, batches of 10, a handler that takes its time.
    const { queueUrl, queueArn } = await createQueue('concurrent', 30, 3);
    await sendBodies(
      queueUrl,
      Array.from({ length: 20 }, (_, i) => `c${i}`),
    );
    let running = 0;
    let mostAtOnce = 0;
    const handled: string[] = [];
    const poller = track(
      startQueuePoller({
        queueUrl,
        queueArn,
        functionName: 'concurrent',
        handler: async (event: SQSEvent) => {
          running++;
          mostAtOnce = Math.max(mostAtOnce, running);
          await sleep(1_500);
          handled.push(...event.Records.map((r) => r.body));
          running--;
        },
        batchSize: 10,
        maxBatchingWindowSeconds: 0,
        timeoutSeconds: 10,
      }),
    );

    // Act
    await until(() => running > 0, 'a first invocation');
    await poller.idle();

    // Assess
    expect(mostAtOnce).toBe(2);
    expect(handled).toHaveLength(20);
    expect(await messagesIn(queueUrl)).toBe(0);
  });

  it('gathers a batch over the batching window', async () => {
    // Prepare
    const { queueUrl, queueArn } = await createQueue('window', 30, 3);
    const batches: string[][] = [];
    const poller = track(
      startQueuePoller({
        queueUrl,
        queueArn,
        functionName: 'windowed',
        handler: async (event: SQSEvent) => {
          batches.push(event.Records.map((r) => r.body));
        },
        batchSize: 50,
        maxBatchingWindowSeconds: 2,
        timeoutSeconds: 10,
        // A second loop would take the messages arriving during the first one's window.
        concurrency: 1,
      }),
    );

    // Act
    for (const body of ['a', 'b', 'c']) {
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
      await sleep(300);
    }
    await until(() => batches.length > 0, 'the batch');
    await poller.idle();

    // Assess
    expect(batches).toEqual([['a', 'b', 'c']]);
  });

  it('redelivers only the messages a partial batch failure names', async () => {
    // Prepare
    const { queueUrl, queueArn } = await createQueue('partial', 1, 5);
    await sendBodies(queueUrl, ['m1', 'm2', 'm3', 'm4', 'm5', 'm6']);
    const delivered: { body: string; receiveCount: string }[] = [];
    const poller = track(
      startQueuePoller({
        queueUrl,
        queueArn,
        functionName: 'partial',
        handler: async (event: SQSEvent) => {
          delivered.push(
            ...event.Records.map((r) => ({
              body: r.body,
              receiveCount: r.attributes.ApproximateReceiveCount,
            })),
          );
          const failing = event.Records.filter(
            (r) => ['m2', 'm5'].includes(r.body) && r.attributes.ApproximateReceiveCount === '1',
          );
          return { batchItemFailures: failing.map((r) => ({ itemIdentifier: r.messageId })) };
        },
        batchSize: 10,
        maxBatchingWindowSeconds: 0,
        timeoutSeconds: 1,
        onError: () => {},
      }),
    );

    // Act
    await until(() => delivered.filter((d) => d.receiveCount === '2').length === 2, 'the redeliveries');
    await poller.idle();

    // Assess
    expect(Object.fromEntries(countBy(delivered.map((d) => d.body)))).toEqual({
      m1: 1,
      m2: 2,
      m3: 1,
      m4: 1,
      m5: 2,
      m6: 1,
    });
    expect(
      delivered
        .filter((d) => d.receiveCount === '2')
        .map((d) => d.body)
        .sort(),
    ).toEqual(['m2', 'm5']);
    expect(await messagesIn(queueUrl)).toBe(0);
  });

  it('moves a message that fails every time to the DLQ after maxReceiveCount receives', async () => {
    // Prepare
    const { queueUrl, queueArn, dlqUrl } = await createQueue('poison', 1, 2);
    await sendBodies(queueUrl, ['poison', 'fine']);
    const delivered: string[] = [];
    const errors: Error[] = [];
    const poller = track(
      startQueuePoller({
        queueUrl,
        queueArn,
        functionName: 'poisoned',
        handler: async (event: SQSEvent) => {
          delivered.push(...event.Records.map((r) => r.body));
          if (event.Records.some((r) => r.body === 'poison')) throw new Error('cannot digest poison');
        },
        batchSize: 1,
        maxBatchingWindowSeconds: 0,
        timeoutSeconds: 1,
        onError: (error) => errors.push(error),
      }),
    );

    // Act
    await until(async () => (await messagesIn(dlqUrl)) === 1, 'the DLQ to receive the message');
    await poller.idle();

    // Assess
    expect(Object.fromEntries(countBy(delivered))).toEqual({ poison: 2, fine: 1 });
    const inDlq = await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlqUrl, WaitTimeSeconds: 1 }));
    expect(inDlq.Messages?.map((m) => m.Body)).toEqual(['poison']);
    expect(await messagesIn(queueUrl)).toBe(0);
    expect(errors.map((e) => (e.cause as Error | undefined)?.message)).toContain('cannot digest poison');
  });

  it('fails the batch of a handler that runs past its timeout, and redelivers it', async () => {
    // Prepare
    const { queueUrl, queueArn } = await createQueue('slow', 1, 5);
    await sendBodies(queueUrl, ['slow']);
    const receiveCounts: string[] = [];
    const errors: Error[] = [];
    const poller = track(
      startQueuePoller({
        queueUrl,
        queueArn,
        functionName: 'slow',
        handler: async (event: SQSEvent) => {
          const count = event.Records[0]?.attributes.ApproximateReceiveCount ?? '';
          receiveCounts.push(count);
          if (count === '1') await sleep(1500);
        },
        batchSize: 1,
        maxBatchingWindowSeconds: 0,
        timeoutSeconds: 1,
        onError: (error) => errors.push(error),
      }),
    );

    // Act
    await until(() => receiveCounts.length === 2, 'the redelivery');
    await poller.idle();

    // Assess
    expect(receiveCounts).toEqual(['1', '2']);
    expect(errors.map((e) => (e.cause as Error | undefined)?.message)).toContain(
      'Task timed out after 1.00 seconds',
    );
    expect(await messagesIn(queueUrl)).toBe(0);
  });
});

const createStreamTable = async (name: string) => {
  const TableName = `${prefix}-${name}`;
  const answer = await dynamodb.send(
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  tableNames.push(TableName);
  return { TableName, streamArn: answer.TableDescription?.LatestStreamArn ?? '' };
};

const put = (TableName: string, pk: string, v: number) =>
  dynamodb.send(
    new PutItemCommand({ TableName, Item: { pk: { S: pk }, sk: { S: 'item' }, v: { N: String(v) } } }),
  );

const keyOf = (record: DynamoDBRecord) => record.dynamodb?.Keys?.pk?.S ?? '';

describe('stream poller', () => {
  it('delivers INSERT, MODIFY and REMOVE with their images, in order', async () => {
    // Prepare
    const { TableName, streamArn } = await createStreamTable('changes');
    const batches: DynamoDBRecord[][] = [];
    const poller = track(
      startStreamPoller({
        streamArn,
        functionName: 'streamPublisher',
        handler: async (event: DynamoDBStreamEvent) => {
          batches.push(event.Records);
        },
        batchSize: 2,
        maxRetries: 3,
        timeoutSeconds: 10,
        startingPosition: 'TRIM_HORIZON',
        onFailure: async () => {},
      }),
    );
    const before = Math.floor(Date.now() / 1000);

    // Act
    await dynamodb.send(
      new PutItemCommand({
        TableName,
        Item: { pk: { S: 'a' }, sk: { S: 'item' }, v: { N: '1' }, blob: { B: new Uint8Array([1, 2, 3]) } },
      }),
    );
    await dynamodb.send(
      new UpdateItemCommand({
        TableName,
        Key: { pk: { S: 'a' }, sk: { S: 'item' } },
        UpdateExpression: 'SET v = :v',
        ExpressionAttributeValues: { ':v': { N: '2' } },
      }),
    );
    await put(TableName, 'b', 1);
    await dynamodb.send(new DeleteItemCommand({ TableName, Key: { pk: { S: 'a' }, sk: { S: 'item' } } }));
    await until(() => batches.flat().length === 4, 'four records');
    await poller.idle();

    // Assess
    const records = batches.flat();
    expect(batches.every((batch) => batch.length <= 2)).toBe(true);
    expect(
      records.map((r) => [r.eventName, keyOf(r), r.dynamodb?.OldImage?.v?.N, r.dynamodb?.NewImage?.v?.N]),
    ).toEqual([
      ['INSERT', 'a', undefined, '1'],
      ['MODIFY', 'a', '1', '2'],
      ['INSERT', 'b', undefined, '1'],
      ['REMOVE', 'a', '2', undefined],
    ]);
    const sequence = records.map((r) => BigInt(r.dynamodb?.SequenceNumber ?? '0'));
    expect([...sequence].sort((x, y) => (x < y ? -1 : 1))).toEqual(sequence);
    expect(records[0]).toMatchObject({
      eventSource: 'aws:dynamodb',
      eventSourceARN: streamArn,
      awsRegion: region,
      eventID: expect.any(String),
      eventVersion: expect.any(String),
      dynamodb: {
        Keys: { pk: { S: 'a' }, sk: { S: 'item' } },
        NewImage: { blob: { B: 'AQID' } },
        StreamViewType: 'NEW_AND_OLD_IMAGES',
        SizeBytes: expect.any(Number),
      },
    });
    const created = records[0]?.dynamodb?.ApproximateCreationDateTime ?? 0;
    expect(created).toBeGreaterThanOrEqual(before - 1);
    expect(created).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
  });

  it('starts after the records already there when the starting position is LATEST', async () => {
    // Prepare
    const { TableName, streamArn } = await createStreamTable('latest');
    await put(TableName, 'old', 1);
    const keys: string[] = [];
    const poller = track(
      startStreamPoller({
        streamArn,
        functionName: 'latest',
        handler: async (event: DynamoDBStreamEvent) => {
          keys.push(...event.Records.map(keyOf));
        },
        batchSize: 10,
        maxRetries: 0,
        timeoutSeconds: 10,
        startingPosition: 'LATEST',
        onFailure: async () => {},
      }),
    );
    await poller.idle();

    // Act
    await put(TableName, 'new', 1);
    await until(() => keys.length > 0, 'the new record');
    await poller.idle();

    // Assess
    expect(keys).toEqual(['new']);
  });

  it('retries from the first failed record, then hands it to onFailure and moves on', async () => {
    // Prepare
    const { TableName, streamArn } = await createStreamTable('partial');
    for (const key of ['good1', 'bad', 'good2']) await put(TableName, key, 1);
    const invocations: string[][] = [];
    const failures: StreamFailure[] = [];
    const poller = track(
      startStreamPoller({
        streamArn,
        functionName: 'partial',
        handler: async (event: DynamoDBStreamEvent) => {
          invocations.push(event.Records.map(keyOf));
          const bad = event.Records.filter((r) => keyOf(r) === 'bad');
          return {
            batchItemFailures: bad.map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? '' })),
          };
        },
        batchSize: 10,
        maxRetries: 2,
        timeoutSeconds: 10,
        startingPosition: 'TRIM_HORIZON',
        onFailure: async (failure) => {
          failures.push(failure);
        },
        onError: () => {},
      }),
    );

    // Act
    await until(() => failures.length === 1, 'onFailure');
    await put(TableName, 'good3', 1);
    await until(() => invocations.flat().includes('good3'), 'the record after the failure');
    await poller.idle();

    // Assess
    const attempts = Object.fromEntries(countBy(invocations.flat()));
    // Lambda re-reads from the checkpoint: what follows the failed record is retried with it.
    expect(attempts).toEqual({ good1: 1, bad: 3, good2: 3, good3: 1 });
    expect(invocations.slice(1, 3)).toEqual([
      ['bad', 'good2'],
      ['bad', 'good2'],
    ]);
    expect(failures[0]?.records.map(keyOf)).toEqual(['bad']);
    expect(failures[0]?.records[0]?.eventSourceARN).toBe(streamArn);
  });

  it('retries the whole batch when the handler throws, then hands the batch to onFailure', async () => {
    // Prepare
    const { TableName, streamArn } = await createStreamTable('throwing');
    await put(TableName, 'x', 1);
    await put(TableName, 'boom', 1);
    const invocations: string[][] = [];
    const failures: StreamFailure[] = [];
    const poller = track(
      startStreamPoller({
        streamArn,
        functionName: 'throwing',
        handler: async (event: DynamoDBStreamEvent) => {
          invocations.push(event.Records.map(keyOf));
          if (event.Records.some((r) => keyOf(r) === 'boom')) throw new Error('boom');
        },
        batchSize: 10,
        maxRetries: 1,
        timeoutSeconds: 10,
        startingPosition: 'TRIM_HORIZON',
        onFailure: async (failure) => {
          failures.push(failure);
        },
        onError: () => {},
      }),
    );

    // Act
    await until(() => failures.length === 1, 'onFailure');
    await put(TableName, 'after', 1);
    await until(() => invocations.flat().includes('after'), 'the record after the failure');
    await poller.idle();

    // Assess
    expect(invocations).toEqual([['x', 'boom'], ['x', 'boom'], ['after']]);
    expect(failures[0]?.records.map(keyOf)).toEqual(['x', 'boom']);
    expect(failures[0]?.error.message).toBe('boom');
  });
  it('bisects a batch that fails as a whole, so the records before a poison one get through', async () => {
    // Prepare
    const { TableName, streamArn } = await createStreamTable('bisected');
    for (const key of ['a', 'b', 'c', 'poison']) await put(TableName, key, 1);
    const handled: string[] = [];
    const failures: StreamFailure[] = [];
    const poller = track(
      startStreamPoller({
        streamArn,
        functionName: 'bisected',
        handler: async (event: DynamoDBStreamEvent) => {
          if (event.Records.some((r) => keyOf(r) === 'poison')) throw new Error('poison');
          handled.push(...event.Records.map(keyOf));
        },
        batchSize: 4,
        maxRetries: 4,
        bisectOnError: true,
        timeoutSeconds: 10,
        startingPosition: 'TRIM_HORIZON',
        onFailure: async (failure) => {
          failures.push(failure);
        },
        onError: () => {},
      }),
    );

    // Act
    await until(() => failures.length === 1, 'onFailure');
    await poller.idle();

    // Assess: a, b, c handled once each; only the poison record given up on.
    expect(handled).toEqual(['a', 'b', 'c']);
    expect(failures[0]?.records.map(keyOf)).toEqual(['poison']);
  });

  it('treats a batchItemFailures naming no record of the batch as a failure of the whole batch', async () => {
    // Prepare
    const { TableName, streamArn } = await createStreamTable('unknown-id');
    await put(TableName, 'a', 1);
    await put(TableName, 'b', 1);
    const invocations: string[][] = [];
    const failures: StreamFailure[] = [];
    const poller = track(
      startStreamPoller({
        streamArn,
        functionName: 'confused',
        handler: async (event: DynamoDBStreamEvent) => {
          invocations.push(event.Records.map(keyOf));
          return { batchItemFailures: [{ itemIdentifier: 'not-a-sequence-number' }] };
        },
        batchSize: 10,
        maxRetries: 1,
        timeoutSeconds: 10,
        startingPosition: 'TRIM_HORIZON',
        onFailure: async (failure) => {
          failures.push(failure);
        },
        onError: () => {},
      }),
    );

    // Act
    await until(() => failures.length === 1, 'onFailure');
    await poller.idle();

    // Assess
    expect(invocations).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
    expect(failures[0]?.records.map(keyOf)).toEqual(['a', 'b']);
    expect(failures[0]?.error.message).toMatch(/"not-a-sequence-number", not in the batch/);
  });
});

describe('scheduler', () => {
  it('fires a rate(1 minute) job each minute of an injected clock, with the scheduled event', async () => {
    // Prepare
    let clock = new Date('2026-11-23T10:00:00.000Z');
    const events: ScheduleEvent[] = [];
    track(
      startScheduler({
        jobs: [
          { name: 'sla-clock', expression: 'rate(1 minute)', invoke: async (event) => events.push(event) },
        ],
        now: () => clock,
        tickMilliseconds: 10,
      }),
    );

    // Act
    clock = new Date('2026-11-23T10:00:59.000Z');
    await sleep(100);
    const beforeTheMinute = events.length;
    clock = new Date('2026-11-23T10:01:00.000Z');
    await until(() => events.length === 1, 'the first run');
    // A clock that jumps three minutes gets one run, for the latest missed time, not one per minute.
    clock = new Date('2026-11-23T10:04:30.000Z');
    await until(() => events.length === 2, 'the second run');
    await sleep(100);

    // Assess
    expect(beforeTheMinute).toBe(0);
    expect(events).toHaveLength(2);
    expect(events[0]).toEqual({
      version: '0',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '123456789012',
      time: '2026-11-23T10:01:00Z',
      region,
      resources: [`arn:aws:events:${region}:123456789012:rule/sla-clock`],
      detail: {},
    });
    expect(events[1]?.time).toBe('2026-11-23T10:04:00Z');
  });

  it('fires a cron job at its time and skips a run while the previous one is still going', async () => {
    // Prepare
    let clock = new Date('2026-11-23T01:59:30.000Z');
    const times: string[] = [];
    const logs: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    track(
      startScheduler({
        jobs: [
          {
            name: 'nightly',
            expression: 'cron(0 2 * * ? *)',
            invoke: async (event) => {
              times.push(event.time);
              await held;
            },
          },
        ],
        now: () => clock,
        tickMilliseconds: 10,
        log: (message) => logs.push(message),
      }),
    );

    // Act
    clock = new Date('2026-11-23T02:00:00.000Z');
    await until(() => times.length === 1, 'the first night');
    clock = new Date('2026-11-24T02:00:05.000Z');
    await until(() => logs.length === 1, 'the skip to be logged');
    release();
    clock = new Date('2026-11-25T02:00:00.000Z');
    await until(() => times.length === 2, 'the third night');

    // Assess
    expect(times).toEqual(['2026-11-23T02:00:00Z', '2026-11-25T02:00:00Z']);
    expect(logs[0]).toMatch(/nightly.*2026-11-24T02:00:00Z skipped: the previous run is still going/);
  });
});

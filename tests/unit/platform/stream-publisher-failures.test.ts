/**
 * The stream publisher's error paths, which the emulator cannot produce on demand: an event
 * the bus refuses is parked with its image, not lost; only a record that can be neither
 * published nor parked is reported to Lambda, and only that one. EventBridge and SQS are mocked
 * here; the integration tests run the publisher on the emulator.
 */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, test } from 'vitest';
import { handler } from '#functions/platform/stream-publisher.ts';
import { envName } from '#infra/declaration/functions.ts';
import { lambdaContext } from '#local/lambda/lambda-context.ts';
import { logger } from '#shared/observability.ts';

/** The stream publisher invoked as Lambda invokes it, with its context. */
const publish = (event: Parameters<typeof handler>[0]) =>
  handler(event, lambdaContext('streamPublisher', 30));

const eventBridge = mockClient(EventBridgeClient);
const sqs = mockClient(SQSClient);
Object.assign(process.env, {
  [envName.bus]: 'bus',
  [envName.queue('publisherFailures')]: 'https://sqs.local/publisher-failures',
  POWERTOOLS_METRICS_DISABLED: 'true',
});
logger.setLogLevel('SILENT');

/** An outbox INSERT whose event says which customer it is about. */
const insert = (sequenceNumber: string, customerId: string): DynamoDBRecord => ({
  eventName: 'INSERT',
  dynamodb: {
    SequenceNumber: sequenceNumber,
    NewImage: marshall({
      pk: `CUSTOMER#${customerId}`,
      sk: `A#TL#2026-11-23T10:00:00.000Z#${sequenceNumber}`,
      event: {
        source: 'relais.customers',
        detailType: 'CustomerUpdated',
        detail: { customerId, occurredAt: '2026-11-23T10:00:00.000Z' },
      },
    }) as never,
  },
});
const batch = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });

/** The bus refuses the entries about `refused`, whatever the attempt. */
const busRefusing = (refused: string) =>
  eventBridge.on(PutEventsCommand).callsFake((input: { Entries: { Detail: string }[] }) => ({
    Entries: input.Entries.map((entry) =>
      entry.Detail.includes(refused) ? { ErrorCode: 'InternalFailure' } : { EventId: 'ok' },
    ),
  }));

beforeEach(() => {
  eventBridge.reset();
  sqs.reset();
});

describe('the stream publisher when the bus fails', () => {
  test('publishes every event and reports nothing when the bus accepts them', async () => {
    eventBridge.on(PutEventsCommand).resolves({ Entries: [{ EventId: '1' }, { EventId: '2' }] });
    const answer = await publish(batch(insert('100', 'cu-a'), insert('200', 'cu-b')));
    expect(answer.batchItemFailures).toEqual([]);
    expect(sqs.commandCalls(SendMessageBatchCommand)).toHaveLength(0);
  });

  test('parks a refused event with its image, and reports no record', async () => {
    // Prepare
    busRefusing('cu-b');
    sqs
      .on(SendMessageBatchCommand)
      .resolves({ Successful: [{ Id: '0', MessageId: 'm', MD5OfMessageBody: '' }] });
    // Act
    const answer = await publish(batch(insert('100', 'cu-a'), insert('200', 'cu-b'), insert('300', 'cu-c')));
    // Assess
    expect(answer.batchItemFailures).toEqual([]);
    const parked = sqs
      .commandCalls(SendMessageBatchCommand)
      .flatMap((call) => call.args[0].input.Entries ?? []);
    expect(parked).toHaveLength(1);
    const body = JSON.parse(parked[0]!.MessageBody!);
    expect(body.sequenceNumber).toBe('200');
    expect(body.newImage.event.M.detail.M.customerId.S).toBe('cu-b');
  });

  test('reports only the record that could be neither published nor parked', async () => {
    // Prepare: the bus refuses cu-b, and the parking queue is down too.
    busRefusing('cu-b');
    sqs.on(SendMessageBatchCommand).rejects(new Error('SQS unavailable'));
    // Act
    const answer = await publish(batch(insert('100', 'cu-a'), insert('200', 'cu-b'), insert('300', 'cu-c')));
    // Assess: not the records after it, which were published.
    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: '200' }]);
  });

  test('reports a record the parking queue refused on its own', async () => {
    busRefusing('cu-');
    sqs.on(SendMessageBatchCommand).resolves({
      Successful: [{ Id: '0', MessageId: 'm', MD5OfMessageBody: '' }],
      Failed: [{ Id: '1', Code: 'InternalError', SenderFault: false }],
    });
    const answer = await publish(batch(insert('100', 'cu-a'), insert('200', 'cu-b')));
    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: '200' }]);
  });
});

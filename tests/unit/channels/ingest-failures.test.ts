/**
 * The ingest's error paths that the emulator cannot produce on demand: when the store fails
 * half-way, nothing is lost and nothing is counted twice. DynamoDB and EventBridge are mocked
 * here; `tests/integration/channels-ingest.test.ts` runs the same code on the emulator.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, test } from 'vitest';
import { ingestEvents } from '#functions/channels/ingest-events.ts';
import { envName } from '#infra/declaration/functions.ts';
import { logger } from '#shared/observability.ts';

const documents = mockClient(DynamoDBDocumentClient);
const eventBridge = mockClient(EventBridgeClient);
Object.assign(process.env, {
  [envName.table('ingest')]: 'ingest',
  [envName.table('main')]: 'main',
  [envName.bus]: 'bus',
});

const receivedAt = new Date('2026-11-23T09:15:00.000Z');
const screenView = (n: number, analytics: boolean) => ({
  messageId: `msg-${n}-0000`,
  type: 'screen_view',
  timestamp: receivedAt.toISOString(),
  anonymousId: `visitor-${n}-000`,
  context: { consent: { analytics } },
  properties: { name: 'Comptes' },
});
const ingest = (batch: unknown[]) =>
  ingestEvents({
    request: { batch, sentAt: receivedAt.toISOString() },
    writeKey: { id: 'wk-1', channel: 'ios' },
    sourceIp: undefined,
    receivedAt,
  });

// The warnings these failures log are the point of the test, not its output.
logger.setLogLevel('SILENT');

beforeEach(() => {
  documents.reset();
  eventBridge.reset();
  documents.on(TransactWriteCommand).resolves({});
  documents.on(DeleteCommand).resolves({});
  documents.on(BatchGetCommand).resolves({ Responses: { main: [] } });
  documents.on(BatchWriteCommand).resolves({});
});

describe('ingest when the store fails half-way', () => {
  test('events without consent that could not be counted are released and refused as retryable', async () => {
    // Prepare: the claims succeed, the counter update fails.
    documents.on(UpdateCommand).rejects(new Error('ProvisionedThroughputExceeded'));
    // Act
    const answer = await ingest([screenView(1, false), screenView(2, false)]);
    // Assess: the sender keeps both and sends them again; their claims are gone, so the retry counts them.
    expect(answer.status).toBe(207);
    expect(answer.body.accepted).toEqual([]);
    expect(answer.body.rejected.map((r) => [r.index, r.retryable])).toEqual([
      [0, true],
      [1, true],
    ]);
    const released = documents.commandCalls(DeleteCommand).map((call) => call.args[0].input.Key?.pk);
    expect(released.sort()).toEqual(['MSG#ios#msg-1-0000', 'MSG#ios#msg-2-0000']);
  });

  test('a failed count does not hold back the events with consent of the same batch', async () => {
    // Prepare
    documents.on(UpdateCommand).rejects(new Error('ProvisionedThroughputExceeded'));
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] });
    // Act
    const answer = await ingest([screenView(1, false), screenView(3, true)]);
    // Assess
    expect(answer.body.accepted).toEqual(['msg-3-0000']);
    expect(answer.body.rejected).toMatchObject([{ index: 0, retryable: true }]);
  });
});

/** DynamoDB's answer to a transaction some of whose conditions failed, or that conflicted. */
const cancelled = (codes: ('None' | 'ConditionalCheckFailed' | 'TransactionConflict')[], found?: object) =>
  new TransactionCanceledException({
    $metadata: {},
    message: 'Transaction cancelled',
    CancellationReasons: codes.map((Code) => ({
      Code,
      ...(Code === 'ConditionalCheckFailed' && found ? { Item: marshall(found) } : {}),
    })),
  });
const claimedIds = (call: number) =>
  (documents.commandCalls(TransactWriteCommand)[call]?.args[0].input.TransactItems ?? []).map(
    (item) => item.Put?.Item?.pk,
  );

describe('claims of a batch, one transaction', () => {
  beforeEach(() => {
    eventBridge.on(PutEventsCommand).callsFake(({ Entries }: { Entries: unknown[] }) => ({
      FailedEntryCount: 0,
      Entries: Entries.map((_, i) => ({ EventId: `e-${i}` })),
    }));
  });

  test('ids already stored are accepted without being sent again; the others are claimed in a second transaction', async () => {
    // Prepare: the second event of the batch was stored by an earlier try.
    documents
      .on(TransactWriteCommand)
      .rejectsOnce(
        cancelled(['None', 'ConditionalCheckFailed', 'None'], {
          pk: 'MSG#ios#msg-2-0000',
          state: 'done',
          claimedAt: '2026-11-23T09:14:00.000Z',
        }),
      )
      .resolves({});
    // Act
    const answer = await ingest([screenView(1, true), screenView(2, true), screenView(3, true)]);
    // Assess: two transactions, the second without the stored id; all three accepted, two sent.
    expect(claimedIds(0)).toEqual(['MSG#ios#msg-1-0000', 'MSG#ios#msg-2-0000', 'MSG#ios#msg-3-0000']);
    expect(claimedIds(1)).toEqual(['MSG#ios#msg-1-0000', 'MSG#ios#msg-3-0000']);
    expect(answer.body.accepted).toEqual(['msg-1-0000', 'msg-2-0000', 'msg-3-0000']);
    const sent = eventBridge
      .commandCalls(PutEventsCommand)
      .flatMap((call) => call.args[0].input.Entries ?? []);
    expect(sent).toHaveLength(2);
  });

  test('an id another request is storing right now is refused as retryable, not accepted', async () => {
    // Prepare: a fresh `pending` claim of another request.
    documents
      .on(TransactWriteCommand)
      .rejectsOnce(
        cancelled(['ConditionalCheckFailed', 'None'], {
          pk: 'MSG#ios#msg-1-0000',
          state: 'pending',
          claimedAt: '2026-11-23T09:14:50.000Z',
          claimToken: 'other',
        }),
      )
      .resolves({});
    // Act
    const answer = await ingest([screenView(1, true), screenView(2, true)]);
    // Assess
    expect(answer.body.accepted).toEqual(['msg-2-0000']);
    expect(answer.body.rejected).toMatchObject([{ index: 0, messageId: 'msg-1-0000', retryable: true }]);
  });

  test('a claim left by a crashed request is taken over in the second transaction, the first asking only for new ids', async () => {
    // Prepare: the first event's claim is `pending` since two minutes (its request crashed).
    documents
      .on(TransactWriteCommand)
      .rejectsOnce(
        cancelled(['ConditionalCheckFailed', 'None'], {
          pk: 'MSG#ios#msg-1-0000',
          state: 'pending',
          claimedAt: '2026-11-23T09:13:00.000Z',
          claimToken: 'crashed',
        }),
      )
      .resolves({});
    // Act
    const answer = await ingest([screenView(1, true), screenView(2, true)]);
    // Assess: the first transaction only claims new ids; the second takes over the crashed claim
    // (only if it is still a stale `pending` one) with the untaken id; both events are sent.
    const conditions = (call: number) =>
      (documents.commandCalls(TransactWriteCommand)[call]?.args[0].input.TransactItems ?? []).map(
        (item) => item.Put?.ConditionExpression,
      );
    const takeOver = 'attribute_not_exists(pk) OR (#state = :pending AND claimedAt < :staleBefore)';
    expect(conditions(0)).toEqual(['attribute_not_exists(pk)', 'attribute_not_exists(pk)']);
    expect(claimedIds(1)).toEqual(['MSG#ios#msg-1-0000', 'MSG#ios#msg-2-0000']);
    expect(conditions(1)).toEqual([takeOver, 'attribute_not_exists(pk)']);
    const staleBefore =
      documents.commandCalls(TransactWriteCommand)[1]?.args[0].input.TransactItems?.[0]?.Put
        ?.ExpressionAttributeValues?.[':staleBefore'];
    expect(staleBefore).toBe('2026-11-23T09:14:00.000Z');
    expect(answer.body.accepted).toEqual(['msg-1-0000', 'msg-2-0000']);
    const sent = eventBridge
      .commandCalls(PutEventsCommand)
      .flatMap((call) => call.args[0].input.Entries ?? []);
    expect(sent).toHaveLength(2);
  });

  test('a crashed claim another request took over first is refused as retryable', async () => {
    // Prepare: the take-over finds the claim renewed by another request meanwhile.
    const crashed = { pk: 'MSG#ios#msg-1-0000', state: 'pending', claimToken: 'crashed' };
    documents
      .on(TransactWriteCommand)
      .rejectsOnce(
        cancelled(['ConditionalCheckFailed'], { ...crashed, claimedAt: '2026-11-23T09:13:00.000Z' }),
      )
      .rejectsOnce(
        cancelled(['ConditionalCheckFailed'], {
          ...crashed,
          claimedAt: '2026-11-23T09:14:59.000Z',
          claimToken: 'other',
        }),
      )
      .resolves({});
    // Act
    const answer = await ingest([screenView(1, true)]);
    // Assess: two transactions, nothing sent, the sender keeps the event.
    expect(documents.commandCalls(TransactWriteCommand)).toHaveLength(2);
    expect(answer.body.rejected).toMatchObject([{ index: 0, messageId: 'msg-1-0000', retryable: true }]);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });

  test('a conflict with a concurrent request is retried with the same claims', async () => {
    // Prepare
    documents
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled(['TransactionConflict', 'None']))
      .resolves({});
    // Act
    const answer = await ingest([screenView(1, true), screenView(2, true)]);
    // Assess
    expect(claimedIds(1)).toEqual(claimedIds(0));
    expect(answer.body.accepted).toEqual(['msg-1-0000', 'msg-2-0000']);
  });

  test('claims that keep conflicting are refused as retryable and nothing is sent', async () => {
    // Prepare
    documents.on(TransactWriteCommand).rejects(cancelled(['TransactionConflict', 'None']));
    // Act
    const answer = await ingest([screenView(1, true), screenView(2, true)]);
    // Assess: a few tries, then the sender keeps both events.
    expect(documents.commandCalls(TransactWriteCommand).length).toBeLessThanOrEqual(4);
    expect(answer.body.accepted).toEqual([]);
    expect(answer.body.rejected.map((r) => [r.index, r.retryable])).toEqual([
      [0, true],
      [1, true],
    ]);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });
});

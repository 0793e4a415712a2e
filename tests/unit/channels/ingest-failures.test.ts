/**
 * The ingest's error paths that the emulator cannot produce on demand: when the store fails
 * half-way, nothing is lost and nothing is counted twice. DynamoDB and EventBridge are mocked
 * here; `tests/integration/channels-ingest.test.ts` runs the same code on the emulator.
 */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
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
  documents.on(PutCommand).resolves({});
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

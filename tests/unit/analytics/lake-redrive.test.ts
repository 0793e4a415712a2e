/**
 * The redrive's move (`local/cli/redrive.ts`) never loses a message: it deletes from the DLQ only
 * what the queue accepted, moves only what was there when it started, and a dry run moves
 * nothing. SQS is mocked here; `tests/integration/lake-faults.test.ts` runs it on the emulator.
 */
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, test } from 'vitest';
import { redriveMessages } from '#local/cli/redrive.ts';

const sqsMock = mockClient(SQSClient);
const fromUrl = 'http://sqs.local/123456789012/t-lakeIntake-dlq';
const toUrl = 'http://sqs.local/123456789012/t-lakeIntake';

const messages = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => ({
    MessageId: `m-${from + i}`,
    ReceiptHandle: `rh-${from + i}`,
    Body: JSON.stringify({ id: from + i }),
  }));

beforeEach(() => {
  sqsMock.reset();
});

describe('redriveMessages', () => {
  test('sends each message to the queue, then deletes it from the DLQ', async () => {
    // Prepare
    sqsMock.on(GetQueueAttributesCommand).resolves({ Attributes: { ApproximateNumberOfMessages: '12' } });
    sqsMock
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: messages(10) })
      .resolvesOnce({ Messages: messages(2, 10) })
      .resolves({ Messages: [] });
    sqsMock.on(SendMessageBatchCommand).callsFake((input: { Entries: { Id: string }[] }) => ({
      Successful: input.Entries.map((entry) => ({ Id: entry.Id, MessageId: `new-${entry.Id}` })),
      Failed: [],
    }));
    sqsMock.on(DeleteMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    const progress: number[] = [];

    // Act
    const result = await redriveMessages({
      sqs: new SQSClient({}),
      fromUrl,
      toUrl,
      onProgress: (moved) => progress.push(moved),
    });

    // Assess
    expect(result).toEqual({ found: 12, moved: 12, failed: 0 });
    expect(progress).toEqual([10, 12]);
    const sent = sqsMock
      .commandCalls(SendMessageBatchCommand)
      .flatMap((call) => call.args[0].input.Entries ?? []);
    expect(sent.map((entry) => entry.MessageBody)).toEqual(messages(12).map((m) => m.Body));
    expect(
      sqsMock.commandCalls(SendMessageBatchCommand).every((c) => c.args[0].input.QueueUrl === toUrl),
    ).toBe(true);
    const deleted = sqsMock
      .commandCalls(DeleteMessageBatchCommand)
      .flatMap((call) => call.args[0].input.Entries ?? []);
    expect(deleted.map((entry) => entry.ReceiptHandle)).toEqual(messages(12).map((m) => m.ReceiptHandle));
  });

  test('leaves in the DLQ the messages the queue did not accept', async () => {
    // Prepare
    sqsMock.on(GetQueueAttributesCommand).resolves({ Attributes: { ApproximateNumberOfMessages: '3' } });
    sqsMock
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: messages(3) })
      .resolves({ Messages: [] });
    sqsMock.on(SendMessageBatchCommand).resolves({
      Successful: [{ Id: '0', MessageId: 'n0', MD5OfMessageBody: '' }],
      Failed: [
        { Id: '1', Code: 'InternalError', SenderFault: false },
        { Id: '2', Code: 'InternalError', SenderFault: false },
      ],
    });
    sqsMock.on(DeleteMessageBatchCommand).resolves({ Successful: [], Failed: [] });

    // Act
    const result = await redriveMessages({ sqs: new SQSClient({}), fromUrl, toUrl });

    // Assess
    expect(result).toEqual({ found: 3, moved: 1, failed: 2 });
    const deleted = sqsMock
      .commandCalls(DeleteMessageBatchCommand)
      .flatMap((call) => call.args[0].input.Entries ?? []);
    expect(deleted.map((entry) => entry.ReceiptHandle)).toEqual(['rh-0']);
  });

  test('deletes nothing when the send fails outright', async () => {
    // Prepare
    sqsMock.on(GetQueueAttributesCommand).resolves({ Attributes: { ApproximateNumberOfMessages: '2' } });
    sqsMock.on(ReceiveMessageCommand).resolves({ Messages: messages(2) });
    sqsMock.on(SendMessageBatchCommand).rejects(new Error('QueueDoesNotExist'));

    // Act
    const move = redriveMessages({ sqs: new SQSClient({}), fromUrl, toUrl });

    // Assess
    await expect(move).rejects.toThrow('QueueDoesNotExist');
    expect(sqsMock.commandCalls(DeleteMessageBatchCommand)).toHaveLength(0);
  });

  test('moves no more than the DLQ held when it started, and nothing on a dry run', async () => {
    // Prepare: messages keep arriving (they fail again): the move still ends.
    sqsMock.on(GetQueueAttributesCommand).resolves({ Attributes: { ApproximateNumberOfMessages: '4' } });
    sqsMock.on(ReceiveMessageCommand).callsFake((input: { MaxNumberOfMessages: number }) => ({
      Messages: messages(input.MaxNumberOfMessages),
    }));
    sqsMock.on(SendMessageBatchCommand).callsFake((input: { Entries: { Id: string }[] }) => ({
      Successful: input.Entries.map((entry) => ({ Id: entry.Id })),
    }));
    sqsMock.on(DeleteMessageBatchCommand).resolves({});

    // Act
    const dry = await redriveMessages({ sqs: new SQSClient({}), fromUrl, toUrl, dryRun: true });
    const callsAfterDryRun = sqsMock.commandCalls(ReceiveMessageCommand).length;
    const result = await redriveMessages({ sqs: new SQSClient({}), fromUrl, toUrl });

    // Assess
    expect(dry).toEqual({ found: 4, moved: 0, failed: 0 });
    expect(callsAfterDryRun).toBe(0);
    expect(result.moved).toBe(4);
  });
});

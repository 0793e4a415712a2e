/**
 * `writeTogether` tells a lost race (a failed condition) from a passing failure (a concurrent
 * transaction, throttling: retried, then 503) and from a defect. DynamoDB is mocked here; the
 * stores' integration tests meet real cancellations on the emulator.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, test } from 'vitest';
import { ServiceUnavailable } from '#shared/errors.ts';
import { writeTogether } from '#shared/transactions.ts';

const documents = mockClient(DynamoDBDocumentClient);
const items = [
  { Put: { TableName: 'main', Item: { pk: 'a', sk: 'b' } } },
  { Put: { TableName: 'main', Item: { pk: 'a', sk: 'c' } } },
];
const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });
const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });

beforeEach(() => documents.reset());

describe('writeTogether', () => {
  test('answers true once every item is written, in one request', async () => {
    documents.on(TransactWriteCommand).resolves({});
    expect(await writeTogether(items)).toBe(true);
    expect(documents.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems).toEqual(items);
  });

  test('answers false, at once, when a condition failed: the caller lost a race', async () => {
    documents.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None'));
    expect(await writeTogether(items)).toBe(false);
    expect(documents.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  test('retries a transaction cancelled by a concurrent one or by throttling, with the same token', async () => {
    documents
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled('None', 'TransactionConflict'))
      .rejectsOnce(throttled)
      .resolves({});
    expect(await writeTogether(items)).toBe(true);
    const tokens = documents
      .commandCalls(TransactWriteCommand)
      .map((call) => call.args[0].input.ClientRequestToken);
    expect(tokens).toHaveLength(3);
    expect(new Set(tokens).size).toBe(1);
  });

  test('answers 503, having saved nothing, when the conflict outlasts the retries', async () => {
    documents.on(TransactWriteCommand).rejects(cancelled('TransactionConflict', 'None'));
    await expect(writeTogether(items)).rejects.toBeInstanceOf(ServiceUnavailable);
    expect(documents.commandCalls(TransactWriteCommand)).toHaveLength(4);
  });

  test('throws any other error: a fault is not a lost race', async () => {
    documents.on(TransactWriteCommand).rejects(new Error('socket hang up'));
    await expect(writeTogether(items)).rejects.toThrow('socket hang up');
    documents.reset();
    documents.on(TransactWriteCommand).rejects(cancelled('ValidationError'));
    await expect(writeTogether(items)).rejects.toThrow('Transaction cancelled');
  });

  test('answers 503 saying the save may have been kept when its answer never came, without trying again', async () => {
    // Prepare: the SDK's own tries (same token) all timed out.
    documents
      .on(TransactWriteCommand)
      .rejects(Object.assign(new Error('timed out'), { name: 'TimeoutError' }));
    // Act
    const outcome = writeTogether(items);
    // Assess
    await expect(outcome).rejects.toBeInstanceOf(ServiceUnavailable);
    await expect(outcome).rejects.toThrow(/may or may not have been kept\. Reload/);
    expect(documents.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });
});

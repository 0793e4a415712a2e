/**
 * `writeTogether` tells a lost race (a cancelled transaction) from a fault. DynamoDB is mocked
 * here; the stores' integration tests meet real cancellations on the emulator.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, test } from 'vitest';
import { writeTogether } from '#shared/transactions.ts';

const documents = mockClient(DynamoDBDocumentClient);
const items = [{ Put: { TableName: 'main', Item: { pk: 'a', sk: 'b' } } }];
const cancelled = (code: string) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: [{ Code: code }],
  });

beforeEach(() => documents.reset());

describe('writeTogether', () => {
  test('answers true once every item is written, in one request', async () => {
    documents.on(TransactWriteCommand).resolves({});
    expect(await writeTogether(items)).toBe(true);
    expect(documents.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems).toEqual(items);
  });

  test('answers false when a condition failed or another transaction wrote the same items', async () => {
    documents
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled('ConditionalCheckFailed'))
      .rejectsOnce(cancelled('TransactionConflict'));
    expect(await writeTogether(items)).toBe(false);
    expect(await writeTogether(items)).toBe(false);
  });

  test('throws any other error: a fault is not a lost race', async () => {
    documents.on(TransactWriteCommand).rejects(new Error('socket hang up'));
    await expect(writeTogether(items)).rejects.toThrow('socket hang up');
  });
});

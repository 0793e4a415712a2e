/**
 * Puts and deletes without conditions, in bulk, with BatchWriteItem: 25 a request (DynamoDB's
 * limit), the writes DynamoDB leaves unprocessed (throttling) sent again after a backoff, an
 * error after the last round (the caller's retry handles it). Deleting an item that is gone is
 * no error. For work that may be done again whole — an erasure, a seed.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documents } from './clients/dynamodb.ts';
import { sendAllProcessed } from './unprocessed.ts';

/** Writes per BatchWriteItem request. */
const writesPerRequest = 25;

type Key = Record<string, string>;
type Write = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Key } };

const writeAll = (table: string, writes: readonly Write[]): Promise<void> =>
  sendAllProcessed(writes, writesPerRequest, `writes to ${table}`, async (chunk) => {
    const answer = await documents.send(new BatchWriteCommand({ RequestItems: { [table]: chunk } }));
    return (answer.UnprocessedItems?.[table] ?? []) as Write[];
  });

/** Puts every item (each replacing any item of its key). */
export const putAll = (table: string, items: readonly Record<string, unknown>[]): Promise<void> =>
  writeAll(
    table,
    items.map((Item) => ({ PutRequest: { Item } })),
  );

/** Deletes every item of these keys. */
export const deleteAll = (table: string, keys: readonly Key[]): Promise<void> =>
  writeAll(
    table,
    keys.map((Key) => ({ DeleteRequest: { Key } })),
  );

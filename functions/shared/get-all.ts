/**
 * Every item of a list of keys, read with BatchGetItem: 100 keys a request (DynamoDB's limit),
 * the keys DynamoDB leaves unprocessed (throttling, 16 MB) asked again after a backoff. Items
 * that do not exist are simply absent from the answer.
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { documents } from './clients/dynamodb.ts';
import { sendAllProcessed } from './unprocessed.ts';

/** Keys per BatchGetItem request. */
const keysPerRequest = 100;

type Key = Record<string, string>;

export const getAll = async (table: string, keys: readonly Key[]): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  await sendAllProcessed(keys, keysPerRequest, `keys of ${table}`, async (chunk) => {
    const answer = await documents.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: chunk } } }));
    items.push(...(answer.Responses?.[table] ?? []));
    return (answer.UnprocessedKeys?.[table]?.Keys ?? []) as Key[];
  });
  return items;
};

/**
 * Every item of a list of keys, read with BatchGetItem: 100 keys a request (DynamoDB's limit),
 * the keys DynamoDB leaves unprocessed (throttling, 16 MB) asked again after a backoff. Items
 * that do not exist are simply absent from the answer.
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { backoffMs } from './backoff.ts';
import { documents } from './clients/dynamodb.ts';

/** Keys per BatchGetItem request. */
const keysPerRequest = 100;
/** Rounds of unprocessed keys before giving up (an error the caller's retry handles). */
const maxRounds = 8;

type Key = Record<string, string>;

export const getAll = async (table: string, keys: readonly Key[]): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  for (let start = 0; start < keys.length; start += keysPerRequest) {
    let pending: Key[] = keys.slice(start, start + keysPerRequest);
    for (let round = 0; pending.length > 0; round++) {
      if (round >= maxRounds)
        throw new Error(`${pending.length} keys of ${table} still unprocessed after ${maxRounds} rounds`);
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, backoffMs(round)));
      const answer = await documents.send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: pending } } }),
      );
      items.push(...(answer.Responses?.[table] ?? []));
      pending = (answer.UnprocessedKeys?.[table]?.Keys ?? []) as Key[];
    }
  }
  return items;
};

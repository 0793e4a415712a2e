import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { Channel, WriteKey } from '#schemas/channels/write-key.ts';
import { documents } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/env.ts';
import { Conflict } from '#shared/errors.ts';
import { queryAll } from '#shared/query-all.ts';
import { channelKeys } from '#shared/table/main-table.ts';
import { writeTogether } from '#shared/transactions.ts';
import { hashWriteKey, isUsable, type StoredWriteKey } from '../domain/write-keys.ts';
import { miss, ttlCache } from './ttl-cache.ts';

const table = () => tableName('main');

/** What authentication needs of a key, kept on its look-up item. */
export type KeyCredentials = Pick<StoredWriteKey, 'id' | 'channel' | 'status' | 'validUntil'>;

const recordItem = (key: StoredWriteKey) => ({
  pk: channelKeys.writeKeysPk,
  sk: channelKeys.writeKeySk(key.id),
  entity: 'writeKey',
  ...key,
});
const lookupItem = (key: StoredWriteKey) => ({
  ...channelKeys.writeKeyHash(key.keyHash),
  entity: 'writeKeyHash',
  id: key.id,
  channel: key.channel,
  status: key.status,
  ...(key.validUntil ? { validUntil: key.validUntil } : {}),
});

const stored = (item: Record<string, unknown>): StoredWriteKey => ({
  ...WriteKey.parse(item),
  keyHash: String(item.keyHash),
});

/** How long an authentication answer is reused, and how many are kept. */
export const authCacheMs = 30_000;
const authCache = ttlCache<KeyCredentials | undefined>(authCacheMs, 1_000);

const forget = (keyHash: string) => authCache.delete(keyHash);

/** The credentials of a secret if it exists (whatever its status), through the cache. */
export const credentialsOf = async (
  secret: string,
  now = Date.now(),
): Promise<KeyCredentials | undefined> => {
  const hash = hashWriteKey(secret);
  const cached = authCache.get(hash, now);
  if (cached !== miss) return cached;
  const result = await documents.send(
    new GetCommand({ TableName: table(), Key: channelKeys.writeKeyHash(hash) }),
  );
  const credentials = result.Item
    ? {
        id: String(result.Item.id),
        channel: Channel.parse(result.Item.channel),
        status: result.Item.status as KeyCredentials['status'],
        ...(result.Item.validUntil ? { validUntil: String(result.Item.validUntil) } : {}),
      }
    : undefined;
  authCache.set(hash, credentials, now);
  return credentials;
};

/** The key a secret opens, if it is usable now (active, or rotated within its grace period). */
export const authenticate = async (secret: string, now = new Date()): Promise<KeyCredentials | undefined> => {
  const credentials = await credentialsOf(secret, now.getTime());
  return credentials && isUsable(credentials, now) ? credentials : undefined;
};

/** Writes a new key (record and look-up item). */
export const insertWriteKey = async (key: StoredWriteKey): Promise<void> => {
  const written = await writeTogether([
    { Put: { TableName: table(), Item: recordItem(key), ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: table(), Item: lookupItem(key), ConditionExpression: 'attribute_not_exists(pk)' } },
  ]);
  // Ids and secrets are random: a taken one is a fault to look at, not a user's mistake.
  if (!written) throw new Error(`write key ${key.id} or its secret's hash already exists`);
  forget(key.keyHash);
};

/**
 * Writes a key whatever was there (the sandbox's demo key, which must work after any change an
 * admin made to it).
 */
export const overwriteWriteKey = async (key: StoredWriteKey): Promise<void> => {
  const written = await writeTogether([
    { Put: { TableName: table(), Item: recordItem(key) } },
    { Put: { TableName: table(), Item: lookupItem(key) } },
  ]);
  if (!written) throw new Error(`write key ${key.id} was being written by another request`);
  forget(key.keyHash);
};

export const getWriteKey = async (id: string): Promise<StoredWriteKey | undefined> => {
  const result = await documents.send(
    new GetCommand({
      TableName: table(),
      Key: { pk: channelKeys.writeKeysPk, sk: channelKeys.writeKeySk(id) },
      ConsistentRead: true,
    }),
  );
  return result.Item ? stored(result.Item) : undefined;
};

/** Every key, newest first. */
export const listWriteKeys = async (): Promise<StoredWriteKey[]> => {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': channelKeys.writeKeysPk },
  });
  return items.map(stored).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
};

/**
 * Saves `next` over `previous` if nobody changed it meanwhile, and writes `added` (a rotation's
 * replacement) in the same transaction.
 */
export const replaceWriteKey = async (
  previous: StoredWriteKey,
  next: StoredWriteKey,
  added?: StoredWriteKey,
): Promise<void> => {
  const written = await writeTogether([
    {
      Put: {
        TableName: table(),
        Item: recordItem(next),
        ConditionExpression: '#status = :status',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': previous.status },
      },
    },
    { Put: { TableName: table(), Item: lookupItem(next) } },
    ...(added
      ? [
          {
            Put: {
              TableName: table(),
              Item: recordItem(added),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: table(),
              Item: lookupItem(added),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ]
      : []),
  ]);
  if (!written) {
    throw new Conflict(
      'This write key was changed by someone else at the same moment; reload and try again.',
    );
  }
  forget(next.keyHash);
};

/**
 * The ingest table: claims on sender message ids (deduplication, kept 7 days) and the daily
 * counters of events sent without consent. Kept off the main table so that ingestion traffic
 * never reaches its stream.
 *
 * A claim is a conditional put: it succeeds when the id is new, or when its claim is `pending`
 * and older than 60 s (the request that made it crashed between claim and put). It is marked
 * `done` once the event is on the bus, and deleted (released) when the bus refused it, so the
 * sender's retry can claim it again.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { documents } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/env.ts';
import { logger } from '#shared/observability.ts';
import { type Claim, claimOutcome, claimRetentionDays, pendingClaimTimeoutMs } from '../domain/ingest.ts';
import { claimPk, consentlessCounterPk } from './keys.ts';

const table = () => tableName('ingest');
const expiresAt = (now: Date, days: number) => Math.floor(now.getTime() / 1000) + days * 86_400;

export type ClaimResult = 'claimed' | 'duplicate' | 'inProgress';

/** The conditional put of a claim: a new id, or a `pending` claim left by a crash. */
const claimPut = (channel: string, messageId: string, token: string, now: Date) => ({
  TableName: table(),
  Item: {
    pk: claimPk(channel, messageId),
    state: 'pending',
    claimedAt: now.toISOString(),
    claimToken: token,
    expiresAt: expiresAt(now, claimRetentionDays),
  },
  ConditionExpression: 'attribute_not_exists(pk) OR (#state = :pending AND claimedAt < :staleBefore)',
  ExpressionAttributeNames: { '#state': 'state' },
  ExpressionAttributeValues: {
    ':pending': 'pending',
    ':staleBefore': new Date(now.getTime() - pendingClaimTimeoutMs).toISOString(),
  },
  ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
});

/** Claims a message id for this request (`token` identifies the claim when releasing it). */
export const claimMessage = async (
  channel: string,
  messageId: string,
  token: string,
  now: Date,
): Promise<ClaimResult> => {
  const pk = claimPk(channel, messageId);
  try {
    await documents.send(new PutCommand(claimPut(channel, messageId, token, now)));
    return 'claimed';
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    // The document client leaves the old item of an error marshalled; emulators may not send it.
    const item = error.Item
      ? unmarshall(error.Item)
      : (await documents.send(new GetCommand({ TableName: table(), Key: { pk }, ConsistentRead: true })))
          .Item;
    const outcome = claimOutcome(item ? (item as unknown as Claim) : undefined, now);
    // The claim vanished between our put and our read (released): the sender may simply retry.
    return outcome === 'claimable' ? 'inProgress' : outcome;
  }
};

/**
 * Claims many message ids, each with its own conditional put, in parallel. (One transaction
 * for the batch would be one round trip, but costs twice the write capacity in AWS, and moto
 * copies the whole table for every transaction, which slows the sandbox as the table grows.)
 * An id whose claim failed is absent from the answer: the caller refuses it as retryable.
 */
export const claimMessages = async (
  channel: string,
  messageIds: string[],
  token: string,
  now: Date,
): Promise<Map<string, ClaimResult>> => {
  const settled = await Promise.allSettled(messageIds.map((id) => claimMessage(channel, id, token, now)));
  const results = new Map<string, ClaimResult>();
  settled.forEach((result, index) => {
    if (result.status === 'fulfilled') results.set(messageIds[index]!, result.value);
    else logger.warn('claim failed', { error: result.reason as Error });
  });
  return results;
};

/** Marks claims `done` (their events are on the bus), 25 per request. */
export const markDone = async (channel: string, messageIds: string[], now: Date): Promise<void> => {
  const items = messageIds.map((messageId) => ({
    PutRequest: {
      Item: {
        pk: claimPk(channel, messageId),
        state: 'done',
        claimedAt: now.toISOString(),
        expiresAt: expiresAt(now, claimRetentionDays),
      },
    },
  }));
  await Promise.all(
    Array.from({ length: Math.ceil(items.length / 25) }, (_, i) =>
      writeAll(items.slice(i * 25, i * 25 + 25)),
    ),
  );
};

const writeAll = async (requests: { PutRequest: { Item: Record<string, unknown> } }[]) => {
  let pending = requests;
  for (let attempt = 0; pending.length > 0; attempt++) {
    // Marking `done` is an optimisation of retries, not a guarantee: a claim left `pending` only
    // means a retry after 60 s puts the event again, which the lake dedupes.
    if (attempt > 5) return;
    const result = await documents.send(new BatchWriteCommand({ RequestItems: { [table()]: pending } }));
    pending = (result.UnprocessedItems?.[table()] ?? []) as typeof pending;
    if (pending.length > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
  }
};

/** Releases this request's claim on a message id (only its own: a newer claim stays). */
export const releaseClaim = async (channel: string, messageId: string, token: string): Promise<void> => {
  try {
    await documents.send(
      new DeleteCommand({
        TableName: table(),
        Key: { pk: claimPk(channel, messageId) },
        ConditionExpression: 'claimToken = :token',
        ExpressionAttributeValues: { ':token': token },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
};

/** Kept a little over a year, for year-on-year comparisons. */
const counterRetentionDays = 400;

/** Adds `count` to the counter of events without consent of a day, channel and type (atomic). */
export const countWithoutConsent = async (
  key: { day: string; channel: string; type: string },
  count: number,
  now: Date,
): Promise<void> => {
  await documents.send(
    new UpdateCommand({
      TableName: table(),
      Key: { pk: consentlessCounterPk(key.day, key.channel, key.type) },
      UpdateExpression:
        'ADD #count :n SET #day = :day, channel = :channel, #type = :type, expiresAt = :expires',
      ExpressionAttributeNames: { '#count': 'count', '#day': 'day', '#type': 'type' },
      ExpressionAttributeValues: {
        ':n': count,
        ':day': key.day,
        ':channel': key.channel,
        ':type': key.type,
        ':expires': expiresAt(now, counterRetentionDays),
      },
    }),
  );
};

/** Events counted without consent for a day, channel and type. */
export const countedWithoutConsent = async (day: string, channel: string, type: string): Promise<number> => {
  const result = await documents.send(
    new GetCommand({
      TableName: table(),
      Key: { pk: consentlessCounterPk(day, channel, type) },
      ConsistentRead: true,
    }),
  );
  return Number(result.Item?.count ?? 0);
};

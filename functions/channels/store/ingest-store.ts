/**
 * The ingest table: claims on sender message ids (deduplication, kept 7 days) and the daily
 * counters of events sent without consent. Kept off the main table so that ingestion traffic
 * never reaches its stream.
 *
 * A claim is a conditional put (a batch's claims are one transaction): it succeeds when the id
 * is new, or when its claim is `pending` and older than 60 s (the request that made it crashed
 * between claim and put); such a claim is taken over in a second transaction, once it was found.
 * It is marked `done` once the event is on the bus, and deleted (released) when the bus refused
 * it, so the sender's retry can claim it again.
 */
import {
  type AttributeValue,
  ConditionalCheckFailedException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { backoffMs } from '#shared/backoff.ts';
import { documents } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/env.ts';
import { logger } from '#shared/observability.ts';
import { ingestKeys } from '#shared/table/ingest-table.ts';
import { type Claim, claimOutcome, claimRetentionDays, pendingClaimTimeoutMs } from '../domain/ingest.ts';

const table = () => tableName('ingest');
const expiresAt = (now: Date, days: number) => Math.floor(now.getTime() / 1000) + days * 86_400;

export type ClaimResult = 'claimed' | 'duplicate' | 'inProgress';

/**
 * The conditional put of a claim: on a new id, or (`takeOver`) on an id that is new or whose claim
 * is a `pending` one left by a crash. A batch's first transaction asks only for new ids: nearly
 * every id is, and the simpler condition costs much less where conditions are parsed per item
 * (moto: 30 ms of CPU for 100 claims instead of 75 ms); a crashed claim it finds is taken over in
 * the next one.
 */
const claimPut = (channel: string, messageId: string, token: string, now: Date, takeOver: boolean) => ({
  TableName: table(),
  Item: {
    pk: ingestKeys.claim(channel, messageId),
    state: 'pending',
    claimedAt: now.toISOString(),
    claimToken: token,
    expiresAt: expiresAt(now, claimRetentionDays),
  },
  ...(takeOver
    ? {
        ConditionExpression: 'attribute_not_exists(pk) OR (#state = :pending AND claimedAt < :staleBefore)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':pending': 'pending',
          ':staleBefore': new Date(now.getTime() - pendingClaimTimeoutMs).toISOString(),
        },
      }
    : { ConditionExpression: 'attribute_not_exists(pk)' }),
  ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
});

/** What a cancelled claim found on its id (the document client leaves that item marshalled). */
const outcomeOfFound = (found: Record<string, AttributeValue> | undefined, now: Date) =>
  claimOutcome(found ? (unmarshall(found) as Claim) : undefined, now);

/** Transactions a batch may take before its remaining claims are refused as retryable. */
const claimAttempts = 4;

/**
 * Claims many message ids (at most 100, DynamoDB's transaction limit) in one transaction of
 * conditional puts: one round trip for a batch of new events. When some ids are taken, DynamoDB
 * cancels it and says which (with the claim found); the untaken ones, and the claims found left
 * by a crash (to take over), go in a second transaction. A conflict with a concurrent request
 * claiming the same ids, or throttling, is retried after a backoff. A transactional write costs
 * twice the write capacity of a plain put: the price of claiming a batch in one or two requests
 * instead of one per event.
 * An id whose claim could not be made is absent from the answer: the caller refuses it as
 * retryable.
 */
export const claimMessages = async (
  channel: string,
  messageIds: string[],
  token: string,
  now: Date,
): Promise<Map<string, ClaimResult>> => {
  const results = new Map<string, ClaimResult>();
  let pending = messageIds.map((id) => ({ id, takeOver: false }));
  for (let attempt = 1; pending.length > 0 && attempt <= claimAttempts; attempt++) {
    try {
      await documents.send(
        new TransactWriteCommand({
          TransactItems: pending.map(({ id, takeOver }) => ({
            Put: claimPut(channel, id, token, now, takeOver),
          })),
        }),
      );
      for (const { id } of pending) results.set(id, 'claimed');
      return results;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) {
        logger.warn('claims failed', { error: error as Error });
        return results;
      }
      const reasons = error.CancellationReasons ?? [];
      let changed = false;
      const untaken = pending.flatMap((claim, i) => {
        const reason = reasons[i];
        if (reason?.Code !== 'ConditionalCheckFailed') return [claim];
        changed = true;
        const outcome = outcomeOfFound(reason.Item, now);
        // A crashed claim is taken over next time; so is an id where nothing was found (an
        // emulator that does not send it, or a claim released meanwhile): the take-over also
        // claims a new id. A claim that failed the take-over changed under us: the sender may
        // simply retry.
        if (outcome === 'claimable' && !claim.takeOver) return [{ id: claim.id, takeOver: true }];
        results.set(claim.id, outcome === 'claimable' ? 'inProgress' : outcome);
        return [];
      });
      // Some ids were taken or found: the others commit at once. None was (a conflict with
      // another request, throttling): wait before trying again.
      if (!changed) await new Promise((r) => setTimeout(r, backoffMs(attempt)));
      pending = untaken;
    }
  }
  if (pending.length > 0) logger.warn('claims not made after retries', { count: pending.length });
  return results;
};

/** Marks claims `done` (their events are on the bus), 25 per request. */
export const markDone = async (channel: string, messageIds: string[], now: Date): Promise<void> => {
  const items = messageIds.map((messageId) => ({
    PutRequest: {
      Item: {
        pk: ingestKeys.claim(channel, messageId),
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
        Key: { pk: ingestKeys.claim(channel, messageId) },
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
      Key: { pk: ingestKeys.consentlessCounter(key.day, key.channel, key.type) },
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
      Key: { pk: ingestKeys.consentlessCounter(day, channel, type) },
      ConsistentRead: true,
    }),
  );
  return Number(result.Item?.count ?? 0);
};

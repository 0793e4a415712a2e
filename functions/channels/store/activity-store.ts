/**
 * Timeline activity in the customer's collection, beside the domain events: entries of their
 * own (put once: the key holds the event id) and visits (read, changed, written back under an
 * optimistic `version`). A visit is found through its pointer item (session or visitor id),
 * created in the same transaction as the visit. None of these items carries an `event`
 * attribute: the stream publisher must not put them on the bus. Every write checks, in its
 * transaction, that the customer was not erased: a late event or a replay writes nothing.
 */

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TimelineEntry } from '#schemas/customers/timeline.ts';
import { documents } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/env.ts';
import { expiresAfter } from '#shared/privacy/expiry.ts';
import { notErased } from '#shared/privacy/tombstones.ts';
import { ingestKeys } from '#shared/table/ingest-table.ts';
import { customerCollection } from '#shared/table/main-table.ts';
import { writeTogether } from '#shared/transactions.ts';
import { type Visit, type VisitPointer, visitEntry } from '../domain/activity.ts';
import { audienceRetention } from '../privacy.ts';
import { miss, ttlCache } from './ttl-cache.ts';

const table = () => tableName('main');
/** How long an event is remembered as counted: as long as its message id is (ingest claims). */
const visitedDays = 7;

/** The mark that `eventId` is counted in a visit, written with the visit in one transaction. */
const visitedMark = (eventId: string) => ({
  Put: {
    TableName: tableName('ingest'),
    Item: {
      pk: ingestKeys.visited(eventId),
      expiresAt: Math.floor(Date.now() / 1000) + visitedDays * 86_400,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** Whether `eventId` is already counted in one of its customer's visits. */
export const countedInVisit = async (eventId: string): Promise<boolean> => {
  const result = await documents.send(
    new GetCommand({
      TableName: tableName('ingest'),
      Key: { pk: ingestKeys.visited(eventId) },
      ConsistentRead: true,
    }),
  );
  return result.Item !== undefined;
};

/** Pointers outlive their visit by two days: a later event of the same session starts a new visit. */
const pointerRetentionSeconds = 2 * 86_400;

const knownCustomers = ttlCache<boolean>(5 * 60_000, 10_000);

/**
 * Whether a customer file exists (cached 5 minutes): a login names its customer id, and an id
 * that is no customer's must not grow a timeline of its own.
 */
export const customerExists = async (customerId: string): Promise<boolean> => {
  const cached = knownCustomers.get(customerId);
  if (cached !== miss) return cached;
  const result = await documents.send(
    new GetCommand({
      TableName: table(),
      Key: { pk: customerCollection.pk(customerId), sk: customerCollection.profileSk },
      ProjectionExpression: 'pk',
    }),
  );
  const exists = result.Item !== undefined;
  knownCustomers.set(customerId, exists);
  return exists;
};

/**
 * When an activity entry goes (DynamoDB TTL, epoch seconds): the audience data's retention of
 * the registry (25 months, CNIL) after the day it happened.
 */
export const activityExpiresAt = (occurredAt: string): number => expiresAfter(occurredAt, audienceRetention);

/**
 * Puts an entry of its own; nothing happens when it is already there (reprocessing), or when the
 * customer was erased (a late event, a replay).
 */
export const putEntry = async (customerId: string, entry: TimelineEntry): Promise<void> => {
  await writeTogether([
    notErased(customerId),
    {
      Put: {
        TableName: table(),
        Item: {
          pk: customerCollection.pk(customerId),
          sk: customerCollection.timelineSk(entry.occurredAt, entry.id),
          entity: 'activity',
          entry,
          expiresAt: activityExpiresAt(entry.occurredAt),
        },
        ConditionExpression: 'attribute_not_exists(sk)',
      },
    },
  ]);
};

export const getVisitPointer = async (
  customerId: string,
  visitKey: string,
): Promise<VisitPointer | undefined> => {
  const result = await documents.send(
    new GetCommand({
      TableName: table(),
      Key: { pk: customerCollection.pk(customerId), sk: customerCollection.visitPointerSk(visitKey) },
      ConsistentRead: true,
    }),
  );
  return result.Item ? (result.Item as VisitPointer) : undefined;
};

export type StoredVisit = { sk: string; visit: Visit; version: number };

export const getVisit = async (customerId: string, sk: string): Promise<StoredVisit | undefined> => {
  const result = await documents.send(
    new GetCommand({
      TableName: table(),
      Key: { pk: customerCollection.pk(customerId), sk },
      ConsistentRead: true,
    }),
  );
  return result.Item
    ? { sk, visit: result.Item.visit as Visit, version: Number(result.Item.version) }
    : undefined;
};

const visitItem = (sk: string, visit: Visit, version: number) => ({
  pk: customerCollection.pk(visit.customerId),
  sk,
  entity: 'activity',
  version,
  visit,
  entry: visitEntry(visit),
  expiresAt: activityExpiresAt(visit.startedAt),
});

const pointerItem = (visit: Visit, visitKey: string, sk: string) => ({
  pk: customerCollection.pk(visit.customerId),
  sk: customerCollection.visitPointerSk(visitKey),
  entity: 'visitPointer',
  visitSk: sk,
  startedAt: visit.startedAt,
  lastAt: visit.endedAt,
  expiresAt: Math.floor(Date.parse(visit.endedAt) / 1000) + pointerRetentionSeconds,
});

/**
 * Writes a new visit and, unless it is an earlier visit arriving late, points its key at it;
 * `expectedPointer` is the pointer read before (none: there was none). False on a race.
 */
export const insertVisit = async (
  eventId: string,
  visit: Visit,
  visitKey: string,
  expectedPointer: VisitPointer | undefined,
  movePointer: boolean,
): Promise<boolean> => {
  const sk = customerCollection.timelineSk(visit.startedAt, visit.id);
  return writeTogether([
    visitedMark(eventId),
    notErased(visit.customerId),
    {
      Put: {
        TableName: table(),
        Item: visitItem(sk, visit, 1),
        ConditionExpression: 'attribute_not_exists(sk)',
      },
    },
    ...(movePointer
      ? [
          {
            Put: {
              TableName: table(),
              Item: pointerItem(visit, visitKey, sk),
              ...(expectedPointer
                ? {
                    ConditionExpression: 'visitSk = :sk',
                    ExpressionAttributeValues: { ':sk': expectedPointer.visitSk },
                  }
                : { ConditionExpression: 'attribute_not_exists(sk)' }),
            },
          },
        ]
      : []),
  ]);
};

/**
 * Saves a changed visit if still at `previous.version`, and moves its pointer's `lastAt` when
 * the pointer tracks it. A visit whose start moved earlier (an earlier event came late) moves to
 * the timeline's place of its new start — its item deleted and written again under the new sort
 * key, the pointer following — so the timeline stays in the order of what it shows. False on a
 * race (read again, apply again).
 */
export const updateVisit = async (
  eventId: string,
  previous: StoredVisit,
  next: Visit,
  visitKey: string,
  pointerTracksIt: boolean,
): Promise<boolean> => {
  const sk = customerCollection.timelineSk(next.startedAt, next.id);
  const stillAtVersion = {
    ConditionExpression: 'version = :version',
    ExpressionAttributeValues: { ':version': previous.version },
  };
  const writes =
    sk === previous.sk
      ? [{ Put: { TableName: table(), Item: visitItem(sk, next, previous.version + 1), ...stillAtVersion } }]
      : [
          {
            Delete: {
              TableName: table(),
              Key: { pk: customerCollection.pk(next.customerId), sk: previous.sk },
              ...stillAtVersion,
            },
          },
          {
            Put: {
              TableName: table(),
              Item: visitItem(sk, next, previous.version + 1),
              ConditionExpression: 'attribute_not_exists(sk)',
            },
          },
        ];
  return writeTogether([
    visitedMark(eventId),
    notErased(next.customerId),
    ...writes,
    ...(pointerTracksIt
      ? [
          {
            Put: {
              TableName: table(),
              Item: pointerItem(next, visitKey, sk),
              ConditionExpression: 'visitSk = :sk',
              ExpressionAttributeValues: { ':sk': previous.sk },
            },
          },
        ]
      : []),
  ]);
};

/**
 * The privacy requests in the main table (`privacyRequestKeys`): one item per request, written
 * with its event in the customer's timeline (the outbox), read one by one or all together.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { eventItem } from '#functions/customers/access.ts';
import { PrivacyRequest } from '#schemas/platform/privacy-request.ts';
import { documents } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/env.ts';
import type { OutboxEvent } from '#shared/outbox.ts';
import { expiresAfter } from '#shared/privacy/expiry.ts';
import type { Retention } from '#shared/privacy/registry.ts';
import { queryAll } from '#shared/query-all.ts';
import { privacyRequestKeys } from '#shared/table/main-table.ts';
import { writeTogether } from '#shared/transactions.ts';

const table = () => tableName('main');

/** A data protection request is the proof it was answered (a TTL from its last change). */
export const privacyRequestRetention: Retention = {
  keep: 'P5Y',
  from: 'lastChange',
  rule: 'proof that the request was answered, for the limitation period (Code civil art. 2224: 5 years)',
  enforcement: 'dynamodbTtl',
};

/** A request's item: it goes 5 years after its last change. */
const requestItem = (request: PrivacyRequest) => ({
  pk: privacyRequestKeys.pk,
  sk: privacyRequestKeys.sk(request.id),
  entity: 'privacyRequest',
  ...request,
  expiresAt: expiresAfter(request.updatedAt, privacyRequestRetention),
});

/** Writes a new request and its event together (false if its id is taken: never, in practice). */
export const insertRequest = (
  request: PrivacyRequest,
  event: (OutboxEvent & { eventId: string }) | undefined,
): Promise<boolean> =>
  writeTogether([
    {
      Put: {
        TableName: table(),
        Item: requestItem(request),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...(event ? [{ Put: { TableName: table(), Item: eventItem(request.customerId, event) } }] : []),
  ]);

type Stored = Record<string, unknown>;

const isStored = (value: unknown): value is Stored =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A text stored as a plain string, before texts were said in two languages: the same in both. */
const saidOf = (text: unknown) => (typeof text === 'string' ? { en: text, fr: text } : text);

/** A stored plan or report whose places (in `lists`) have their `what`, `why` and `within` as `{ en, fr }`. */
const withPlacesSaid = (stored: unknown, lists: readonly string[]): unknown => {
  if (!isStored(stored)) return stored;
  const upgraded: Stored = { ...stored };
  for (const list of lists) {
    const places = stored[list];
    if (!Array.isArray(places)) continue;
    upgraded[list] = places.map((place: unknown) => {
      if (!isStored(place)) return place;
      const said: Stored = { ...place };
      for (const text of ['what', 'why', 'within']) if (text in place) said[text] = saidOf(place[text]);
      return said;
    });
  }
  return upgraded;
};

/**
 * A stored request, read as the schema says a request is today. Requests stored before the
 * texts of an erasure's plan and report were said in English and French (they are kept 5
 * years) have them as plain English strings: each becomes `{ en, fr }` with that string, so the
 * schema stays strict about what is written now.
 */
const readStored = (item: Stored): PrivacyRequest =>
  PrivacyRequest.parse({
    ...item,
    ...(item.erasurePlan === undefined
      ? {}
      : { erasurePlan: withPlacesSaid(item.erasurePlan, ['erase', 'keep', 'expire']) }),
    ...(item.erasureReport === undefined
      ? {}
      : { erasureReport: withPlacesSaid(item.erasureReport, ['removed', 'kept', 'expiring']) }),
  });

export const getRequest = async (requestId: string): Promise<PrivacyRequest | undefined> => {
  const found = await documents.send(
    new GetCommand({
      TableName: table(),
      Key: { pk: privacyRequestKeys.pk, sk: privacyRequestKeys.sk(requestId) },
    }),
  );
  return found.Item ? readStored(found.Item) : undefined;
};

/** Every request, the next due first. */
export const listRequests = async (): Promise<PrivacyRequest[]> => {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': privacyRequestKeys.pk, ':prefix': privacyRequestKeys.prefix },
  });
  return items.map(readStored).sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id));
};

/** The put of a request's next version, if it is still at the one before. */
const nextVersionPut = (next: PrivacyRequest) => ({
  Put: {
    TableName: table(),
    Item: requestItem(next),
    ConditionExpression: 'version = :previous',
    ExpressionAttributeValues: { ':previous': next.version - 1 },
  },
});

/** How long an erasure's event item stays once published (DynamoDB TTL): a day. */
const publishedEventSeconds = 86_400;

/**
 * Saves a completed erasure with its `CustomerErased` event. The event's outbox item goes in the
 * requests' partition, not in the customer's collection the erasure has just emptied, and
 * expires a day later: the request is the proof.
 */
export const completeErasure = async (
  completed: PrivacyRequest,
  event: OutboxEvent & { eventId: string },
): Promise<void> => {
  const saved = await writeTogether([
    nextVersionPut(completed),
    {
      Put: {
        TableName: table(),
        Item: {
          pk: privacyRequestKeys.pk,
          sk: privacyRequestKeys.eventSk(completed.id, event.eventId),
          entity: 'privacyEvent',
          event,
          expiresAt: Math.floor(Date.parse(completed.updatedAt) / 1000) + publishedEventSeconds,
        },
      },
    },
  ]);
  if (!saved) throw new Error(`privacy request ${completed.id} changed during its job`);
};

/**
 * Saves `next` if the request is still at `next.version - 1`, with an event if one is given;
 * false when someone changed it meanwhile.
 */
export const saveRequest = async (
  next: PrivacyRequest,
  event?: OutboxEvent & { eventId: string },
): Promise<boolean> =>
  writeTogether([
    nextVersionPut(next),
    ...(event ? [{ Put: { TableName: table(), Item: eventItem(next.customerId, event) } }] : []),
  ]);

/** The request a job runs for; a job for no known request fails. */
export const requestOfJob = async (requestId: string): Promise<PrivacyRequest> => {
  const request = await getRequest(requestId);
  if (!request) throw new Error(`no privacy request ${requestId}`);
  return request;
};

/** Saves a request's next state from its job; someone changing it meanwhile fails the job (it is retried). */
export const saveFromJob = async (
  next: PrivacyRequest,
  event?: OutboxEvent & { eventId: string },
): Promise<PrivacyRequest> => {
  if (!(await saveRequest(next, event))) throw new Error(`privacy request ${next.id} changed during its job`);
  return next;
};

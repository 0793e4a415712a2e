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
import { queryAll } from '#shared/query-all.ts';
import { privacyRequestKeys } from '#shared/table/main-table.ts';
import { writeTogether } from '#shared/transactions.ts';

const table = () => tableName('main');

const requestItem = (request: PrivacyRequest) => ({
  pk: privacyRequestKeys.pk,
  sk: privacyRequestKeys.sk(request.id),
  entity: 'privacyRequest',
  ...request,
});

/** Writes a new request and its event together (false if its id is taken: never, in practice). */
export const insertRequest = (
  request: PrivacyRequest,
  event: OutboxEvent & { eventId: string },
): Promise<boolean> =>
  writeTogether([
    {
      Put: {
        TableName: table(),
        Item: requestItem(request),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    { Put: { TableName: table(), Item: eventItem(request.customerId, event) } },
  ]);

export const getRequest = async (requestId: string): Promise<PrivacyRequest | undefined> => {
  const found = await documents.send(
    new GetCommand({
      TableName: table(),
      Key: { pk: privacyRequestKeys.pk, sk: privacyRequestKeys.sk(requestId) },
    }),
  );
  return found.Item ? PrivacyRequest.parse(found.Item) : undefined;
};

/** Every request, the next due first. */
export const listRequests = async (): Promise<PrivacyRequest[]> => {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': privacyRequestKeys.pk, ':prefix': privacyRequestKeys.prefix },
  });
  return items
    .map((item) => PrivacyRequest.parse(item))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id));
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
    {
      Put: {
        TableName: table(),
        Item: requestItem(next),
        ConditionExpression: 'version = :previous',
        ExpressionAttributeValues: { ':previous': next.version - 1 },
      },
    },
    ...(event ? [{ Put: { TableName: table(), Item: eventItem(next.customerId, event) } }] : []),
  ]);

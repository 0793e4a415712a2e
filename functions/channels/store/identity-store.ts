import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { eventItem } from '#functions/customers/access.ts';
import { IdentityLink } from '#schemas/channels/identity.ts';
import { documents } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/env.ts';
import type { OutboxEvent } from '#shared/outbox.ts';
import { expiresAfter } from '#shared/privacy/expiry.ts';
import { notErased } from '#shared/privacy/tombstones.ts';
import { queryAll } from '#shared/query-all.ts';
import { channelKeys, customerCollection } from '#shared/table/main-table.ts';
import { writeTogether } from '#shared/transactions.ts';
import { audienceRetention } from '../privacy.ts';
import { miss, ttlCache } from './ttl-cache.ts';

const table = () => tableName('main');
type Event = OutboxEvent & { eventId: string };

export const linkCacheMs = 30_000;
const linkCache = ttlCache<string | undefined>(linkCacheMs, 10_000);

/** The customer a visitor id is linked to now (strongly consistent, no cache). */
export const currentLink = async (anonymousId: string): Promise<IdentityLink | undefined> => {
  const result = await documents.send(
    new GetCommand({ TableName: table(), Key: channelKeys.anonymousLink(anonymousId), ConsistentRead: true }),
  );
  return result.Item ? IdentityLink.parse(result.Item) : undefined;
};

/** The customers of visitor ids (`undefined` when not linked), through the cache, in one BatchGet. */
export const linkedCustomers = async (anonymousIds: string[]): Promise<Map<string, string | undefined>> => {
  const found = new Map<string, string | undefined>();
  const unknown: string[] = [];
  for (const id of new Set(anonymousIds)) {
    const cached = linkCache.get(id);
    if (cached === miss) unknown.push(id);
    else found.set(id, cached);
  }
  for (let start = 0; start < unknown.length; start += 100) {
    let keys: Record<string, unknown>[] = unknown.slice(start, start + 100).map(channelKeys.anonymousLink);
    for (let attempt = 0; keys.length > 0 && attempt < 5; attempt++) {
      const result = await documents.send(
        new BatchGetCommand({ RequestItems: { [table()]: { Keys: keys } } }),
      );
      for (const item of result.Responses?.[table()] ?? []) {
        const anonymousId = String(item.anonymousId);
        found.set(anonymousId, String(item.customerId));
        linkCache.set(anonymousId, String(item.customerId));
      }
      keys = result.UnprocessedKeys?.[table()]?.Keys ?? [];
      if (keys.length > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
    }
  }
  for (const id of unknown) {
    if (!found.has(id)) {
      found.set(id, undefined);
      linkCache.set(id, undefined);
    }
  }
  return found;
};

/** A link's events in the timeline: the channels' own member type, gone with the link's retention. */
const deviceEvent = (link: IdentityLink) => ({
  entity: 'deviceEvent',
  expiresAt: expiresAfter(link.linkedAt, audienceRetention),
});

/** The link, both ways; they go 25 months after it was made (a later login links again). */
const linkItems = (link: IdentityLink) => {
  const expiresAt = expiresAfter(link.linkedAt, audienceRetention);
  return [
    { ...channelKeys.anonymousLink(link.anonymousId), entity: 'identityLink', ...link, expiresAt },
    {
      pk: customerCollection.pk(link.customerId),
      sk: customerCollection.identitySk(link.anonymousId),
      entity: 'identity',
      ...link,
      expiresAt,
    },
  ];
};

/**
 * Links a visitor id to a customer with its IdentityLinked event; when it was linked to
 * `previous`, that link goes, with the IdentityUnlinked event for that customer. False when
 * someone changed the link meanwhile (the caller reads it again and decides again).
 */
export const saveLink = async (
  link: IdentityLink,
  linked: Event,
  previous?: { link: IdentityLink; unlinked: Event },
): Promise<boolean> => {
  const [anonItem, customerItem] = linkItems(link);
  const written = await writeTogether([
    {
      Put: {
        TableName: table(),
        Item: anonItem,
        ...(previous
          ? {
              ConditionExpression: 'customerId = :previous',
              ExpressionAttributeValues: { ':previous': previous.link.customerId },
            }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    },
    { Put: { TableName: table(), Item: customerItem } },
    { Put: { TableName: table(), Item: eventItem(link.customerId, linked, deviceEvent(link)) } },
    notErased(link.customerId),
    ...(previous
      ? [
          {
            Delete: {
              TableName: table(),
              Key: {
                pk: customerCollection.pk(previous.link.customerId),
                sk: customerCollection.identitySk(link.anonymousId),
              },
            },
          },
          {
            Put: {
              TableName: table(),
              Item: eventItem(previous.link.customerId, previous.unlinked, deviceEvent(previous.link)),
            },
          },
        ]
      : []),
  ]);
  if (!written) {
    linkCache.delete(link.anonymousId);
    return false;
  }
  linkCache.set(link.anonymousId, link.customerId);
  return true;
};

/** Removes a link with its IdentityUnlinked event; false when it was no longer there. */
export const removeLink = async (link: IdentityLink, unlinked: Event): Promise<boolean> => {
  const written = await writeTogether([
    {
      Delete: {
        TableName: table(),
        Key: channelKeys.anonymousLink(link.anonymousId),
        ConditionExpression: 'customerId = :customer',
        ExpressionAttributeValues: { ':customer': link.customerId },
      },
    },
    {
      Delete: {
        TableName: table(),
        Key: {
          pk: customerCollection.pk(link.customerId),
          sk: customerCollection.identitySk(link.anonymousId),
        },
      },
    },
    { Put: { TableName: table(), Item: eventItem(link.customerId, unlinked, deviceEvent(link)) } },
  ]);
  linkCache.delete(link.anonymousId);
  return written;
};

/** The visitor ids linked to a customer, newest link first. */
export const listLinks = async (customerId: string): Promise<IdentityLink[]> => {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: {
      ':pk': customerCollection.pk(customerId),
      ':prefix': customerCollection.identityPrefix,
    },
  });
  return items.map((item) => IdentityLink.parse(item)).sort((a, b) => b.linkedAt.localeCompare(a.linkedAt));
};

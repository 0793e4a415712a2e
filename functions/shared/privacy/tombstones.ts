/**
 * The tombstones an erasure leaves (GDPR art. 17): the customer's id, and each visitor id that
 * was linked to them, with when they were erased. Every writer of data about a person checks
 * them, so that nothing brings an erased person back — a late event, a DLQ redrive, a replay of
 * the bus archive:
 * - the timeline and the identity links put {@link notErased} in their transactions (DynamoDB
 *   then refuses a write that would race the erasure);
 * - the lake archiver drops the events {@link erasedAmong} names.
 * A customer's tombstone is for good (a returning customer gets a new id); a visitor's covers
 * what happened up to the erasure, since the device may be used again, with its consent, later.
 */
import { tableName } from '#shared/env.ts';
import { getAll } from '#shared/get-all.ts';
import { tombstoneKeys } from '#shared/table/main-table.ts';

/** A tombstone as stored. */
export type Tombstone = {
  /** The customer's id, or a visitor id. */
  id: string;
  erasedAt: string;
  /** The erasure request that left it. */
  requestId: string;
};

/** The customer's tombstone also lists the visitor ids that were linked to them. */
export type CustomerTombstone = Tombstone & { anonymousIds: string[] };

/** The tombstone items of an erasure: the customer's, then one per visitor id. */
export const tombstoneItems = (tombstone: CustomerTombstone) => [
  { ...tombstoneKeys.customer(tombstone.id), entity: 'tombstone', kind: 'customer', ...tombstone },
  ...tombstone.anonymousIds.map((anonymousId) => ({
    ...tombstoneKeys.visitor(anonymousId),
    entity: 'tombstone',
    kind: 'visitor',
    id: anonymousId,
    erasedAt: tombstone.erasedAt,
    requestId: tombstone.requestId,
  })),
];

/** The customer's tombstone, if they were erased. */
export const customerTombstone = async (customerId: string): Promise<CustomerTombstone | undefined> => {
  const [item] = await getAll(tableName('main'), [tombstoneKeys.customer(customerId)]);
  return item as CustomerTombstone | undefined;
};

/** A transaction's check that the customer was not erased: the write fails its condition if so. */
export const notErased = (customerId: string) => ({
  ConditionCheck: {
    TableName: tableName('main'),
    Key: tombstoneKeys.customer(customerId),
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** The erased among these customers, and when each of these visitor ids was erased. */
export const erasedAmong = async (ids: {
  customerIds: readonly string[];
  anonymousIds: readonly string[];
}): Promise<{ customers: Set<string>; visitors: Map<string, string> }> => {
  const found = (await getAll(tableName('main'), [
    ...[...new Set(ids.customerIds)].map(tombstoneKeys.customer),
    ...[...new Set(ids.anonymousIds)].map(tombstoneKeys.visitor),
  ])) as (Tombstone & { kind: 'customer' | 'visitor' })[];
  return {
    customers: new Set(found.filter((item) => item.kind === 'customer').map((item) => item.id)),
    visitors: new Map(
      found.filter((item) => item.kind === 'visitor').map((item) => [item.id, item.erasedAt]),
    ),
  };
};

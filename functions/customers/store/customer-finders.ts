/**
 * Finding customers: by search term (in a branch or across branches), a branch's list, an
 * advisor's portfolio, and exact look-ups by e-mail, phone or number; pages with cursors bound
 * to their query.
 */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { Customer, CustomerSummary } from '#schemas/customers/customer.ts';
import { documents } from '#shared/clients/dynamodb.ts';
import { type CursorScope, decodeCursor, encodeCursor } from '#shared/cursor.ts';
import { tableName } from '#shared/env.ts';
import { getAll } from '#shared/get-all.ts';
import {
  customerCollection,
  customerIndexPartitions,
  type LookupKind,
  lookupKeys,
  type MainIndex,
  mainIndexes,
} from '#shared/table/main-table.ts';
import { normaliseEmail } from '../domain/customer.ts';

const table = () => tableName('main');

export type Page<T> = { items: T[]; nextCursor?: string };

/** The summaries a page of profile or search-term items answers. */
const summaries = (items: Record<string, unknown>[] | undefined) =>
  (items ?? []).map((item) => CustomerSummary.parse(item));

/** The query a page's cursor belongs to: the table's keys plus those of the index it reads. */
const cursorScope = (input: Omit<QueryCommandInput, 'TableName'>): CursorScope => {
  const index = input.IndexName ? mainIndexes[input.IndexName as MainIndex] : undefined;
  return {
    keyNames: index ? ['pk', 'sk', index.partitionKey, index.sortKey] : ['pk', 'sk'],
    partitionKey: index ? index.partitionKey : 'pk',
    partition: String(input.ExpressionAttributeValues?.[':pk']),
  };
};

/** The key condition of an index query: its partition, and a sort-key prefix if given. */
const onIndex = (index: MainIndex, partition: string, sortKeyPrefix?: string) => {
  const { partitionKey, sortKey } = mainIndexes[index];
  return {
    IndexName: index,
    KeyConditionExpression: `${partitionKey} = :pk${sortKeyPrefix === undefined ? '' : ` AND begins_with(${sortKey}, :prefix)`}`,
    ExpressionAttributeValues: {
      ':pk': partition,
      ...(sortKeyPrefix === undefined ? {} : { ':prefix': sortKeyPrefix }),
    },
  };
};

const queryPage = async (
  input: Omit<QueryCommandInput, 'TableName'>,
  cursor: string | undefined,
  limit: number,
) => {
  const result = await documents.send(
    new QueryCommand({
      ...input,
      TableName: table(),
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, cursorScope(input)),
    }),
  );
  const nextCursor = encodeCursor(result.LastEvaluatedKey);
  return { items: summaries(result.Items), ...(nextCursor ? { nextCursor } : {}) };
};

/**
 * Customers one of whose search terms starts with `prefix` (compacted: see `searchTerms`), in
 * one branch or all. A customer two of whose terms match appears once in the page.
 */
export const searchByTerm = async (
  prefix: string,
  branchId: string | undefined,
  cursor: string | undefined,
  limit: number,
) => {
  const page = await queryPage(
    branchId
      ? onIndex(
          'byBranchAndName',
          customerIndexPartitions.branch(branchId),
          customerIndexPartitions.term(prefix),
        )
      : onIndex('bySearchTerm', customerIndexPartitions.termPartition(prefix), prefix),
    cursor,
    limit,
  );
  const seen = new Set<string>();
  return { ...page, items: page.items.filter((item) => !seen.has(item.id) && seen.add(item.id)) };
};

/** A branch's customers by name (the branch index also holds their search terms, under `TERM#`). */
export const listByBranch = (branchId: string, cursor: string | undefined, limit: number) =>
  queryPage(
    onIndex('byBranchAndName', customerIndexPartitions.branch(branchId), customerIndexPartitions.name('')),
    cursor,
    limit,
  );

/**
 * An advisor's portfolio; with `branchId`, only its customers of that branch (the caller's
 * scope: a customer moved to another branch leaves the list even if still assigned).
 */
export const listByAdvisor = (
  advisorId: string,
  branchId: string | undefined,
  cursor: string | undefined,
  limit: number,
) => {
  const byAdvisor = onIndex('byAdvisorAndName', customerIndexPartitions.advisor(advisorId));
  return queryPage(
    branchId
      ? {
          ...byAdvisor,
          FilterExpression: 'branchId = :branch',
          ExpressionAttributeValues: { ...byAdvisor.ExpressionAttributeValues, ':branch': branchId },
        }
      : byAdvisor,
    cursor,
    limit,
  );
};

/** Customers with this e-mail, phone or number (exact match). */
export const lookup = async (kind: LookupKind, value: string): Promise<Customer[]> => {
  const key = kind === 'email' ? normaliseEmail(value) : value.replace(/\s/g, '');
  const found = await documents.send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': lookupKeys.pk(kind, key) },
      Limit: 100,
    }),
  );
  const ids = [...new Set((found.Items ?? []).map((item) => String(item.customerId)))];
  if (ids.length === 0) return [];
  const profiles = await getAll(
    table(),
    ids.map((id) => ({ pk: customerCollection.pk(id), sk: customerCollection.profileSk })),
  );
  return profiles.map((item) => Customer.parse(item));
};

/** The customer with this customer number, if any (numbers are unique). */
export const customerByNumber = async (customerNumber: string): Promise<Customer | undefined> =>
  (await lookup('number', customerNumber))[0];

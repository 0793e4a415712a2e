/**
 * Every item of a Query, all pages followed (the SDK's paginator). For partitions known to stay
 * small — a directory, a customer's linked devices — where the caller wants them all at once.
 */
import { paginateQuery, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { documents } from './clients/dynamodb.ts';

export const queryAll = async (
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateQuery({ client: documents }, input)) items.push(...(page.Items ?? []));
  return items;
};

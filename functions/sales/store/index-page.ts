/**
 * A page of one partition of a main-table index (a pipeline column, a task list), in sort-key
 * order, optionally within a sort-key range, with the cursor of the next page bound to it.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documents } from '#shared/clients/dynamodb.ts';
import { decodeCursor, encodeCursor } from '#shared/cursor.ts';
import { tableName } from '#shared/env.ts';
import { type MainIndex, mainIndexes } from '#shared/table/main-table.ts';

export const indexPage = async <T>(
  read: { index: MainIndex; partition: string; from?: string; to?: string },
  parse: (item: Record<string, unknown>) => T,
  cursor: string | undefined,
  limit: number,
): Promise<{ items: T[]; nextCursor?: string }> => {
  const { partitionKey, sortKey } = mainIndexes[read.index];
  const range =
    read.from !== undefined && read.to !== undefined
      ? ` AND ${sortKey} BETWEEN :from AND :to`
      : read.to !== undefined
        ? ` AND ${sortKey} <= :to`
        : '';
  const result = await documents.send(
    new QueryCommand({
      TableName: tableName('main'),
      IndexName: read.index,
      KeyConditionExpression: `${partitionKey} = :pk${range}`,
      ExpressionAttributeValues: {
        ':pk': read.partition,
        ...(read.from !== undefined && read.to !== undefined ? { ':from': read.from } : {}),
        ...(read.to !== undefined ? { ':to': read.to } : {}),
      },
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, {
        keyNames: ['pk', 'sk', partitionKey, sortKey],
        partitionKey,
        partition: read.partition,
      }),
    }),
  );
  const nextCursor = encodeCursor(result.LastEvaluatedKey);
  return { items: (result.Items ?? []).map(parse), ...(nextCursor ? { nextCursor } : {}) };
};

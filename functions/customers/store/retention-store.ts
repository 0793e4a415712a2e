/**
 * The files' retention in the main table: which prospects' files are to be looked at by a day
 * (the `byRetentionCheck` index over their profiles), the last contact that came from a
 * prospect (their timeline, newest first), and the day their file is looked at again.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { paginateQuery, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documents } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/env.ts';
import {
  customerCollection,
  type MainIndex,
  mainIndexes,
  retentionCheckedBy,
  retentionIndexKeys,
  retentionShards,
} from '#shared/table/main-table.ts';
import { isTimelineItem, timelineEntryOf } from './customers-store.ts';

const table = () => tableName('main');

/** The customers whose file is to be looked at on `day` or before, oldest date first within a shard. */
export const filesToLookAt = async (day: string): Promise<string[]> => {
  const index = mainIndexes.byRetentionCheck;
  const ids: string[] = [];
  for (const shard of retentionShards) {
    const pages = paginateQuery(
      { client: documents },
      {
        TableName: table(),
        IndexName: 'byRetentionCheck' satisfies MainIndex,
        KeyConditionExpression: '#pk = :shard AND #sk <= :by',
        ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey, '#id': 'id' },
        ExpressionAttributeValues: { ':shard': shard, ':by': retentionCheckedBy(day) },
        ProjectionExpression: '#id',
      },
    );
    for await (const page of pages) ids.push(...(page.Items ?? []).map((item) => String(item.id)));
  }
  return ids;
};

/**
 * When the customer last did something their timeline records themselves (its actor is them),
 * looking no further back than `since`; undefined when nothing since.
 */
export const lastOwnContactSince = async (customerId: string, since: string): Promise<string | undefined> => {
  const pages = paginateQuery(
    { client: documents, pageSize: 50 },
    {
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': customerCollection.pk(customerId),
        ':from': customerCollection.timelineSk(since, ''),
        ':to': `${customerCollection.timelinePrefix}\uffff`,
      },
      ScanIndexForward: false,
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) {
      if (!isTimelineItem(item)) continue;
      const entry = timelineEntryOf(item);
      if (entry.actor.id === customerId) return entry.occurredAt;
    }
  }
  return undefined;
};

/** The prospect's file is looked at again on `checkOn` (nothing when it is no longer a prospect's). */
export const lookAgainOn = async (customerId: string, checkOn: string): Promise<void> => {
  const keys = retentionIndexKeys(customerId, checkOn);
  const index = mainIndexes.byRetentionCheck;
  try {
    await documents.send(
      new UpdateCommand({
        TableName: table(),
        Key: { pk: customerCollection.pk(customerId), sk: customerCollection.profileSk },
        UpdateExpression: 'SET #pk = :pk, #sk = :sk',
        ConditionExpression: 'kind = :prospect',
        ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey },
        ExpressionAttributeValues: {
          ':pk': keys.byRetentionPk,
          ':sk': keys.byRetentionSk,
          ':prospect': 'prospect',
        },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
};

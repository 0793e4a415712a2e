/**
 * Opportunities in the main table: each a member of its customer's item collection (`P#DEAL#`, so
 * the 360° file reads it with the rest), indexed in its owner's and its branch's pipeline by stage
 * and closing day (`#shared/table/main-table.ts`). A new one is written with its event in one
 * transaction; the stream publishes the event.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { eventItem } from '#functions/customers/access.ts';
import { Opportunity } from '#schemas/sales/opportunity.ts';
import { Stage } from '#schemas/sales/pipeline.ts';
import { documents } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/env.ts';
import type { OutboxEvent } from '#shared/outbox.ts';
import { queryAll } from '#shared/query-all.ts';
import {
  customerCollection,
  mainIndexes,
  opportunityIndexKeys,
  opportunityIndexPartitions,
} from '#shared/table/main-table.ts';
import { writeTogether } from '#shared/transactions.ts';
import { indexPage } from './index-page.ts';

const table = () => tableName('main');

export const opportunityItem = (opportunity: Opportunity) => ({
  pk: customerCollection.pk(opportunity.customerId),
  sk: customerCollection.opportunitySk(opportunity.id),
  entity: 'opportunity',
  ...opportunity,
  ...opportunityIndexKeys(opportunity),
});

/** Writes a new opportunity and its event; false if one of that id exists already. */
export const addOpportunity = (opportunity: Opportunity, event: OutboxEvent & { eventId: string }) =>
  writeTogether([
    {
      Put: {
        TableName: table(),
        Item: opportunityItem(opportunity),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    { Put: { TableName: table(), Item: eventItem(opportunity.customerId, event) } },
  ]);

export const getOpportunity = async (
  customerId: string,
  opportunityId: string,
): Promise<Opportunity | undefined> => {
  const { Item } = await documents.send(
    new GetCommand({
      TableName: table(),
      Key: { pk: customerCollection.pk(customerId), sk: customerCollection.opportunitySk(opportunityId) },
    }),
  );
  return Item ? Opportunity.parse(Item) : undefined;
};

export type PipelineColumn = {
  /** An owner's pipeline or a branch's. */
  of: { ownerId: string } | { branchId: string };
  stage: Opportunity['stage'];
  /** `2026-12`: only the deals closing (or closed) that month. */
  closeMonth?: string | undefined;
};

/** A page of a pipeline column, by closing day. */
export const listPipeline = async (
  column: PipelineColumn,
  cursor: string | undefined,
  limit: number,
): Promise<{ items: Opportunity[]; nextCursor?: string }> => {
  const partition =
    'ownerId' in column.of
      ? opportunityIndexPartitions.owner(column.of.ownerId, column.stage)
      : opportunityIndexPartitions.branch(column.of.branchId, column.stage);
  const month = column.closeMonth ? opportunityIndexPartitions.closing(column.closeMonth) : undefined;
  return indexPage(
    {
      index: 'ownerId' in column.of ? 'byOwnerAndStage' : 'byBranchAndStage',
      partition,
      ...(month ? { from: month, to: `${month}\uffff` } : {}),
    },
    (item) => Opportunity.parse(item),
    cursor,
    limit,
  );
};

/**
 * Replaces the opportunity if it is still at `previous.version`, with its events and the new
 * items that go with it (the holding a won deal opens); false when it is not (someone changed it first: the caller's 409).
 */
export const replaceOpportunity = (
  previous: Opportunity,
  next: Opportunity,
  events: readonly (OutboxEvent & { eventId: string })[],
  alsoPut: readonly Record<string, unknown>[] = [],
) =>
  writeTogether([
    {
      Put: {
        TableName: table(),
        Item: opportunityItem(next),
        ConditionExpression: 'version = :expected',
        ExpressionAttributeValues: { ':expected': previous.version },
      },
    },
    ...events.map((event) => ({ Put: { TableName: table(), Item: eventItem(next.customerId, event) } })),
    ...alsoPut.map((item) => ({
      Put: { TableName: table(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' },
    })),
  ]);

/**
 * Every deal of an owner's or a branch's pipeline that closes, or is expected to close, from
 * `from` to the day before `until`: each stage's column read over that range of its sort key.
 */
export const pipelineClosing = async (
  of: PipelineColumn['of'],
  from: string,
  until: string,
): Promise<Opportunity[]> => {
  const index = 'ownerId' in of ? 'byOwnerAndStage' : 'byBranchAndStage';
  const { partitionKey, sortKey } = mainIndexes[index];
  const columns = await Promise.all(
    Stage.options.map((stage) =>
      queryAll({
        TableName: table(),
        IndexName: index,
        KeyConditionExpression: `${partitionKey} = :pk AND ${sortKey} BETWEEN :from AND :until`,
        ExpressionAttributeValues: {
          ':pk':
            'ownerId' in of
              ? opportunityIndexPartitions.owner(of.ownerId, stage)
              : opportunityIndexPartitions.branch(of.branchId, stage),
          // `<day>#<id>` sorts after `<day>`: the first day after the period is left out.
          ':from': opportunityIndexPartitions.closing(from),
          ':until': opportunityIndexPartitions.closing(until),
        },
      }),
    ),
  );
  return columns.flat().map((item) => Opportunity.parse(item));
};

/**
 * Meeting reports in the main table: every version written once (`1#REPORT#<id>#<version>`,
 * `attribute_not_exists`), never updated; and the report's latest version for the 360° file
 * (`P#REPORT#<id>`), replaced on a correction only if it is still the version the writer read.
 * A version, its follow-up tasks and their events go in one transaction.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { eventItem } from '#functions/customers/access.ts';
import { MeetingReportVersion } from '#schemas/sales/meeting-report.ts';
import type { Task } from '#schemas/sales/task.ts';
import { documents } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/env.ts';
import type { OutboxEvent } from '#shared/outbox.ts';
import { queryAll } from '#shared/query-all.ts';
import { customerCollection } from '#shared/table/main-table.ts';
import { writeTogether } from '#shared/transactions.ts';
import { newTaskWrites } from './activities-store.ts';

const table = () => tableName('main');
type Event = OutboxEvent & { eventId: string };

export type ReportKey = { id: string; customerId: string; branchId: string };

/** The report's latest version, as the 360° file reads it. */
const headItem = (report: ReportKey, version: MeetingReportVersion) => ({
  pk: customerCollection.pk(report.customerId),
  sk: customerCollection.reportSk(report.id),
  entity: 'meetingReport',
  id: report.id,
  customerId: report.customerId,
  branchId: report.branchId,
  latest: version,
  version: version.version,
});

/**
 * Writes a version of a report with its follow-up tasks and events; false when the report is no
 * longer at the version before it (someone corrected it first), or that version exists.
 */
export const saveReportVersion = (
  report: ReportKey,
  version: MeetingReportVersion,
  followUps: readonly { task: Task; event: Event }[],
  event: Event,
) =>
  writeTogether([
    {
      Put: {
        TableName: table(),
        Item: headItem(report, version),
        ...(version.version === 1
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: 'version = :previous',
              ExpressionAttributeValues: { ':previous': version.version - 1 },
            }),
      },
    },
    {
      Put: {
        TableName: table(),
        Item: {
          pk: customerCollection.pk(report.customerId),
          sk: customerCollection.reportVersionSk(report.id, version.version),
          entity: 'meetingReportVersion',
          reportId: report.id,
          customerId: report.customerId,
          ...version,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...newTaskWrites(followUps),
    { Put: { TableName: table(), Item: eventItem(report.customerId, event) } },
  ]);

/** The report's key and latest version, or undefined when the customer has no such report. */
export const getReportHead = async (
  customerId: string,
  reportId: string,
): Promise<(ReportKey & { latest: MeetingReportVersion }) | undefined> => {
  const { Item } = await documents.send(
    new GetCommand({
      TableName: table(),
      Key: { pk: customerCollection.pk(customerId), sk: customerCollection.reportSk(reportId) },
    }),
  );
  if (!Item) return undefined;
  return {
    id: String(Item.id),
    customerId: String(Item.customerId),
    branchId: String(Item.branchId),
    latest: MeetingReportVersion.parse(Item.latest),
  };
};

/** Every version of a report, the first one first. */
export const listReportVersions = async (
  customerId: string,
  reportId: string,
): Promise<MeetingReportVersion[]> => {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :versions)',
    ExpressionAttributeValues: {
      ':pk': customerCollection.pk(customerId),
      ':versions': customerCollection.reportVersionPrefix(reportId),
    },
  });
  return items.map((item) => MeetingReportVersion.parse(item));
};

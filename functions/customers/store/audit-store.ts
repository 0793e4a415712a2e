/**
 * The audit trail of reads of customer files. Append-only: functions may only put new records
 * (IAM grants `dynamodb:PutItem` alone on this table), and a put never overwrites.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { AuditRecord } from '#schemas/audit.ts';
import { documents } from '#shared/clients/dynamodb.ts';
import { decodeCursor, encodeCursor } from '#shared/cursor.ts';
import { tableName } from '#shared/env.ts';
import { customerPk } from './keys.ts';

export const appendAudit = async (record: Omit<AuditRecord, 'id'>): Promise<void> => {
  const id = randomUUID();
  await documents.send(
    new PutCommand({
      TableName: tableName('audit'),
      Item: { pk: customerPk(record.customerId), sk: `${record.at}#${id}`, id, ...record },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
};

/** Newest first. */
export const listAudit = async (customerId: string, cursor: string | undefined, limit: number) => {
  const result = await documents.send(
    new QueryCommand({
      TableName: tableName('audit'),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': customerPk(customerId) },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, {
        keyNames: ['pk', 'sk'],
        partitionKey: 'pk',
        partition: customerPk(customerId),
      }),
    }),
  );
  const nextCursor = encodeCursor(result.LastEvaluatedKey);
  return {
    items: (result.Items ?? []).map((item) => AuditRecord.parse(item)),
    ...(nextCursor ? { nextCursor } : {}),
  };
};

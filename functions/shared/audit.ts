/**
 * The audit trail of who read or changed a customer file, or was refused it: the one way every
 * context records and reads it. Functions that serve users never write the audit table: they
 * send records to the `auditIntake` queue, and the audit writer (`functions/platform/
 * audit-writer.ts`), the only principal allowed to put to the table, adds them, never replacing
 * one (conditional put on a key made here, so a redelivered record is written once). Nobody can
 * update or delete a record.
 *
 * The table's keys: `pk` the customer id, `sk` `<time>#<record id>` (newest last).
 */
import { randomUUID } from 'node:crypto';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type AccessReason, AuditRecord } from '#schemas/audit.ts';
import type { Caller } from '#schemas/roles.ts';
import { documents } from './clients/dynamodb.ts';
import { sqs } from './clients/sqs.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { queueUrl, tableName } from './env.ts';
import { ServiceUnavailable } from './errors.ts';
import { expiresAfter } from './privacy/expiry.ts';
import type { Retention } from './privacy/registry.ts';

/** The audit trail outlives the relationship as the records it proves (a TTL on each record). */
export const auditRetention: Retention = {
  keep: 'P5Y',
  from: 'collection',
  rule: 'internal control of banks (arrêté du 3 novembre 2014, art. 12) and the AML retention (CMF L561-12): 5 years',
  enforcement: 'dynamodbTtl',
};

/** The item of a record in the audit table, gone by TTL after the audit's retention. */
export const auditItem = (record: AuditRecord) => ({
  pk: record.customerId,
  sk: `${record.at}#${record.id}`,
  ...record,
  expiresAt: expiresAfter(record.at, auditRetention),
});

/**
 * Sends the records to the audit writer, ten per call. A record that cannot be sent fails the
 * request (503): a customer's data is never shown, nor a change answered, without its record.
 */
export const recordAudit = async (records: readonly Omit<AuditRecord, 'id'>[]): Promise<void> => {
  const withIds = records.map((record) => ({ id: randomUUID(), ...record }));
  for (let start = 0; start < withIds.length; start += 10) {
    const chunk = withIds.slice(start, start + 10);
    const result = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl('auditIntake'),
        Entries: chunk.map((record, index) => ({ Id: String(index), MessageBody: JSON.stringify(record) })),
      }),
    );
    if (result.Failed?.length)
      throw new ServiceUnavailable('The access could not be recorded; nothing was shown.');
  }
};

/** A customer's audit trail, newest first. */
export const listAudit = async (customerId: string, cursor: string | undefined, limit: number) => {
  const result = await documents.send(
    new QueryCommand({
      TableName: tableName('audit'),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': customerId },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, {
        keyNames: ['pk', 'sk'],
        partitionKey: 'pk',
        partition: customerId,
      }),
    }),
  );
  const nextCursor = encodeCursor(result.LastEvaluatedKey);
  return {
    items: (result.Items ?? []).map((item) => AuditRecord.parse(item)),
    ...(nextCursor ? { nextCursor } : {}),
  };
};

/** Records that the caller read, changed or was refused the customers `customerIds`. */
export const recordAccesses = (
  caller: Caller,
  customerIds: readonly string[],
  action: AuditRecord['action'],
  reason: AccessReason,
): Promise<void> => {
  const at = new Date().toISOString();
  return recordAudit(
    customerIds.map((customerId) => ({
      at,
      actorId: caller.id,
      actorName: caller.name,
      actorRoles: caller.roles,
      action,
      customerId,
      reason,
    })),
  );
};

/** Records that the caller read, changed or was refused one customer's file. */
export const recordAccess = (
  caller: Caller,
  customerId: string,
  action: AuditRecord['action'],
  reason: AccessReason,
): Promise<void> => recordAccesses(caller, [customerId], action, reason);

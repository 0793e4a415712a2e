/**
 * Adds the records of the `auditIntake` queue to the audit table and to the audit archive: the
 * only function allowed to put there (IAM: put only, on both). A put to the table never
 * replaces a record (`attribute_not_exists`), so a redelivered message is written once and
 * nothing that serves users can rewrite the trail. The archive keeps the trail for the long
 * term: one NDJSON object per day of the batch's records, in a bucket whose objects S3 Object
 * Lock keeps for five years (nobody can delete or overwrite them; a redelivered batch adds a
 * version). A batch whose archive could not be written is retried whole.
 */
import { createHash } from 'node:crypto';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { AuditRecord } from '#schemas/audit.ts';
import { auditItem } from '#shared/audit.ts';
import { documents } from '#shared/clients/dynamodb.ts';
import { s3 } from '#shared/clients/s3.ts';
import { entryPoint } from '#shared/entry-point.ts';
import { bucketName, tableName } from '#shared/env.ts';
import { logger } from '#shared/observability.ts';

const processor = new BatchProcessor(EventType.SQS);

const append = async (message: SQSRecord): Promise<void> => {
  const record = AuditRecord.parse(JSON.parse(message.body));
  try {
    await documents.send(
      new PutCommand({
        TableName: tableName('audit'),
        Item: auditItem(record),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    // Already written by an earlier delivery of the same message.
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
};

/** The archive object of a day's records: named after them, so the same records make the same key. */
const archiveObject = (records: readonly AuditRecord[]) => {
  const sorted = [...records].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  const digest = createHash('sha256')
    .update(sorted.map((record) => record.id).join('\n'))
    .digest('hex')
    .slice(0, 32);
  return {
    key: `records/dt=${sorted[0]?.at.slice(0, 10)}/${digest}.ndjson`,
    body: `${sorted.map((record) => JSON.stringify(record)).join('\n')}\n`,
  };
};

const archive = async (records: readonly AuditRecord[]) => {
  const byDay = new Map<string, AuditRecord[]>();
  for (const record of records) {
    const day = record.at.slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), record]);
  }
  await Promise.all(
    [...byDay.values()].map((dayRecords) => {
      const { key, body } = archiveObject(dayRecords);
      return s3.send(
        new PutObjectCommand({
          Bucket: bucketName('auditArchive'),
          Key: key,
          Body: body,
          ContentType: 'application/x-ndjson',
          ChecksumAlgorithm: 'SHA256',
        }),
      );
    }),
  );
};

export const handler = entryPoint(
  'queue',
  async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    const response = await processPartialResponse(event, append, processor, { context });
    const failed = new Set(response.batchItemFailures.map((failure) => failure.itemIdentifier));
    const written = event.Records.filter((message) => !failed.has(message.messageId));
    try {
      await archive(written.map((message) => AuditRecord.parse(JSON.parse(message.body))));
    } catch (error) {
      logger.warn('audit records not archived; the batch will be retried', { error: error as Error });
      return { batchItemFailures: event.Records.map((message) => ({ itemIdentifier: message.messageId })) };
    }
    return response;
  },
);

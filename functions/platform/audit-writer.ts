/**
 * Adds the records of the `auditIntake` queue to the audit table: the only function allowed to
 * put there (IAM), and a put never replaces a record (`attribute_not_exists`), so a redelivered
 * message is written once and nothing that serves users can rewrite the trail.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { AuditRecord } from '#schemas/audit.ts';
import { auditItem } from '#shared/audit.ts';
import { documents } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/env.ts';

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

export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
  processPartialResponse(event, append, processor, { context });

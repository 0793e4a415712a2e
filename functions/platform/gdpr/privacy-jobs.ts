/**
 * Privacy jobs (SQS consumer of `privacyJobs`, one message at a time): the requests the privacy
 * officer opens (an access) or confirms (an erasure) reach it from the bus (rule
 * `privacyRequests`). An access request runs the export (`export/run-export.ts`), an erasure
 * the erasure (`erasure/run-erasure.ts`). A job that fails is retried, then goes to the DLQ, which
 * raises the alarm; the request then still says how far it got.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { DataAccessRequested } from '#schemas/events/data-access-requested.ts';
import { ErasureRequested } from '#schemas/events/erasure-requested.ts';
import { entryPoint } from '#shared/entry-point.ts';
import { runErasure } from './erasure/run-erasure.ts';
import { runExport } from './export/run-export.ts';

const processor = new BatchProcessor(EventType.SQS);

const runJob = async (record: SQSRecord): Promise<void> => {
  const envelope = JSON.parse(record.body) as { 'detail-type'?: string; detail?: unknown };
  if (envelope['detail-type'] === DataAccessRequested.detailType) {
    await runExport(DataAccessRequested.detail.parse(envelope.detail).requestId);
  } else if (envelope['detail-type'] === ErasureRequested.detailType) {
    await runErasure(ErasureRequested.detail.parse(envelope.detail).requestId);
  }
};

export const handler = entryPoint(
  'queue',
  (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
    processPartialResponse(event, runJob, processor, { context }),
);

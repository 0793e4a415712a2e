/**
 * Lake archiver (SQS consumer of `lakeIntake`, batches of up to 1000 with a 20 s window):
 * every event of the bus, pseudonymised, written once as raw gzip NDJSON (replayable) and once
 * as curated Parquet, per hour partition, in as few files as the batch allows. Idempotent:
 * files are named after their events, so a redelivered batch overwrites its own files; events
 * seen twice across batches are merged away by the compactor. Messages whose event could not
 * be read or written are reported as batch item failures: only they are retried, then go to
 * the DLQ (`npm run redrive -- lakeIntake` brings them back).
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { objectingToProfiling } from '#functions/customers/access.ts';
import { entryPoint } from '#shared/entry-point.ts';
import { logger, metrics } from '#shared/observability.ts';
import { erasedAmong } from '#shared/privacy/tombstones.ts';
import { secretValue } from '#shared/secrets.ts';
import { type ArchiveOutcome, archiveBatch } from './lake/archive.ts';
import { beginArchiverBatch } from './lake/running-batches.ts';
import { lakeBucketName, s3LakeStore } from './lake/store.ts';

const processor = new BatchProcessor(EventType.SQS);

/** Each record's fate was settled by the batch write; the processor turns it into the response. */
const settle = (outcome: ArchiveOutcome) => async (record: SQSRecord) => {
  const error = outcome.failed.get(record.messageId);
  if (error) throw error;
};

export const handler = entryPoint(
  'queue',
  async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    // Under way before it reads the tombstones, so an erasure waits for it (`running-batches.ts`).
    const end = await beginArchiverBatch();
    const outcome = await archiveBatch(event.Records, {
      store: s3LakeStore(lakeBucketName()),
      key: await secretValue('pseudonymKey'),
      profilingObjections: objectingToProfiling,
      erased: erasedAmong,
    }).finally(end);
    metrics.addMetric('LakeEventsArchived', MetricUnit.Count, outcome.events);
    metrics.addMetric('LakeDuplicatesInBatch', MetricUnit.Count, outcome.duplicates);
    metrics.addMetric('LakeErasedDropped', MetricUnit.Count, outcome.erasedDropped);
    metrics.addMetric('LakeFilesWritten', MetricUnit.Count, outcome.written.length * 2);
    metrics.addMetric('LakeMessagesFailed', MetricUnit.Count, outcome.failed.size);
    if (outcome.failed.size > 0) {
      const reasons = [
        ...new Set([...outcome.failed.values()].map((error) => `${error.name}: ${error.message}`)),
      ];
      logger.warn('lake messages not archived; they will be retried', {
        failed: outcome.failed.size,
        of: event.Records.length,
        reasons: reasons.slice(0, 5),
      });
    }
    return processPartialResponse(event, settle(outcome), processor, { context });
  },
);

/**
 * Puts on the bus again the domain events the stream publisher parked (`publisherFailures`):
 * a message still failing is retried by SQS (its visibility timeout apart, for the queue's
 * receive count: several minutes in all), then lands in the DLQ, which raises the alarm and
 * which `npm run redrive -- publisherFailures` replays. Republishing twice is harmless:
 * consumers deduplicate by event id.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { putOnBus } from '#shared/bus.ts';
import { entryPoint } from '#shared/entry-point.ts';
import { outboxEntry } from './outbox-entry.ts';
import type { ParkedRecord } from './stream-publisher.ts';

const processor = new BatchProcessor(EventType.SQS);

const republish = async (record: SQSRecord): Promise<void> => {
  const parked = JSON.parse(record.body) as ParkedRecord;
  const entry = outboxEntry(parked.newImage);
  if (!entry) throw new Error(`parked record ${parked.sequenceNumber} holds no event`);
  const failed = await putOnBus([entry]);
  if (failed.size > 0) throw new Error(`event of record ${parked.sequenceNumber} still not published`);
};

export const handler = entryPoint(
  'queue',
  async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
    processPartialResponse(event, republish, processor, { context }),
);

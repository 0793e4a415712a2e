/**
 * Puts domain events on the bus from the table stream: the second half of "no dual writes".
 * A handler writes an item carrying an `event` attribute in the same transaction as its change;
 * this function publishes each such INSERT through the one bus publisher (`#shared/bus.ts`,
 * which retries failed entries). A record still not published is parked, with its image, on the
 * `publisherFailures` queue, where the republisher tries again for several minutes (an
 * EventBridge outage loses nothing) before its DLQ, alarmed and redriven by `npm run redrive`.
 * Only records that could be neither published nor parked are reported as batch item failures;
 * Lambda then retries from the first of them (bisecting the batch, up to its retry limit).
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { putOnBus } from '#shared/bus.ts';
import { sqs } from '#shared/clients/sqs.ts';
import { entryPoint } from '#shared/entry-point.ts';
import { queueUrl } from '#shared/env.ts';
import { logger, metrics } from '#shared/observability.ts';
import { outboxEntry, type StreamImage } from './outbox-entry.ts';

/** What a parked message holds: the record's place in the stream and its new image. */
export type ParkedRecord = { sequenceNumber: string; newImage: StreamImage };

const imageOf = (record: DynamoDBRecord) =>
  record.eventName === 'INSERT' ? (record.dynamodb?.NewImage as StreamImage | undefined) : undefined;

/** Sends the records to the parking queue, ten per call; answers those that could not be sent. */
const park = async (records: DynamoDBRecord[]): Promise<DynamoDBRecord[]> => {
  const unparked: DynamoDBRecord[] = [];
  for (let start = 0; start < records.length; start += 10) {
    const chunk = records.slice(start, start + 10);
    try {
      const result = await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl('publisherFailures'),
          Entries: chunk.map((record, index) => ({
            Id: String(index),
            MessageBody: JSON.stringify({
              sequenceNumber: record.dynamodb?.SequenceNumber ?? '',
              newImage: imageOf(record) ?? {},
            } satisfies ParkedRecord),
          })),
        }),
      );
      for (const failure of result.Failed ?? []) unparked.push(chunk[Number(failure.Id)]!);
    } catch (error) {
      logger.error('could not park unpublished records', { error: error as Error });
      unparked.push(...chunk);
    }
  }
  return unparked;
};

export const handler = entryPoint(
  'stream',
  async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const pending = event.Records.flatMap((record) => {
      const image = imageOf(record);
      const entry = image && outboxEntry(image);
      return entry ? [{ record, entry }] : [];
    });
    const failed = await putOnBus(pending.map((p) => p.entry));
    const unpublished = pending.filter((_, index) => failed.has(index)).map((p) => p.record);
    metrics.addMetric('EventsPublished', MetricUnit.Count, pending.length - unpublished.length);
    const unparked = unpublished.length > 0 ? await park(unpublished) : [];
    metrics.addMetric('EventsParked', MetricUnit.Count, unpublished.length - unparked.length);
    if (unparked.length > 0) {
      logger.error('events neither published nor parked; Lambda retries the batch from the first', {
        failed: unparked.length,
      });
    }
    return {
      batchItemFailures: unparked.map((record) => ({
        itemIdentifier: record.dynamodb?.SequenceNumber ?? '',
      })),
    };
  },
);

/**
 * Puts domain events on the bus from the table stream: the second half of "no dual writes".
 * A handler writes an item carrying an `event` attribute in the same transaction as its change;
 * this function publishes each such INSERT, ten entries per PutEvents call, retrying entries
 * that failed. What still fails is reported as a partial batch failure from the first failed
 * record on, so Lambda retries in order and, when retries run out, sends the records to the
 * on-failure queue: nothing is lost, nothing is reordered.
 */

import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { eventBridge } from '#shared/clients/eventbridge.ts';
import { eventBusName } from '#shared/env.ts';
import { logger, metrics } from '#shared/observability.ts';
import type { OutboxEvent } from '#shared/outbox.ts';

/** PutEvents accepts at most 10 entries per call. */
const entriesPerCall = 10;
const attemptsPerEntry = 3;

type Pending = { record: DynamoDBRecord; entry: PutEventsRequestEntry };

const outboxEntry = (record: DynamoDBRecord): PutEventsRequestEntry | undefined => {
  if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) return undefined;
  const item = unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>);
  const event = item.event as OutboxEvent | undefined;
  if (!event) return undefined;
  return {
    EventBusName: eventBusName(),
    Source: event.source,
    DetailType: event.detailType,
    Detail: JSON.stringify(event.detail),
    Time: new Date(String(event.detail.occurredAt)),
  };
};

/** Puts the entries; answers those that still failed after the retries. */
const putAll = async (pending: Pending[]): Promise<Set<Pending>> => {
  const failed = new Set<Pending>();
  for (let start = 0; start < pending.length; start += entriesPerCall) {
    let chunk = pending.slice(start, start + entriesPerCall);
    for (let attempt = 1; chunk.length > 0 && attempt <= attemptsPerEntry; attempt++) {
      try {
        const result = await eventBridge.send(new PutEventsCommand({ Entries: chunk.map((p) => p.entry) }));
        chunk = chunk.filter((_, index) => result.Entries?.[index]?.ErrorCode);
      } catch (error) {
        logger.warn('PutEvents failed', { error: error as Error, attempt });
      }
      if (chunk.length > 0 && attempt < attemptsPerEntry)
        await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
    for (const p of chunk) failed.add(p);
  }
  return failed;
};

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const pending = event.Records.flatMap((record) => {
    const entry = outboxEntry(record);
    return entry ? [{ record, entry }] : [];
  });
  const failed = await putAll(pending);
  metrics.addMetric('EventsPublished', MetricUnit.Count, pending.length - failed.size);
  metrics.publishStoredMetrics();
  if (failed.size === 0) return { batchItemFailures: [] };
  // A stream is ordered: retry from the first failure, including what came after it.
  const firstFailed = event.Records.indexOf(pending.find((p) => failed.has(p))!.record);
  logger.error('events not published; the batch will be retried from the first failure', {
    failed: failed.size,
  });
  return {
    batchItemFailures: event.Records.slice(firstFailed).map((record) => ({
      itemIdentifier: record.dynamodb?.SequenceNumber ?? '',
    })),
  };
};

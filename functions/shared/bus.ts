/**
 * The one way to put events on the bus, for every producer (the stream publisher, channel
 * ingestion, the republisher of parked events): PutEvents calls of at most 10 entries and
 * 256 KB, sent in parallel; the entries a call refused (or the whole call, when it failed) are
 * retried with exponential backoff and full jitter. Whatever still failed is answered, never
 * dropped: each caller decides what to do with it (release and refuse, park, retry the batch).
 */
import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { backoffMs } from './backoff.ts';
import { eventBridge } from './clients/eventbridge.ts';
import { eventBusName } from './env.ts';
import { logger } from './observability.ts';
import type { OutboxEvent } from './outbox.ts';

export type BusEntry = PutEventsRequestEntry & {
  Source: string;
  DetailType: string;
  Detail: string;
  Time?: Date;
};

/** The bus entry of a domain event (the outbox's, or one a job publishes itself). */
export const busEntryOf = (event: OutboxEvent): BusEntry => ({
  EventBusName: eventBusName(),
  Source: event.source,
  DetailType: event.detailType,
  Detail: JSON.stringify(event.detail),
  Time: new Date(String(event.detail.occurredAt)),
});

/** EventBridge's limit on one PutEvents request (and so on one entry). */
export const maxEntryBytes = 256 * 1024;

/** The size EventBridge counts for an entry (source, detail-type, detail and time). */
export const entrySize = (entry: {
  Source: string;
  DetailType: string;
  Detail: string;
  Time?: Date;
}): number =>
  Buffer.byteLength(entry.Source) +
  Buffer.byteLength(entry.DetailType) +
  Buffer.byteLength(entry.Detail) +
  (entry.Time ? 14 : 0);

/**
 * Splits entries into PutEvents calls: at most 10 entries and 256 KB per call, in order.
 * Entries above 256 KB on their own must have been refused before.
 */
export const putEventsChunks = <E>(entries: E[], sizeOf: (entry: E) => number, maxEntries = 10): E[][] => {
  const chunks: E[][] = [];
  let current: E[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = sizeOf(entry);
    if (current.length === maxEntries || (current.length > 0 && bytes + size > maxEntryBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
};

/** Tries per entry: the first and three retries (about 0.4 s at most of backoff in all). */
const attempts = 4;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Puts the entries; answers the positions (in `entries`) of those that failed after every retry. */
export const putOnBus = async (entries: BusEntry[]): Promise<Set<number>> => {
  const indexed = entries.map((entry, index) => ({ entry, index }));
  const chunks = putEventsChunks(indexed, (e) => entrySize(e.entry));
  const failed = new Set<number>();
  await Promise.all(
    chunks.map(async (chunk) => {
      let pending = chunk;
      for (let attempt = 1; pending.length > 0 && attempt <= attempts; attempt++) {
        try {
          const result = await eventBridge.send(
            new PutEventsCommand({ Entries: pending.map((p) => p.entry) }),
          );
          pending = pending.filter((_, i) => result.Entries?.[i]?.ErrorCode || !result.Entries?.[i]?.EventId);
        } catch (error) {
          logger.warn('PutEvents failed', { error: error as Error, attempt, entries: pending.length });
        }
        if (pending.length > 0 && attempt < attempts) await sleep(backoffMs(attempt));
      }
      for (const p of pending) failed.add(p.index);
    }),
  );
  if (failed.size > 0) logger.error('events not put on the bus after retries', { failed: failed.size });
  return failed;
};

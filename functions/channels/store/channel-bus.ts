/**
 * Puts channel events on the bus: PutEvents calls of at most 10 entries and 256 KB, sent in
 * parallel; the entries a call refused (or the whole call, when it failed) are retried with
 * exponential backoff and jitter. Whatever still failed is answered, never dropped: the caller
 * releases those events' claims and tells the sender to retry them.
 */
import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { ChannelEventOnBus, type ChannelEventV1 } from '#schemas/events/channel-event.ts';
import { eventBridge } from '#shared/clients/eventbridge.ts';
import { eventBusName } from '#shared/env.ts';
import { logger } from '#shared/observability.ts';
import { backoffMs, entrySize, putEventsChunks } from '../domain/ingest.ts';

/** Tries per entry: the first and three retries (about 0.4 s at most of backoff in all). */
const attempts = 4;

type Entry = PutEventsRequestEntry & { Source: string; DetailType: string; Detail: string; Time: Date };

/** The bus entry of a channel event. */
export const busEntry = (detail: ChannelEventV1): Entry => ({
  EventBusName: eventBusName(),
  Source: ChannelEventOnBus.source,
  DetailType: ChannelEventOnBus.detailType,
  Detail: JSON.stringify(detail),
  Time: new Date(detail.occurredAt),
});

/** The size EventBridge counts for an entry (at most 256 KB). */
export const busEntrySize = (entry: Entry): number => entrySize(entry);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Puts the entries; answers the positions (in `entries`) of those that failed after every retry. */
export const putOnBus = async (entries: Entry[]): Promise<Set<number>> => {
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
  if (failed.size > 0)
    logger.error('channel events not put on the bus after retries', { failed: failed.size });
  return failed;
};

/**
 * The archiver's work on one SQS batch, without the Lambda around it: read each message (an
 * EventBridge envelope), pseudonymise it, drop duplicate events, group by hour partition, cut
 * each partition into files of at most `maxFileBytes` (size-based flushing: a large batch makes
 * a few big files, not one per event), and write each file twice — raw gzip NDJSON and curated
 * Parquet — under the name of its events. The outcome says which messages failed, so only they
 * are retried.
 */
import { gzipSync } from 'node:zlib';
import { writeCuratedParquet } from './files.ts';
import { fileKey, type Partition } from './layout.ts';
import {
  anonymousIdOf,
  type BusEnvelope,
  customerIdOf,
  dedupKey,
  type LakeEvent,
  parseEnvelope,
  toLakeEvent,
} from './rows.ts';
import type { LakeStore } from './store.ts';

/** Uncompressed NDJSON bytes after which a file is cut (Athena reads 10-100 MB files best). */
export const defaultMaxFileBytes = 64 * 1024 ** 2;

/** Files written at the same time (S3 takes many; memory holds a few encoded files). */
const writeConcurrency = 4;

export type ArchiveRecord = { messageId: string; body: string };

/** One file to write: events of one partition, in time order, with their NDJSON lines. */
export type PlannedFile = {
  partition: Partition;
  events: LakeEvent[];
  /** The raw file's lines (each newline-terminated), computed once for sizing and writing. */
  lines: string[];
  /** Uncompressed NDJSON bytes. */
  bytes: number;
};

export type WrittenFile = { raw: string; curated: string; events: number; bytes: number };

export type ArchiveOutcome = {
  /** Messages to retry (or that will end in the DLQ), with why. */
  failed: Map<string, Error>;
  written: WrittenFile[];
  /** Distinct events written. */
  events: number;
  /** Events met more than once in the batch (an upstream retry), written once. */
  duplicates: number;
  /** Events about erased people, dropped. */
  erasedDropped: number;
};

/** Erased customers, and erased visitor ids with when they were erased. */
export type ErasedPeople = { customers: Set<string>; visitors: Map<string, string> };

/** Whether an event is about an erased person: their customer id, or their device before the erasure. */
const aboutErased = (envelope: BusEnvelope, erased: ErasedPeople): boolean => {
  const customerId = customerIdOf(envelope);
  if (customerId !== undefined && erased.customers.has(customerId)) return true;
  const anonymousId = anonymousIdOf(envelope);
  const erasedAt = anonymousId === undefined ? undefined : erased.visitors.get(anonymousId);
  return erasedAt !== undefined && String(envelope.detail.occurredAt ?? envelope.time) <= erasedAt;
};

export type ArchiveOptions = {
  store: LakeStore;
  /** The pseudonymisation key. */
  key: string;
  /**
   * The customers, among those of the batch, who objected to profiling: their events reach the
   * lake without their pseudonym. If it fails, the whole batch is retried (never written with
   * pseudonyms it could not check).
   */
  profilingObjections: (customerIds: string[]) => Promise<Set<string>>;
  /**
   * The erased among the batch's customers and visitors (`#shared/privacy/tombstones.ts`): their
   * events are dropped, so that a late event or a replay does not bring them back. If it fails,
   * the whole batch is retried.
   */
  erased: (ids: { customerIds: string[]; anonymousIds: string[] }) => Promise<ErasedPeople>;
  /** @default defaultMaxFileBytes */
  maxFileBytes?: number;
};

const byTimeThenId = (a: LakeEvent, b: LakeEvent) =>
  a.row.occurred_at.getTime() - b.row.occurred_at.getTime() || a.eventId.localeCompare(b.eventId);

/**
 * Groups events by partition and cuts each partition into files of at most `maxFileBytes` of
 * NDJSON (a single larger event makes a file of its own). Deterministic: the same events give
 * the same files, whatever their order, so a redelivered batch overwrites what it wrote before.
 */
export const planFiles = (
  events: readonly LakeEvent[],
  maxFileBytes = defaultMaxFileBytes,
): PlannedFile[] => {
  const partitions = new Map<string, LakeEvent[]>();
  for (const event of events) {
    const id = `${event.partition.dt}/${event.partition.hour}`;
    const members = partitions.get(id);
    if (members) members.push(event);
    else partitions.set(id, [event]);
  }
  const files: PlannedFile[] = [];
  for (const id of [...partitions.keys()].sort()) {
    const sorted = [...(partitions.get(id) ?? [])].sort(byTimeThenId);
    let current: PlannedFile | undefined;
    for (const event of sorted) {
      const line = `${JSON.stringify(event.raw)}\n`;
      const bytes = Buffer.byteLength(line);
      if (!current || (current.events.length > 0 && current.bytes + bytes > maxFileBytes)) {
        current = { partition: event.partition, events: [], lines: [], bytes: 0 };
        files.push(current);
      }
      current.events.push(event);
      current.lines.push(line);
      current.bytes += bytes;
    }
  }
  return files;
};

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/** Runs `work` on every item, `limit` at a time. */
const eachLimited = async <T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
};

/**
 * Archives a batch of SQS messages; never throws for a message, reports it failed instead. Throws
 * when the customers' objections to profiling cannot be read: the whole batch is then retried.
 */
export const archiveBatch = async (
  records: readonly ArchiveRecord[],
  options: ArchiveOptions,
): Promise<ArchiveOutcome> => {
  const failed = new Map<string, Error>();
  const envelopes: { messageId: string; envelope: BusEnvelope }[] = [];
  for (const record of records) {
    try {
      envelopes.push({ messageId: record.messageId, envelope: parseEnvelope(record.body) });
    } catch (error) {
      failed.set(record.messageId, asError(error));
    }
  }
  const customerIds = [...new Set(envelopes.flatMap(({ envelope }) => customerIdOf(envelope) ?? []))];
  const [objecting, erased] = await Promise.all([
    options.profilingObjections(customerIds),
    options.erased({
      customerIds,
      anonymousIds: [...new Set(envelopes.flatMap(({ envelope }) => anonymousIdOf(envelope) ?? []))],
    }),
  ]);

  const messagesOf = new Map<string, string[]>();
  const events: LakeEvent[] = [];
  let duplicates = 0;
  let erasedDropped = 0;
  for (const { messageId, envelope } of envelopes) {
    if (aboutErased(envelope, erased)) {
      erasedDropped++;
      continue;
    }
    try {
      const customerId = customerIdOf(envelope);
      const event = toLakeEvent(envelope, options.key, {
        withoutCustomer: customerId !== undefined && objecting.has(customerId),
      });
      const key = dedupKey(event.row.channel, event.eventId);
      const carriers = messagesOf.get(key);
      if (carriers) {
        // The same event twice (a retried ingest, a redelivered message): written once, and
        // both messages share the fate of that write.
        carriers.push(messageId);
        duplicates++;
      } else {
        messagesOf.set(key, [messageId]);
        events.push(event);
      }
    } catch (error) {
      failed.set(messageId, asError(error));
    }
  }

  const written: WrittenFile[] = [];
  await eachLimited(planFiles(events, options.maxFileBytes), writeConcurrency, async (file) => {
    // Named by what tells the events apart, so a redelivered batch overwrites itself only.
    const ids = file.events.map((event) => dedupKey(event.row.channel, event.eventId));
    const raw = fileKey('raw', file.partition, ids);
    const curated = fileKey('curated', file.partition, ids);
    try {
      await Promise.all([
        options.store.put(raw, gzipSync(file.lines.join('')), 'application/gzip'),
        options.store.put(
          curated,
          writeCuratedParquet(file.events.map((event) => event.row)),
          'application/vnd.apache.parquet',
        ),
      ]);
      written.push({ raw, curated, events: file.events.length, bytes: file.bytes });
    } catch (error) {
      for (const id of ids) {
        for (const messageId of messagesOf.get(id) ?? []) failed.set(messageId, asError(error));
      }
    }
  });

  return {
    failed,
    written,
    events: written.reduce((sum, file) => sum + file.events, 0),
    duplicates,
    erasedDropped,
  };
};

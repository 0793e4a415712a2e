/**
 * How each kind of lake file is read, identified, ordered, written, and whose its rows are:
 * curated Parquet rows and raw gzip NDJSON envelopes, for the compactor and the erasure, which
 * both rewrite files.
 */
import type { CuratedRow } from '#schemas/analytics/lake.ts';
import {
  readCuratedEventIds,
  readCuratedParquet,
  readNdjsonGzip,
  writeCuratedParquet,
  writeNdjsonGzip,
} from './files.ts';
import type { LakeKind } from './layout.ts';
import { type BusEnvelope, dedupKey, dedupKeyOf, eventIdOf } from './rows.ts';
import type { LakeObject, LakeStore } from './store.ts';

export type Item<K extends LakeKind> = K extends 'curated' ? CuratedRow : BusEnvelope;

/** How each kind of file is read, identified, ordered and written. */
export type Format<T> = {
  read: (store: LakeStore, file: LakeObject) => Promise<T[]>;
  /** The deduplication keys of a file's rows (`dedupKey`). */
  keys: (store: LakeStore, file: LakeObject) => Promise<string[]>;
  keyOf: (item: T) => string;
  idOf: (item: T) => string;
  timeOf: (item: T) => number;
  write: (items: T[]) => Uint8Array;
  contentType: string;
  /** Whose the row is: its customer pseudonym and visitor id (an erasure drops a person's rows). */
  personOf: (item: T) => { pseudonym: unknown; anonymousId: unknown };
};

const curated: Format<CuratedRow> = {
  read: async (store, file) => readCuratedParquet(await store.get(file.key)),
  // Only the event_id and channel columns of a big file are fetched, by byte ranges.
  keys: async (store, file) =>
    (await readCuratedEventIds(store.reader(file))).map((row) => dedupKey(row.channel, row.event_id)),
  keyOf: (row) => dedupKey(row.channel, row.event_id as string),
  idOf: (row) => row.event_id as string,
  timeOf: (row) => row.occurred_at.getTime(),
  write: writeCuratedParquet,
  contentType: 'application/vnd.apache.parquet',
  personOf: (row) => ({ pseudonym: row.customer_pid, anonymousId: row.anonymous_id }),
};

const raw: Format<BusEnvelope> = {
  read: async (store, file) => readNdjsonGzip(await store.get(file.key)) as BusEnvelope[],
  keys: async (store, file) => (await raw.read(store, file)).map(dedupKeyOf),
  keyOf: dedupKeyOf,
  idOf: eventIdOf,
  timeOf: (envelope) => Date.parse(String(envelope.detail.occurredAt ?? envelope.time)),
  write: writeNdjsonGzip,
  contentType: 'application/gzip',
  personOf: (envelope) => ({
    pseudonym: envelope.detail.customerPid,
    anonymousId: envelope.detail.anonymousId,
  }),
};

export const formats: { [K in LakeKind]: Format<Item<K>> } = { curated, raw };

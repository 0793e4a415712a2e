/**
 * Compaction on an in-memory lake: the small files of an hour become one, each event kept once
 * (raw and curated), the new file written before the old ones go, big and recent files left
 * alone, and a second run (or a run after a crash) changes nothing more.
 */
import { describe, expect, test } from 'vitest';
import { archiveBatch } from '#functions/analytics/lake/archive.ts';
import { compactLake } from '#functions/analytics/lake/compaction.ts';
import { readCuratedParquet, readNdjsonGzip } from '#functions/analytics/lake/files.ts';
import { memoryLeases } from '#functions/analytics/lake/leases.ts';
import { memoryLakeStore } from '#functions/analytics/lake/store.ts';
import {
  channelEnvelope,
  nobodyErased,
  noObjections,
  pageViews,
  sqsRecords,
  testKey,
} from './lake-events.ts';

type Store = ReturnType<typeof memoryLakeStore>;

const keysUnder = (store: Store, prefix: string) =>
  [...store.objects.keys()].filter((key) => key.startsWith(prefix)).sort();

const curatedIds = async (store: Store, prefix = 'curated/') =>
  (await Promise.all(keysUnder(store, prefix).map(async (key) => readCuratedParquet(await store.get(key)))))
    .flat()
    .map((row) => row.event_id);

const rawIds = async (store: Store) =>
  (
    await Promise.all(
      keysUnder(store, 'raw/').map(
        async (key) => readNdjsonGzip(await store.get(key)) as { detail: { eventId: string } }[],
      ),
    )
  )
    .flat()
    .map((envelope) => envelope.detail.eventId);

/** A lake where three batches overlapping by a few events landed in the same hour. */
const lakeWithSmallFiles = async () => {
  const store = memoryLakeStore();
  const events = pageViews(50, '2026-11-23T09:00:00.000Z');
  // At-least-once upstream: events 18-19 and 38-39 came again in the next batch.
  for (const batch of [events.slice(0, 20), events.slice(18, 40), events.slice(38, 50)]) {
    await archiveBatch(sqsRecords(batch), {
      store,
      key: testKey,
      profilingObjections: noObjections,
      erased: nobodyErased,
    });
  }
  return { store, ids: events.map((e) => e.detail.eventId).sort() };
};

describe('compactLake', () => {
  test('tells events apart as ingestion does: the same message id on two channels is two events', async () => {
    // Prepare: message id "m-1" from the website and from the iOS app, and the website's again.
    const store = memoryLakeStore();
    const at = '2026-11-23T09:10:00.000Z';
    const web = channelEnvelope({ eventId: 'm-1', occurredAt: at });
    const ios = { ...web, id: 'bus-2', detail: { ...web.detail, channel: 'ios' } };
    const webAgain = { ...web, id: 'bus-3' };
    await archiveBatch(sqsRecords([web]), {
      store,
      key: testKey,
      profilingObjections: noObjections,
      erased: nobodyErased,
    });
    await archiveBatch(sqsRecords([ios, webAgain]), {
      store,
      key: testKey,
      profilingObjections: noObjections,
      erased: nobodyErased,
    });
    // Act
    await compactLake({ leases: memoryLeases(), store });
    // Assess
    const rows = (
      await Promise.all(
        keysUnder(store, 'curated/').map(async (key) => readCuratedParquet(await store.get(key))),
      )
    ).flat();
    expect(rows.map((row) => `${row.channel}:${row.event_id}`).sort()).toEqual(['ios:m-1', 'web:m-1']);
    expect((await rawIds(store)).sort()).toEqual(['m-1', 'm-1']);
  });

  test('merges the small files of an hour into one, keeping each event once', async () => {
    // Prepare
    const { store, ids } = await lakeWithSmallFiles();
    expect(keysUnder(store, 'curated/')).toHaveLength(3);
    expect(await curatedIds(store)).toHaveLength(54);

    // Act
    const reports = await compactLake({ leases: memoryLeases(), store });

    // Assess
    expect(keysUnder(store, 'curated/')).toHaveLength(1);
    expect(keysUnder(store, 'raw/')).toHaveLength(1);
    expect((await curatedIds(store)).sort()).toEqual(ids);
    expect((await rawIds(store)).sort()).toEqual(ids);
    expect(reports.map((r) => [r.kind, r.merged.length, r.duplicatesDropped])).toEqual([
      ['curated', 3, 4],
      ['raw', 3, 4],
    ]);
  });

  test('a second run changes nothing', async () => {
    // Prepare
    const { store } = await lakeWithSmallFiles();
    await compactLake({ leases: memoryLeases(), store });
    const after = new Map(store.objects);

    // Act
    const reports = await compactLake({ leases: memoryLeases(), store });

    // Assess
    expect(reports).toEqual([]);
    expect(store.objects).toEqual(after);
  });

  test('a run stopped after writing the merged file is finished by the next, without duplicates', async () => {
    // Prepare
    const { store, ids } = await lakeWithSmallFiles();
    const crashing = {
      ...store,
      delete: async () => {
        throw new Error('the Lambda timed out');
      },
    };
    await expect(compactLake({ leases: memoryLeases(), store: crashing })).rejects.toThrow('timed out');
    expect(keysUnder(store, 'curated/')).toHaveLength(4);

    // Act
    await compactLake({ leases: memoryLeases(), store });

    // Assess
    expect(keysUnder(store, 'curated/')).toHaveLength(1);
    expect((await curatedIds(store)).sort()).toEqual(ids);
  });

  test('leaves files younger than the cut-off, and partitions with a single file, alone', async () => {
    // Prepare
    const { store } = await lakeWithSmallFiles();
    await archiveBatch(sqsRecords(pageViews(5, '2026-11-23T10:00:00.000Z', 'h10')), {
      store,
      key: testKey,
      profilingObjections: noObjections,
      erased: nobodyErased,
    });
    const before = new Map(store.objects);

    // Act
    const reports = await compactLake({
      leases: memoryLeases(),
      store,
      olderThan: new Date(Date.now() - 60_000),
    });
    const single = await compactLake({
      leases: memoryLeases(),
      store,
      partitions: [{ dt: '2026-11-23', hour: '10' }],
    });

    // Assess
    expect(reports).toEqual([]);
    expect(single).toEqual([]);
    expect(store.objects).toEqual(before);
  });

  test('compacts only the partitions asked for', async () => {
    // Prepare
    const { store } = await lakeWithSmallFiles();
    for (const batch of [
      pageViews(5, '2026-11-23T11:00:00.000Z', 'a'),
      pageViews(5, '2026-11-23T11:00:00.000Z', 'b'),
    ]) {
      await archiveBatch(sqsRecords(batch), {
        store,
        key: testKey,
        profilingObjections: noObjections,
        erased: nobodyErased,
      });
    }

    // Act
    const reports = await compactLake({
      leases: memoryLeases(),
      store,
      partitions: [{ dt: '2026-11-23', hour: '11' }],
    });

    // Assess
    expect(reports.map((r) => `${r.kind} ${r.dt} ${r.hour}`)).toEqual([
      'curated 2026-11-23 11',
      'raw 2026-11-23 11',
    ]);
    expect(keysUnder(store, 'curated/events/dt=2026-11-23/hour=09/')).toHaveLength(3);
    expect(keysUnder(store, 'curated/events/dt=2026-11-23/hour=11/')).toHaveLength(1);
  });

  test('keeps big files as they are and drops from small ones the events they already hold', async () => {
    // Prepare
    const store = memoryLakeStore();
    const events = pageViews(400, '2026-11-23T09:00:00.000Z');
    await archiveBatch(sqsRecords(events.slice(0, 300)), {
      store,
      key: testKey,
      profilingObjections: noObjections,
      erased: nobodyErased,
    });
    const [big] = keysUnder(store, 'curated/');
    const bigSize = (await store.get(big!)).byteLength;
    await archiveBatch(sqsRecords(events.slice(295, 320)), {
      store,
      key: testKey,
      profilingObjections: noObjections,
      erased: nobodyErased,
    });
    await archiveBatch(sqsRecords(events.slice(320, 400)), {
      store,
      key: testKey,
      profilingObjections: noObjections,
      erased: nobodyErased,
    });

    // Act
    const reports = await compactLake({ leases: memoryLeases(), store, smallFileBytes: bigSize });

    // Assess
    expect(keysUnder(store, 'curated/')).toContain(big);
    expect(keysUnder(store, 'curated/')).toHaveLength(2);
    expect((await curatedIds(store)).sort()).toEqual(events.map((e) => e.detail.eventId).sort());
    expect(reports[0]?.duplicatesDropped).toBe(5);
  });
});

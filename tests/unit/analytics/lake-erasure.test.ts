/**
 * A person's erasure from an in-memory lake: their rows go from every file of the partitions,
 * raw and curated, found by pseudonym or by a linked visitor id, the others' rows stay; a
 * partition leased by a compaction is waited for, and the compactor leaves a partition leased by
 * an erasure; the archiver drops the events of erased people.
 */
import { describe, expect, test } from 'vitest';
import { archiveBatch } from '#functions/analytics/lake/archive.ts';
import { compactLake } from '#functions/analytics/lake/compaction.ts';
import { eraseFromLake } from '#functions/analytics/lake/erasure.ts';
import { readCuratedParquet, readNdjsonGzip } from '#functions/analytics/lake/files.ts';
import { memoryLeases } from '#functions/analytics/lake/leases.ts';
import { pseudonymOf } from '#functions/analytics/lake/privacy.ts';
import { memoryLakeStore } from '#functions/analytics/lake/store.ts';
import { channelEnvelope, nobodyErased, noObjections, sqsRecords, testKey } from './lake-events.ts';

type Store = ReturnType<typeof memoryLakeStore>;
const hour = { dt: '2026-11-23', hour: '09' };

const curatedIds = async (store: Store) =>
  (
    await Promise.all(
      [...store.objects.keys()]
        .filter((key) => key.startsWith('curated/'))
        .map(async (key) => readCuratedParquet(await store.get(key))),
    )
  )
    .flat()
    .map((row) => row.event_id)
    .sort();

const rawText = async (store: Store) =>
  (
    await Promise.all(
      [...store.objects.keys()]
        .filter((key) => key.startsWith('raw/'))
        .map(async (key) => JSON.stringify(readNdjsonGzip(await store.get(key)))),
    )
  ).join('\n');

/** Two batches in the same hour: hers (as customer and as visitor before login) and others'. */
const lakeWithHer = async () => {
  const store = memoryLakeStore();
  const archive = (envelopes: ReturnType<typeof channelEnvelope>[]) =>
    archiveBatch(sqsRecords(envelopes), {
      store,
      key: testKey,
      profilingObjections: noObjections,
      erased: nobodyErased,
    });
  await archive([
    channelEnvelope({
      eventId: 'hers-1',
      occurredAt: '2026-11-23T09:00:01.000Z',
      customerId: 'cu-erased0001',
    }),
    channelEnvelope({
      eventId: 'other-1',
      occurredAt: '2026-11-23T09:00:02.000Z',
      customerId: 'cu-staying001',
    }),
  ]);
  await archive([
    channelEnvelope({ eventId: 'hers-2', occurredAt: '2026-11-23T09:10:00.000Z', anonymousId: 'anon-hers' }),
    channelEnvelope({
      eventId: 'other-2',
      occurredAt: '2026-11-23T09:11:00.000Z',
      anonymousId: 'anon-other',
    }),
  ]);
  return store;
};

const her = { pseudonym: pseudonymOf('cu-erased0001', testKey), anonymousIds: ['anon-hers'] };

describe('erasing a person from the lake', () => {
  test('removes their rows, by pseudonym and by visitor id, raw and curated, and keeps the others', async () => {
    // Prepare
    const store = await lakeWithHer();

    // Act
    const report = await eraseFromLake(her, [hour], { store, leases: memoryLeases() });

    // Assess
    expect(await curatedIds(store)).toEqual(['other-1', 'other-2']);
    const raw = await rawText(store);
    expect(raw).not.toContain('hers-');
    expect(raw).not.toContain(her.pseudonym);
    expect(raw).toContain('other-1');
    expect(report).toEqual({ rows: { raw: 2, curated: 2 }, filesRewritten: 4, filesDestroyed: 4 });
  });

  test('run again, finds nothing more to do', async () => {
    const store = await lakeWithHer();
    await eraseFromLake(her, [hour], { store, leases: memoryLeases() });
    const files = [...store.objects.keys()].sort();

    const again = await eraseFromLake(her, [hour], { store, leases: memoryLeases() });

    expect(again).toEqual({ rows: { raw: 0, curated: 0 }, filesRewritten: 0, filesDestroyed: 0 });
    expect([...store.objects.keys()].sort()).toEqual(files);
  });

  test('waits for a compaction holding the partition, and fails if it never ends', async () => {
    // Prepare: a compaction holds the curated files of the hour.
    const store = await lakeWithHer();
    const leases = memoryLeases();
    const release = await leases.take('curated', hour);

    // Act: one erasure gives up, another gets the lease once the compaction ends
    const givingUp = eraseFromLake(her, [hour], { store, leases, leaseTries: 2, waitMs: 5 });
    await expect(givingUp).rejects.toThrow(/stayed leased/);
    const waiting = eraseFromLake(her, [hour], { store, leases, leaseTries: 50, waitMs: 5 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await release!();
    const report = await waiting;

    // Assess
    expect(report.rows.curated).toBe(2);
    expect(await curatedIds(store)).toEqual(['other-1', 'other-2']);
  });

  test('the compactor leaves a partition an erasure holds, and merges it on its next run', async () => {
    const store = await lakeWithHer();
    const leases = memoryLeases();
    const release = await leases.take('curated', hour);

    const during = await compactLake({ store, leases });
    await release!();
    const after = await compactLake({ store, leases });

    expect(during.filter((report) => report.kind === 'curated')).toEqual([]);
    expect(after.filter((report) => report.kind === 'curated')).toHaveLength(1);
  });
});

describe('the archiver and erased people', () => {
  test('drops the events of an erased customer, and of an erased visitor up to the erasure only', async () => {
    // Prepare
    const store = memoryLakeStore();
    const erased = async () => ({
      customers: new Set(['cu-erased0001']),
      visitors: new Map([['anon-hers', '2026-11-23T09:30:00.000Z']]),
    });

    // Act
    const outcome = await archiveBatch(
      sqsRecords([
        channelEnvelope({
          eventId: 'late-1',
          occurredAt: '2026-11-23T09:00:01.000Z',
          customerId: 'cu-erased0001',
        }),
        channelEnvelope({
          eventId: 'late-2',
          occurredAt: '2026-11-23T09:20:00.000Z',
          anonymousId: 'anon-hers',
        }),
        channelEnvelope({
          eventId: 'new-visit',
          occurredAt: '2026-11-23T09:40:00.000Z',
          anonymousId: 'anon-hers',
        }),
        channelEnvelope({
          eventId: 'other-1',
          occurredAt: '2026-11-23T09:00:02.000Z',
          customerId: 'cu-staying001',
        }),
      ]),
      { store, key: testKey, profilingObjections: noObjections, erased },
    );

    // Assess: a device used again after the erasure, with its consent, is a new visitor's.
    expect(outcome.failed.size).toBe(0);
    expect(outcome.erasedDropped).toBe(2);
    expect(await curatedIds(store)).toEqual(['new-visit', 'other-1']);
  });
});

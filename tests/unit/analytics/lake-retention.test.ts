/**
 * The lake's retention: the first day kept is counted back by the calendar, and the purge
 * deletes every file of an older day, raw and curated, and nothing else; a dry run only lists.
 */
import { describe, expect, test } from 'vitest';
import { purgeExpiredDays, retentionCutoff } from '#functions/analytics/lake/retention.ts';
import { memoryLakeStore } from '#functions/analytics/lake/store.ts';

describe('retentionCutoff', () => {
  test.each([
    ['2026-12-02T10:00:00Z', 'P25M', '2024-11-02'],
    ['2026-12-02T00:00:00Z', 'P13M', '2025-11-02'],
    ['2027-03-31T12:00:00Z', 'P1M', '2027-02-28'],
    ['2028-03-31T12:00:00Z', 'P1M', '2028-02-29'],
    ['2026-01-15T08:00:00Z', 'P7D', '2026-01-08'],
    ['2026-12-02T08:00:00Z', 'P5Y', '2021-12-02'],
    ['2026-12-02T08:00:00Z', 'P1Y1D', '2025-12-01'],
  ])('from %s, keeping %s, keeps %s on', (now, keep, first) => {
    expect(retentionCutoff(new Date(now), keep)).toBe(first);
  });

  test('refuses what is not a duration of years, months and days', () => {
    expect(() => retentionCutoff(new Date(), 'PT1H')).toThrow('is not a duration');
    expect(() => retentionCutoff(new Date(), 'P')).toThrow('is not a duration');
  });
});

describe('purgeExpiredDays', () => {
  const lakeWith = async (keys: string[]) => {
    const store = memoryLakeStore();
    for (const key of keys) await store.put(key, new Uint8Array(10), 'application/octet-stream');
    return store;
  };
  const files = [
    'raw/dt=2024-10-31/hour=23/a.ndjson.gz',
    'curated/events/dt=2024-10-31/hour=23/a.parquet',
    'raw/dt=2024-11-01/hour=00/b.ndjson.gz',
    'curated/events/dt=2024-11-01/hour=00/b.parquet',
    'curated/events/dt=2024-11-01/hour=07/c.parquet',
    'raw/dt=2024-11-02/hour=00/d.ndjson.gz',
    'curated/events/dt=2024-11-02/hour=00/d.parquet',
    'raw/not-a-lake-file.txt',
  ];

  test('deletes every file of the days before the cutoff, raw and curated, and nothing else', async () => {
    // Prepare
    const store = await lakeWith(files);

    // Act
    const report = await purgeExpiredDays(store, { cutoff: '2024-11-02', dryRun: false });

    // Assess
    expect(report.days).toEqual([
      { dt: '2024-10-31', files: 2, bytes: 20 },
      { dt: '2024-11-01', files: 3, bytes: 30 },
    ]);
    expect(report.filesDeleted).toBe(5);
    expect([...store.objects.keys()].sort()).toEqual([
      'curated/events/dt=2024-11-02/hour=00/d.parquet',
      'raw/dt=2024-11-02/hour=00/d.ndjson.gz',
      'raw/not-a-lake-file.txt',
    ]);
  });

  test('in a dry run, lists the same days and deletes nothing', async () => {
    // Prepare
    const store = await lakeWith(files);

    // Act
    const report = await purgeExpiredDays(store, { cutoff: '2024-11-02', dryRun: true });

    // Assess
    expect(report.days.map((day) => day.dt)).toEqual(['2024-10-31', '2024-11-01']);
    expect(report.filesDeleted).toBe(0);
    expect(store.objects.size).toBe(files.length);
  });
});

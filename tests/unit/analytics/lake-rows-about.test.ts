/**
 * An export reads a person's lake rows by ranges of days that each fit in one answer of the
 * query engine (10,000 rows): as few ranges as possible, in day order, a day over the cap alone.
 */
import { describe, expect, it } from 'vitest';
import { daysInRanges } from '#functions/analytics/lake/rows-about.ts';

describe('the ranges of days an export reads', () => {
  it('packs consecutive days up to the cap and gives a day over it a range of its own', () => {
    const counts = [
      { dt: '2026-10-01', rows: 4_000 },
      { dt: '2026-10-02', rows: 5_000 },
      { dt: '2026-10-05', rows: 2_000 },
      { dt: '2026-10-06', rows: 12_000 },
      { dt: '2026-10-07', rows: 1 },
      { dt: '2026-10-09', rows: 9_999 },
    ];
    expect(daysInRanges(counts, 10_000)).toEqual([
      { from: '2026-10-01', to: '2026-10-02' },
      { from: '2026-10-05', to: '2026-10-05' },
      { from: '2026-10-06', to: '2026-10-06' },
      { from: '2026-10-07', to: '2026-10-09' },
    ]);
  });

  it('reads nothing for a person without rows', () => {
    expect(daysInRanges([], 10_000)).toEqual([]);
  });
});

/**
 * The lake's retention: every day partition older than the lake's retention (the registry's,
 * `../privacy.ts`: 25 months, CNIL's guidance for audience measurement) is deleted, raw and
 * curated files alike. A dry run lists what would go and deletes nothing.
 *
 * Safe beside the compactor: it never touches a day this old (no event older than a week is
 * ingested, a DLQ keeps messages 14 days, so no new file reaches such a day).
 */
import { shiftDay } from '#shared/calendar.ts';
import { kindPrefix, parseKey } from './layout.ts';
import type { LakeStore } from './store.ts';

/** The first day kept: `now` less the retention (`P25M`), counted by the calendar (`#shared/calendar.ts`). */
export const retentionCutoff = (now: Date, keep: string): string => shiftDay(now, keep, -1);

/** One expired day of the lake, and what it holds. */
export type ExpiredDay = { dt: string; files: number; bytes: number };

export type PurgeReport = {
  /** The first day kept. */
  cutoff: string;
  dryRun: boolean;
  days: ExpiredDay[];
  filesDeleted: number;
};

/** Deletes (or, in a dry run, lists) every lake file of a day before `cutoff`. */
export const purgeExpiredDays = async (
  store: LakeStore,
  options: { cutoff: string; dryRun: boolean },
): Promise<PurgeReport> => {
  const expired = new Map<string, { keys: string[]; bytes: number }>();
  for (const kind of ['raw', 'curated'] as const) {
    for (const object of await store.list(kindPrefix(kind))) {
      const dt = parseKey(object.key)?.partition.dt;
      if (!dt || dt >= options.cutoff) continue;
      const day = expired.get(dt) ?? { keys: [], bytes: 0 };
      day.keys.push(object.key);
      day.bytes += object.size;
      expired.set(dt, day);
    }
  }
  const days = [...expired.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([dt, day]) => ({ dt, files: day.keys.length, bytes: day.bytes }));
  if (!options.dryRun) {
    for (const day of expired.values()) await store.delete(day.keys);
  }
  return {
    cutoff: options.cutoff,
    dryRun: options.dryRun,
    days,
    filesDeleted: options.dryRun ? 0 : days.reduce((sum, day) => sum + day.files, 0),
  };
};

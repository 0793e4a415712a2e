/**
 * The lake's retention: every day partition older than the lake's retention (the registry's,
 * `../privacy.ts`: 25 months, CNIL's guidance for audience measurement) is deleted, raw and
 * curated files alike. A dry run lists what would go and deletes nothing.
 *
 * Safe beside the compactor: it never touches a day this old (no event older than a week is
 * ingested, a DLQ keeps messages 14 days, so no new file reaches such a day).
 */
import { kindPrefix, parseKey } from './layout.ts';
import type { LakeStore } from './store.ts';

/**
 * The first day kept: `now` less an ISO 8601 duration of years, months and days (`P25M`), by
 * the calendar (UTC), as a `YYYY-MM-DD` date. A month back from the 31st lands on the last day
 * of a shorter month (31 March less a month is 28 February), never in the next one.
 */
export const retentionCutoff = (now: Date, keep: string): string => {
  const parts = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/.exec(keep);
  if (!parts || keep === 'P') throw new Error(`${keep} is not a duration of years, months and days`);
  const [, years = '0', months = '0', days = '0'] = parts;
  const monthIndex = now.getUTCFullYear() * 12 + now.getUTCMonth() - Number(years) * 12 - Number(months);
  const [year, month] = [Math.floor(monthIndex / 12), monthIndex % 12];
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const cutoff = new Date(Date.UTC(year, month, Math.min(now.getUTCDate(), lastDay) - Number(days)));
  return cutoff.toISOString().slice(0, 10);
};

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

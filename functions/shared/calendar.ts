/**
 * Periods counted as the law counts them, on UTC days (Regulation (EEC, Euratom) No 1182/71,
 * art. 3): a period of months ends on the same date in the last month, or on that month's last
 * day when it has no such date (a month from 31 January is 28 or 29 February).
 */

/**
 * The day `duration` (ISO 8601 years, months and days: `P1M`, `P25M`, `P5Y1D`) after `from`
 * (`direction` 1) or before it (-1), as `YYYY-MM-DD`.
 */
export const shiftDay = (from: Date, duration: string, direction: 1 | -1): string => {
  const parts = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/.exec(duration);
  if (!parts || duration === 'P') throw new Error(`${duration} is not a duration of years, months and days`);
  const [, years = '0', months = '0', days = '0'] = parts;
  const monthIndex =
    from.getUTCFullYear() * 12 + from.getUTCMonth() + direction * (Number(years) * 12 + Number(months));
  const [year, month] = [Math.floor(monthIndex / 12), monthIndex % 12];
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(from.getUTCDate(), lastDay) + direction * Number(days);
  return new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
};

/**
 * The arithmetic of the analyst screen's chart, kept apart from the SVG so it can be tested:
 * which points to draw (values added up per label, in order of first appearance) and a scale
 * with round gridlines (1, 2 or 5 times a power of ten).
 */

export type ChartPoint = { label: string; value: number };

/**
 * The points of a result for a chart of column `y` against column `x`. Rows sharing a label
 * are added up (e.g. customers per product across segments); rows without a number are left out.
 */
export const chartPoints = (
  columns: readonly { name: string }[],
  rows: readonly (readonly unknown[])[],
  x: string,
  y: string,
): { points: ChartPoint[]; summed: boolean } => {
  const xi = columns.findIndex((c) => c.name === x);
  const yi = columns.findIndex((c) => c.name === y);
  if (xi < 0 || yi < 0) return { points: [], summed: false };
  const byLabel = new Map<string, number>();
  let summed = false;
  for (const row of rows) {
    const value = row[yi];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const label = row[xi] === null || row[xi] === undefined ? '—' : String(row[xi]);
    if (byLabel.has(label)) summed = true;
    byLabel.set(label, (byLabel.get(label) ?? 0) + value);
  }
  return { points: [...byLabel].map(([label, value]) => ({ label, value })), summed };
};

/** A step of 1, 2 or 5 × 10^k that cuts `max` into about `count` intervals. */
const niceStep = (max: number, count: number): number => {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
};

/**
 * The value axis from zero: its top (a multiple of the step, at least the largest value) and
 * its gridline values. Whole-number data keeps whole-number gridlines.
 */
export const valueScale = (values: readonly number[], count = 4): { max: number; ticks: number[] } => {
  const largest = Math.max(0, ...values);
  if (largest === 0) return { max: 1, ticks: [0, 1] };
  let step = niceStep(largest, count);
  if (values.every(Number.isInteger)) step = Math.max(1, Math.round(step));
  const max = Number((Math.ceil(largest / step) * step).toPrecision(12));
  const ticks: number[] = [];
  for (let tick = 0; tick <= max + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return { max, ticks };
};

/** A label cut to `length` characters with an ellipsis (the full text goes in a tooltip). */
export const shorten = (text: string, length: number): string =>
  text.length > length ? `${text.slice(0, length - 1)}…` : text;

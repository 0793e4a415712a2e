/**
 * What the parts of `npm run bench` share to report their figures: progress on stderr, the
 * machine's load (the figures depend on it), the median of repeated measures, a figure beside
 * its goal with a mark saying whether it meets it, and aligned text tables.
 */
import { cpus, loadavg } from 'node:os';

/** A progress line on stderr: stdout holds only the report. */
export const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** `load average 0.52 / 0.61 / 0.70 on 2 CPUs`. */
export const load = (): string =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')} on ${cpus().length} CPUs`;

/** The median of measures (the mean of the two middle ones for an even count). */
export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** A figure, its goal, and ✓ or ✗: `1.12× (goal ≤ 1.3×) ✓`. */
export const againstGoal = (figure: string, goal: string, met: boolean): string =>
  `${figure} (goal ${goal}) ${met ? '✓' : '✗'}`;

/** Columns whose title starts with `>` are right-aligned (numbers); the `>` is not shown. */
export const formatTable = (titles: readonly string[], rows: readonly (readonly string[])[]): string[] => {
  const right = titles.map((title) => title.startsWith('>'));
  const header = titles.map((title) => title.replace(/^>/, ''));
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `  ${cells
      .map((cell, i) => (right[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()}`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
};

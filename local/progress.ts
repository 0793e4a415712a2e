/**
 * A terminal progress bar for the sandbox's long steps (seeding, building resources). On a
 * terminal it redraws one line in place, at most ten times a second, so that a fast loop is
 * not slowed down by its own display; in a log (CI, a pipe) it writes a line every 10% instead,
 * since carriage returns there only make noise.
 */

/** Where the bar is drawn: `process.stderr` or anything that looks like it. */
export type ProgressStream = {
  write: (chunk: string) => unknown;
  /** True on a terminal; absent or false in a pipe or a CI log. */
  isTTY?: boolean;
};

export type ProgressBarOptions = {
  /** What is being done, printed before the bar, e.g. `customers`. */
  label: string;
  /** Number of ticks that make 100%. */
  total: number;
  /** @default process.stderr */
  stream?: ProgressStream;
  /** Clock in milliseconds, for tests. @default performance.now */
  now?: () => number;
};

export type ProgressBar = {
  /** Records `n` more items done (default 1). */
  tick: (n?: number) => void;
  /** Draws the final state and ends the line; later calls do nothing. */
  done: () => void;
};

const width = 30;
const redrawEveryMs = 100;

/**
 * Starts a progress bar drawing `label [#####.....] 1234/2000 62% 3.1 s` on `stream`.
 */
export const progressBar = ({
  label,
  total,
  stream = process.stderr,
  now = () => performance.now(),
}: ProgressBarOptions): ProgressBar => {
  const startedAt = now();
  const tty = stream.isTTY === true;
  let count = 0;
  let finished = false;
  let lastDrawAt = Number.NEGATIVE_INFINITY;
  // Deciles already written in log mode, so each 10% step appears once.
  let lastDecile = 0;

  const fraction = () => (total <= 0 ? 1 : Math.min(count, total) / total);
  const line = () => {
    const filled = Math.round(fraction() * width);
    const seconds = ((now() - startedAt) / 1000).toFixed(1);
    const percent = Math.floor(fraction() * 100);
    return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}/${total} ${percent}% ${seconds} s`;
  };
  // `\x1b[K` clears what a longer previous line left behind.
  const redraw = () => {
    lastDrawAt = now();
    stream.write(`\r${line()}\x1b[K`);
  };

  if (tty) redraw();

  return {
    tick: (n = 1) => {
      if (finished) return;
      count += n;
      if (tty) {
        if (now() - lastDrawAt >= redrawEveryMs) redraw();
        return;
      }
      const decile = Math.floor(fraction() * 10);
      if (decile > lastDecile) {
        lastDecile = decile;
        stream.write(`${line()}\n`);
      }
    },
    done: () => {
      if (finished) return;
      finished = true;
      if (tty) {
        redraw();
        stream.write('\n');
      } else if (lastDecile < 10) {
        stream.write(`${line()}\n`);
      }
    },
  };
};

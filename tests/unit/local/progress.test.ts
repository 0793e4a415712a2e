/** The terminal progress bar: redrawn in place on a terminal, a line per 10% in a log. */

import { describe, expect, it } from 'vitest';
import { progressBar } from '#local/progress.ts';

/** A stream that records what is written, and a clock the test moves by hand. */
const fakeTerminal = (isTTY: boolean) => {
  const chunks: string[] = [];
  let time = 0;
  return {
    chunks,
    stream: { isTTY, write: (chunk: string) => chunks.push(chunk) },
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
  };
};

describe('progressBar on a terminal', () => {
  it('redraws one line in place with the bar, the count, the percentage and the elapsed time', () => {
    // Prepare
    const terminal = fakeTerminal(true);
    const bar = progressBar({ label: 'customers', total: 2000, stream: terminal.stream, now: terminal.now });

    // Act
    terminal.advance(3100);
    bar.tick(1240);

    // Assess
    const last = terminal.chunks.at(-1) ?? '';
    expect(last.startsWith('\r')).toBe(true);
    expect(last).toContain('customers [###################...........] 1240/2000 62% 3.1 s');
    expect(terminal.chunks.join('')).not.toContain('\n');
  });

  it('draws at most ten times a second however fast the ticks come', () => {
    // Prepare
    const terminal = fakeTerminal(true);
    const bar = progressBar({ label: 'customers', total: 2000, stream: terminal.stream, now: terminal.now });
    const before = terminal.chunks.length;

    // Act: 2,000 ticks spread over one second
    for (let i = 0; i < 2000; i++) {
      terminal.advance(0.5);
      bar.tick();
    }

    // Assess
    const draws = terminal.chunks.length - before;
    expect(draws).toBeGreaterThanOrEqual(9);
    expect(draws).toBeLessThanOrEqual(11);
  });

  it('shows 100% and ends the line when done, once', () => {
    // Prepare
    const terminal = fakeTerminal(true);
    const bar = progressBar({ label: 'holdings', total: 10, stream: terminal.stream, now: terminal.now });
    bar.tick(10);

    // Act
    bar.done();
    bar.done();
    bar.tick();

    // Assess
    const output = terminal.chunks.join('');
    expect(output.endsWith('\n')).toBe(true);
    expect(output.match(/\n/g)).toHaveLength(1);
    expect(output).toContain('holdings [##############################] 10/10 100%');
  });
});

describe('progressBar in a log (not a terminal)', () => {
  it('writes one plain line every 10%, without carriage returns', () => {
    // Prepare
    const terminal = fakeTerminal(false);
    const bar = progressBar({ label: 'customers', total: 2000, stream: terminal.stream, now: terminal.now });

    // Act
    for (let i = 0; i < 2000; i++) bar.tick();
    bar.done();

    // Assess
    const lines = terminal.chunks.join('').split('\n').filter(Boolean);
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(/^customers \[###\.{27}\] 200\/2000 10% 0\.0 s$/);
    expect(lines.at(-1)).toMatch(/ 2000\/2000 100% /);
    expect(terminal.chunks.join('')).not.toContain('\r');
  });

  it('still reports where it stopped when done before the total', () => {
    // Prepare
    const terminal = fakeTerminal(false);
    const bar = progressBar({ label: 'events', total: 100, stream: terminal.stream, now: terminal.now });
    bar.tick(15);

    // Act
    terminal.advance(1500);
    bar.done();

    // Assess
    const lines = terminal.chunks.join('').split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('15/100 15% 1.5 s');
  });

  it('copes with an empty job', () => {
    // Prepare
    const terminal = fakeTerminal(false);
    const bar = progressBar({ label: 'nothing', total: 0, stream: terminal.stream, now: terminal.now });

    // Act
    bar.done();

    // Assess
    expect(terminal.chunks.join('')).toContain('nothing [##############################] 0/0 100%');
  });
});

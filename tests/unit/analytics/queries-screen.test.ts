/**
 * The analyst screen's pure parts: the CSV it downloads (safe to open in a spreadsheet), the
 * chart's points and scale, and the parameter form's values.
 */
import { describe, expect, it } from 'vitest';
import type { SavedQuery } from '#schemas/analytics/query.ts';
import { chartPoints, shorten, valueScale } from '#web/src/features/analytics/utils/chart.ts';
import { toCsv } from '#web/src/features/analytics/utils/csv.ts';
import { csvFileName } from '#web/src/features/analytics/utils/download.ts';
import { initialValues, toParameters } from '#web/src/features/analytics/utils/parameters.ts';

const query: SavedQuery = {
  id: 'visit-paths',
  version: 1,
  title: { fr: 'Parcours', en: 'Paths' },
  description: { fr: '…', en: '…' },
  parameters: [
    { name: 'from', type: 'date', label: { fr: 'Du', en: 'From' }, default: '2026-10-24' },
    { name: 'top', type: 'integer', label: { fr: 'Nombre', en: 'Count' }, default: 20 },
    { name: 'channel', type: 'string', label: { fr: 'Canal', en: 'Channel' }, default: '' },
  ],
};

describe('the CSV download', () => {
  it('writes a header of column names and one line per row, quoting what needs it', () => {
    // Act
    const csv = toCsv(
      [{ name: 'path' }, { name: 'sessions' }, { name: 'note' }],
      [
        ['/ > /crédit, immobilier', 3, 'dit "oui"'],
        ['/', 1, null],
      ],
    );
    // Assess
    expect(csv).toBe('path,sessions,note\r\n"/ > /crédit, immobilier",3,"dit ""oui"""\r\n/,1,\r\n');
  });

  it('keeps a spreadsheet from running a formula a visitor put in a URL, and keeps negative numbers', () => {
    // Act
    const csv = toCsv([{ name: 'path' }, { name: 'delta' }], [['=HYPERLINK("http://x")', -3]], { bom: true });
    // Assess
    expect(csv).toBe('\uFEFFpath,delta\r\n"\'=HYPERLINK(""http://x"")",-3\r\n');
  });

  it('names the file after the query and its period', () => {
    // Assess
    expect(csvFileName('channel-mix', { from: '2024-03-04', to: '2024-03-06' }, '2026-11-23T10:00:00Z')).toBe(
      'channel-mix-2024-03-04_2024-03-06.csv',
    );
    expect(csvFileName('x', {}, '2026-11-23T10:00:00Z')).toBe('x-2026-11-23.csv');
  });
});

describe('the chart', () => {
  it('adds up values sharing a label, in the order labels first appear, and skips non-numbers', () => {
    // Act
    const { points, summed } = chartPoints(
      [{ name: 'segment' }, { name: 'product' }, { name: 'customers' }],
      [
        ['affluent', 'home-loan', 1],
        ['affluent', 'livret-a', 2],
        ['young', 'home-loan', 3],
        ['young', 'pea', null],
      ],
      'product',
      'customers',
    );
    // Assess
    expect(points).toEqual([
      { label: 'home-loan', value: 4 },
      { label: 'livret-a', value: 2 },
    ]);
    expect(summed).toBe(true);
  });

  it('draws nothing for a column the result does not have', () => {
    // Assess
    expect(chartPoints([{ name: 'a' }], [[1]], 'a', 'b').points).toEqual([]);
  });

  it('scales from zero to a round top, with whole gridlines for counts', () => {
    // Assess
    expect(valueScale([4, 3, 1])).toEqual({ max: 4, ticks: [0, 1, 2, 3, 4] });
    expect(valueScale([1234])).toEqual({ max: 1500, ticks: [0, 500, 1000, 1500] });
    expect(valueScale([0.42, 0.1])).toEqual({ max: 0.6, ticks: [0, 0.2, 0.4, 0.6] });
    expect(valueScale([])).toEqual({ max: 1, ticks: [0, 1] });
  });

  it('shortens long labels with an ellipsis', () => {
    // Assess
    expect(shorten('/ > /epargne > /livret-a', 12)).toBe('/ > /epargn…');
    expect(shorten('/', 12)).toBe('/');
  });
});

describe('the parameter form', () => {
  it('starts from the defaults the API gave', () => {
    // Assess
    expect(initialValues(query)).toEqual({ from: '2026-10-24', top: '20', channel: '' });
  });

  it('sends typed values, or names the fields to correct', () => {
    // Act
    const good = toParameters(query, { from: '2024-03-04', top: ' 5 ', channel: 'web' });
    const bad = toParameters(query, { from: '', top: 'cinq', channel: '' });
    // Assess
    expect(good).toEqual({ ok: true, parameters: { from: '2024-03-04', top: 5, channel: 'web' } });
    expect(bad).toEqual({ ok: false, errors: { from: 'date', top: 'integer' } });
  });
});

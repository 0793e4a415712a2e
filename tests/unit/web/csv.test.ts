/**
 * CSV downloads that open correctly in Excel: `;` and a decimal comma in French, `,` and a dot
 * in English, a UTF-8 byte-order mark for the accents, RFC 4180 quoting in both.
 */
import { describe, expect, it } from 'vitest';
import type { QueryRun } from '#schemas/analytics/query.ts';
import { runAsCsv } from '#web/src/features/analytics/utils/download.ts';
import { csvCell, csvFormatFor, toCsv } from '#web/src/lib/csv.ts';

const columns = [{ name: 'parcours' }, { name: 'sessions' }, { name: 'part_pct' }];
const rows = [
  ['/ > /crédit, immobilier', 3, 42.9],
  ['/épargne; livret "A"', 1, -14.25],
  ['ligne\r\nsuivante', 0, null],
];

describe('toCsv in French', () => {
  it('separates with semicolons, writes decimal commas and starts with a byte-order mark', () => {
    // Act
    const csv = toCsv(columns, rows, csvFormatFor('fr'));

    // Assess
    expect(csv).toBe(
      '\uFEFFparcours;sessions;part_pct\r\n' +
        '/ > /crédit, immobilier;3;42,9\r\n' +
        '"/épargne; livret ""A""";1;-14,25\r\n' +
        '"ligne\r\nsuivante";0;\r\n',
    );
  });
});

describe('toCsv in English', () => {
  it('separates with commas, keeps decimal points and starts with a byte-order mark', () => {
    // Act
    const csv = toCsv(columns, rows, csvFormatFor('en'));

    // Assess
    expect(csv).toBe(
      '\uFEFFparcours,sessions,part_pct\r\n' +
        '"/ > /crédit, immobilier",3,42.9\r\n' +
        '"/épargne; livret ""A""",1,-14.25\r\n' +
        '"ligne\r\nsuivante",0,\r\n',
    );
  });
});

describe('csvCell', () => {
  it('quotes a field holding the separator only for the separator in use', () => {
    // Act
    const cells = [
      csvCell('a,b', { separator: ';' }),
      csvCell('a;b', { separator: ';' }),
      csvCell('a,b', { separator: ',' }),
      csvCell('a;b', { separator: ',' }),
    ];

    // Assess
    expect(cells).toEqual(['a,b', '"a;b"', '"a,b"', 'a;b']);
  });

  it('keeps a spreadsheet from running a formula in text, in both languages, and leaves numbers be', () => {
    // Act
    const cells = [
      csvCell('=HYPERLINK("http://x")', csvFormatFor('fr')),
      csvCell('@SUM(A1)', csvFormatFor('en')),
      csvCell(-3.5, csvFormatFor('fr')),
      csvCell(true, csvFormatFor('fr')),
    ];

    // Assess
    expect(cells).toEqual(['"\'=HYPERLINK(""http://x"")"', "'@SUM(A1)", '-3,5', 'true']);
  });

  it('writes whole numbers without separators of thousands', () => {
    // Act
    const cells = [csvCell(1234567, csvFormatFor('fr')), csvCell(1234567.5, csvFormatFor('en'))];

    // Assess
    expect(cells).toEqual(['1234567', '1234567.5']);
  });
});

describe('the analyst screen’s download', () => {
  it('writes a run for a spreadsheet of the user’s language', () => {
    // Prepare
    const run: QueryRun = {
      runId: 'r-1',
      queryId: 'channel-mix',
      status: 'succeeded',
      engine: 'duckdb',
      startedAt: '2024-03-07T10:00:00.000Z',
      columns: [
        { name: 'channel_mix', type: 'varchar' },
        { name: 'share_pct', type: 'double' },
      ],
      rows: [
        ['web', 40],
        ['ios + branch_tablet', 20.5],
      ],
    };

    // Act
    const fr = runAsCsv(run, 'fr');
    const en = runAsCsv(run, 'en');

    // Assess
    expect(fr).toBe('\uFEFFchannel_mix;share_pct\r\nweb;40\r\nios + branch_tablet;20,5\r\n');
    expect(en).toBe('\uFEFFchannel_mix,share_pct\r\nweb,40\r\nios + branch_tablet,20.5\r\n');
  });
});

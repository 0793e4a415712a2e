/** `npm run query`: its command line and the way it prints a result (table, CSV, JSON). */
import { describe, expect, it } from 'vitest';
import { formatResult, formatTable, parseCommand } from '#local/cli/query.ts';

const columns = [
  { name: 'day', type: 'varchar' },
  { name: 'active_customers', type: 'bigint' },
];
const rows = [
  ['2024-03-04', 2],
  ['2024-03-05', 14],
];

describe('the command line', () => {
  it('reads a saved query with parameters, a version, the engine and the output', () => {
    // Act
    const command = parseCommand([
      'visit-paths@2',
      '--param',
      'from=2024-03-04',
      '-p',
      'channel=',
      '--athena',
      '--out',
      'paths.csv',
    ]);
    // Assess
    expect(command).toEqual({
      kind: 'run',
      target: { queryId: 'visit-paths', version: 2 },
      parameters: { from: '2024-03-04', channel: '' },
      athena: true,
      format: 'csv',
      out: 'paths.csv',
      sandbox: 'relais',
    });
  });

  it('reads ad-hoc SQL and the listing, and explains what it cannot read', () => {
    // Assess
    expect(parseCommand(['--sql', 'select 1', '--format', 'json'])).toMatchObject({
      kind: 'run',
      target: { sql: 'select 1' },
      format: 'json',
      athena: false,
    });
    expect(parseCommand(['--list'])).toEqual({ kind: 'list' });
    expect(parseCommand([])).toEqual({ kind: 'help' });
    expect(() => parseCommand(['x', '--param', 'novalue'])).toThrow(/name=value/);
    expect(() => parseCommand(['x', '--format', 'xml'])).toThrow(/table, csv or json/);
    expect(() => parseCommand(['x', '--sql', 'select 1'])).toThrow(/not both/);
    expect(() => parseCommand(['Bad_Id'])).toThrow(/saved query id/);
  });
});

describe('printing a result', () => {
  it('aligns a table for the terminal, numbers to the right', () => {
    // Assess
    expect(formatTable(columns, rows)).toBe(
      [
        'day         active_customers',
        '----------  ----------------',
        '2024-03-04                 2',
        '2024-03-05                14',
      ].join('\n'),
    );
  });

  it('writes CSV and JSON with the column names', () => {
    // Assess
    expect(formatResult('csv', columns, rows)).toBe(
      'day,active_customers\r\n2024-03-04,2\r\n2024-03-05,14\r\n',
    );
    expect(JSON.parse(formatResult('json', columns, rows))).toEqual([
      { day: '2024-03-04', active_customers: 2 },
      { day: '2024-03-05', active_customers: 14 },
    ]);
  });
});

/**
 * The saved-query catalogue: every file parses, declares what it uses, and is SQL that Athena
 * (Trino) accepts; parameters are checked against their types and travel apart from the text.
 */
import pkg from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import {
  catalogueOf,
  parseSavedQueryFile,
  placeholders,
  savedQueries,
} from '#functions/analytics/queries/catalogue.ts';
import {
  bindParameters,
  describeSavedQuery,
  inlineValues,
  sqlLiteral,
} from '#functions/analytics/queries/parameters.ts';
import { SavedQuery } from '#schemas/analytics/query.ts';
import { ValidationFailed } from '#shared/errors.ts';

const trino = new pkg.Parser();
const catalogue = savedQueries();
const now = new Date('2026-11-23T10:00:00Z');

const file = (header: object, sql: string) => `/*\n${JSON.stringify(header)}\n*/\n${sql}\n`;
const header = {
  title: { fr: 'Essai', en: 'Test' },
  description: { fr: 'Un essai', en: 'A test' },
  parameters: [
    { name: 'from', type: 'date', label: { fr: 'Du', en: 'From' }, default: 'today-7' },
    { name: 'top', type: 'integer', label: { fr: 'Nombre', en: 'Count' }, default: 10, min: 1, max: 100 },
    { name: 'channel', type: 'string', label: { fr: 'Canal', en: 'Channel' } },
  ],
};
const sample = parseSavedQueryFile(
  'sample-query.v2.sql',
  file(header, 'SELECT * FROM events WHERE dt >= CAST(:from AS varchar) AND channel = :channel LIMIT :top;'),
);

/** The validation errors a call throws, as `field: message` lines. */
const refusal = (act: () => unknown): string[] => {
  try {
    act();
  } catch (error) {
    if (error instanceof ValidationFailed) return error.errors.map((e) => `${e.field}: ${e.message}`);
    throw error;
  }
  throw new Error('expected a ValidationFailed');
};

describe('the saved queries of the issue', () => {
  it('are all in the catalogue, each with French and English titles and typed parameters', () => {
    // Act
    const ids = catalogue.latest().map((q) => q.id);
    const described = catalogue.latest().map((q) => SavedQuery.parse(describeSavedQuery(q, now)));
    // Assess
    expect(ids).toEqual([
      'channel-mix',
      'daily-active-customers',
      'product-funnel',
      'product-interest-by-segment',
      'visit-paths',
    ]);
    for (const query of described) {
      expect(query.title.fr).not.toBe(query.title.en);
      expect(query.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['from', 'to']));
    }
  });

  it.each(catalogue.latest().map((q) => [q.id, q] as const))(
    '%s is SQL that Athena (Trino) parses',
    (_id, query) => {
      // Prepare
      const bound = bindParameters(query, {}, now);
      // Act
      const withPlaceholders = () => trino.astify(bound.sql, { database: 'trino' });
      const withValues = () => trino.astify(inlineValues(bound), { database: 'trino' });
      // Assess
      expect(withPlaceholders).not.toThrow();
      expect(withValues).not.toThrow();
    },
  );

  it.each(catalogue.latest().map((q) => [q.id, q] as const))(
    '%s reads the curated table by date partition and only with functions both engines know',
    (_id, query) => {
      // Assess
      expect(query.sql).toMatch(/\bFROM events\b/);
      expect(query.sql).toMatch(/dt BETWEEN CAST\(:from AS varchar\) AND CAST\(:to AS varchar\)/);
      // DuckDB-only spellings that Trino refuses (json_extract_string, ::, list_*, strftime…).
      expect(query.sql).not.toMatch(/json_extract_string|::|\blist_|\bstrftime\b|\bstring_agg\b|\bilike\b/i);
    },
  );

  it('gives engines the days each query reads: its window, except the one that reads every day', () => {
    // Act
    const windows = Object.fromEntries(
      catalogue
        .latest()
        .map((query) => [
          query.id,
          bindParameters(query, { from: '2026-11-02', to: '2026-11-08' }, now).window,
        ]),
    );
    // Assess: the segments of product interest come from events of any date.
    expect(windows).toEqual({
      'channel-mix': { from: '2026-11-02', to: '2026-11-08' },
      'daily-active-customers': { from: '2026-11-02', to: '2026-11-08' },
      'product-funnel': { from: '2026-11-02', to: '2026-11-08' },
      'product-interest-by-segment': undefined,
      'visit-paths': { from: '2026-11-02', to: '2026-11-08' },
    });
  });

  it('opens each query on the last 30 days, whatever day it is', () => {
    // Act
    const daily = describeSavedQuery(catalogue.find('daily-active-customers')!, now);
    // Assess
    expect(daily.parameters.find((p) => p.name === 'from')?.default).toBe('2026-10-24');
    expect(daily.parameters.find((p) => p.name === 'to')?.default).toBe('2026-11-23');
  });
});

describe('reading a saved-query file', () => {
  it('takes the id and version from the file name and the rest from the header', () => {
    // Assess
    expect(sample).toMatchObject({ id: 'sample-query', version: 2, title: { fr: 'Essai', en: 'Test' } });
    expect(sample.sql).toBe(
      'SELECT * FROM events WHERE dt >= CAST(:from AS varchar) AND channel = :channel LIMIT :top',
    );
  });

  it('refuses a file whose name, header or parameters are wrong, saying which file', () => {
    // Act and assess
    expect(() => parseSavedQueryFile('Sample.sql', file(header, 'SELECT 1'))).toThrow(
      /Sample\.sql: .*<id>\.v<version>/,
    );
    expect(() => parseSavedQueryFile('a.v1.sql', 'SELECT 1')).toThrow(/a\.v1\.sql: .*header/);
    expect(() => parseSavedQueryFile('a.v1.sql', '/* {"title": */ SELECT 1')).toThrow(/not JSON/);
    expect(() => parseSavedQueryFile('a.v1.sql', file({ ...header, colour: 'red' }, 'SELECT 1'))).toThrow(
      /invalid header/,
    );
    expect(() =>
      parseSavedQueryFile('a.v1.sql', file(header, 'SELECT :from, :channel, :top, :other')),
    ).toThrow(/:other is used but not declared/);
    expect(() => parseSavedQueryFile('a.v1.sql', file(header, 'SELECT :from, :channel'))).toThrow(
      /top is declared but never used/,
    );
  });

  it('finds parameters in the code only, not in literals, quoted names or comments', () => {
    // Act
    const found = placeholders(
      `SELECT ':not', "col:umn", 'it''s :not' -- :not\n, :yes /* :not */ FROM t WHERE a = :also`,
    );
    // Assess
    expect(found.map((p) => p.name)).toEqual(['yes', 'also']);
    expect(() => placeholders('SELECT x::varchar')).toThrow(/CAST/);
  });

  it('answers the latest version of a query unless another one is asked for', () => {
    // Prepare
    const v1 = { ...sample, version: 1, sql: 'SELECT 1' };
    const v3 = { ...sample, version: 3, sql: 'SELECT 3' };
    // Act
    const several = catalogueOf([v1, v3, sample]);
    // Assess
    expect(several.latest().map((q) => q.version)).toEqual([3]);
    expect(several.find('sample-query')?.version).toBe(3);
    expect(several.find('sample-query', 1)?.sql).toBe('SELECT 1');
    expect(several.find('sample-query', 9)).toBeUndefined();
  });
});

describe('binding parameters', () => {
  it('replaces each parameter by a placeholder and passes its typed value beside the text', () => {
    // Act
    const bound = bindParameters(sample, { from: '2024-03-04', channel: "web' OR '1'='1", top: '5' }, now);
    // Assess
    expect(bound.sql).toBe('SELECT * FROM events WHERE dt >= CAST(? AS varchar) AND channel = ? LIMIT ?');
    expect(bound.values).toEqual([
      { type: 'date', value: '2024-03-04' },
      { type: 'string', value: "web' OR '1'='1" },
      { type: 'integer', value: 5 },
    ]);
    expect(bound.parameters).toEqual({ from: '2024-03-04', channel: "web' OR '1'='1", top: 5 });
  });

  it('applies defaults, with relative dates resolved on the day', () => {
    // Act
    const bound = bindParameters(sample, { channel: 'web' }, now);
    // Assess
    expect(bound.parameters).toEqual({ from: '2026-11-16', channel: 'web', top: 10 });
  });

  it('names every parameter that is unknown, missing or of the wrong type', () => {
    // Act
    const errors = refusal(() =>
      bindParameters(sample, { from: '2024-02-30', top: 'ten', colour: 'red' }, now),
    );
    // Assess
    expect(errors).toEqual([
      'parameters.colour: unknown parameter',
      'parameters.from: expected a date written YYYY-MM-DD',
      'parameters.top: expected a whole number',
      'parameters.channel: required',
    ]);
  });

  it('keeps integers within their bounds and strings within their options', () => {
    // Prepare
    const daily = catalogue.find('daily-active-customers')!;
    // Act
    const tooMany = refusal(() => bindParameters(sample, { channel: 'web', top: 1000 }, now));
    const otherChannel = refusal(() => bindParameters(daily, { channel: 'fax' }, now));
    const control = refusal(() => bindParameters(sample, { channel: 'web\u0000' }, now));
    // Assess
    expect(tooMany).toEqual(['parameters.top: must be at most 100']);
    expect(otherChannel[0]).toMatch(/^parameters\.channel: one of: "", "web"/);
    expect(control).toEqual(['parameters.channel: control characters are not allowed']);
  });

  it('writes values as typed literals for Athena and for reading, quotes doubled', () => {
    // Prepare
    const bound = bindParameters(sample, { from: '2024-03-04', channel: "l'agence ?", top: 3 }, now);
    // Act
    const text = inlineValues(bound);
    // Assess
    expect(bound.values.map(sqlLiteral)).toEqual(["DATE '2024-03-04'", "'l''agence ?'", '3']);
    expect(text).toBe(
      "SELECT * FROM events WHERE dt >= CAST(DATE '2024-03-04' AS varchar) AND channel = 'l''agence ?' LIMIT 3",
    );
    expect(() => trino.astify(text, { database: 'trino' })).not.toThrow();
  });
});

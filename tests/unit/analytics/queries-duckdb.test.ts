/**
 * Every saved query run by DuckDB (the sandbox's engine) on the fixture lake, whose story is
 * told in `fixture-lake.ts`: the rows must be exactly the ones an analyst would count by hand.
 * The same SQL text is what Athena runs in the cloud.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckdbEngine } from '#functions/analytics/engines/duckdb.ts';
import { awaitExecution, type QueryEngine, type QueryResult } from '#functions/analytics/engines/index.ts';
import { savedQueries } from '#functions/analytics/queries/catalogue.ts';
import { bindParameters } from '#functions/analytics/queries/parameters.ts';
import { fixturePeriod, writeFixtureLake } from './fixture-lake.ts';

let lakeDir: string;
let engine: QueryEngine;

beforeAll(async () => {
  lakeDir = await mkdtemp(join(tmpdir(), 'relais-fixture-lake-'));
  await writeFixtureLake(lakeDir);
  engine = duckdbEngine({ lakeDir });
});

afterAll(async () => {
  await rm(lakeDir, { recursive: true, force: true });
});

/** Runs a saved query (latest version) on the fixture lake; answers its result. */
const run = async (
  queryId: string,
  parameters: Record<string, string | number> = {},
): Promise<QueryResult> => {
  const query = savedQueries().find(queryId);
  if (!query) throw new Error(`no saved query ${queryId}`);
  const { executionId } = await engine.start(bindParameters(query, { ...fixturePeriod, ...parameters }));
  const state = await awaitExecution(engine, executionId, { timeoutMs: 30_000 });
  if (state.state !== 'succeeded') throw new Error(`${queryId}: ${JSON.stringify(state)}`);
  return state.result;
};

const table = (result: QueryResult) => [result.columns.map((c) => c.name), ...result.rows];

describe('saved queries on DuckDB over the fixture lake', () => {
  it('every query runs, and its chart names columns of its result', async () => {
    for (const query of savedQueries().latest()) {
      // Act
      const result = await run(query.id);
      // Assess
      const names = result.columns.map((c) => c.name);
      if (query.chart)
        expect(names, query.id).toEqual(expect.arrayContaining([query.chart.x, query.chart.y]));
      expect(result.rows.length, query.id).toBeGreaterThan(0);
    }
  });

  it('daily active customers: customers, visitors and events per day, channel events only', async () => {
    // Act
    const all = await run('daily-active-customers');
    const web = await run('daily-active-customers', { channel: 'web' });
    // Assess
    expect(table(all)).toEqual([
      ['day', 'active_customers', 'visitors', 'events'],
      ['2024-03-04', 2, 4, 16],
      ['2024-03-05', 4, 4, 9],
      ['2024-03-06', 2, 3, 8],
    ]);
    expect(all.columns.map((c) => c.type)).toEqual(['varchar', 'bigint', 'bigint', 'bigint']);
    expect(web.rows).toEqual([
      ['2024-03-04', 1, 3, 11],
      ['2024-03-05', 1, 1, 2],
      ['2024-03-06', 2, 3, 8],
    ]);
  });

  it('a period outside the lake answers no rows rather than an error', async () => {
    // Act
    const result = await run('daily-active-customers', { from: '2023-01-01', to: '2023-01-31' });
    // Assess
    expect(result.rows).toEqual([]);
    expect(result.columns.map((c) => c.name)).toEqual(['day', 'active_customers', 'visitors', 'events']);
  });

  it('channel mix: the combination of channels of each customer, most frequent first', async () => {
    // Act
    const result = await run('channel-mix');
    // Assess
    expect(table(result)).toEqual([
      ['channel_mix', 'channels', 'customers', 'share_pct', 'avg_events'],
      ['web', 1, 2, 40, 1.5],
      ['contact_centre', 1, 1, 20, 2],
      ['ios + branch_tablet', 2, 1, 20, 7],
      ['web + ios', 2, 1, 20, 11],
    ]);
  });

  it('visit paths: the first four pages of each session, grouped, with share, pages and duration', async () => {
    // Act
    const result = await run('visit-paths');
    const top2 = await run('visit-paths', { top: 2 });
    const ios = await run('visit-paths', { channel: 'ios' });
    // Assess
    expect(table(result)).toEqual([
      ['rank', 'path', 'sessions', 'share_pct', 'avg_pages', 'avg_duration_s'],
      [1, '/ > /credit-immobilier', 3, 42.9, 2, 83],
      [2, '/', 1, 14.3, 1, 0],
      [3, '/ > /credit-immobilier > /epargne', 1, 14.3, 3, 360],
      [4, '/ > /epargne > /livret-a > /assurance-vie > …', 1, 14.3, 5, 240],
      [5, 'accueil > comptes', 1, 14.3, 2, 300],
    ]);
    expect(top2.rows.map((row) => row[1])).toEqual(['/ > /credit-immobilier', '/']);
    expect(ios.rows).toEqual([[1, 'accueil > comptes', 1, 100, 2, 300]]);
  });

  it('funnel: viewed, then simulated, then subscribed, in that order, across devices and after login', async () => {
    // Act
    const all = await run('product-funnel');
    const savings = await run('product-funnel', { product: 'livret-a' });
    // Assess: Alice, Bob, Carol and Dan (his anonymous view counts once he logged in) viewed;
    // Carol never simulated; only Alice subscribed after simulating (Bob's came before).
    expect(table(all)).toEqual([
      ['step', 'stage', 'people', 'pct_of_viewers', 'pct_of_previous'],
      [1, 'product_view', 4, 100, null],
      [2, 'simulation_completed', 3, 75, 75],
      [3, 'subscription', 1, 25, 33.3],
    ]);
    expect(savings.rows).toEqual([
      [1, 'product_view', 2, 100, null],
      [2, 'simulation_completed', 1, 50, 50],
      [3, 'subscription', 0, 0, 0],
    ]);
  });

  it('product interest by segment: the latest segment of each customer, interest from the period', async () => {
    // Act
    const all = await run('product-interest-by-segment');
    const affluent = await run('product-interest-by-segment', { segment: 'affluent' });
    // Assess: Bob moved to affluent on the 5th; Alice's later update did not touch her segment.
    expect(table(all)).toEqual([
      ['segment', 'product', 'customers', 'views', 'simulations'],
      ['affluent', 'home-loan', 1, 1, 1],
      ['affluent', 'livret-a', 1, 1, 1],
      ['mass_market', 'home-loan', 1, 1, 1],
      ['private_banking', 'livret-a', 1, 1, 0],
      ['young', 'home-loan', 1, 1, 1],
    ]);
    expect(affluent.rows.map((row) => row[1])).toEqual(['home-loan', 'livret-a']);
  });

  it('keeps a value that looks like SQL a value: a hostile parameter matches nothing', async () => {
    // Act
    const result = await run('product-funnel', { product: "home-loan' OR '1'='1" });
    // Assess
    expect(result.rows.map((row) => row[2])).toEqual([0, 0, 0]);
  });

  it('answers ad-hoc SQL on the same view, with Trino-style JSON extraction', async () => {
    // Act
    const { executionId } = await engine.start({
      sql: "SELECT json_extract_scalar(properties, '$.kind') AS kind, count(*) AS n FROM events WHERE event_type = 'transaction' GROUP BY 1 ORDER BY 1",
      values: [],
    });
    const state = await awaitExecution(engine, executionId, { timeoutMs: 30_000 });
    // Assess
    expect(state.state === 'succeeded' && state.result.rows).toEqual([
      ['card_payment', 1],
      ['subscription', 3],
    ]);
  });

  it('reads only the days of its window: a broken file on another day does not touch the run', async () => {
    // Prepare: a day after the fixture period whose only file is not Parquet at all.
    const otherDay = join(lakeDir, 'curated', 'events', 'dt=2031-01-01', 'hour=00');
    await mkdir(otherDay, { recursive: true });
    await writeFile(join(otherDay, 'broken.parquet'), 'not parquet');
    try {
      // Act
      const windowed = await run('daily-active-customers');
      const { executionId } = await engine.start({ sql: 'SELECT count(*) FROM events', values: [] });
      const unwindowed = await awaitExecution(engine, executionId, { timeoutMs: 30_000 });
      // Assess: the saved query (a window) runs; SQL without a window reads every day, and fails.
      expect(windowed.rows.length).toBeGreaterThan(0);
      expect(unwindowed.state).toBe('failed');
    } finally {
      await rm(join(lakeDir, 'curated', 'events', 'dt=2031-01-01'), { recursive: true, force: true });
    }
  });

  it('reports a failed statement as a failed run with the reason', async () => {
    // Act
    const { executionId } = await engine.start({ sql: 'SELECT no_such_column FROM events', values: [] });
    const state = await awaitExecution(engine, executionId, { timeoutMs: 30_000 });
    // Assess
    expect(state.state).toBe('failed');
    expect(state.state === 'failed' && state.error).toMatch(/no_such_column/);
  });
});

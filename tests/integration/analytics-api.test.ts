/**
 * The analyst's API over a sandbox's lake: the fixture lake's Parquet files are put into the
 * sandbox's lake bucket (as the archiver would have written them), then an analyst lists the
 * saved queries and runs them through the local HTTP API; DuckDB reads a mirror of the bucket
 * that follows it (new files in, compacted-away files out). Refusals per role are in
 * `authorisation.test.ts`.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lakeMirrorRoot } from '#functions/analytics/engines/lake-mirror.ts';
import { lakePrefixes } from '#schemas/analytics/lake.ts';
import type { QueryRun, SavedQuery } from '#schemas/analytics/query.ts';
import { sandboxPerFile } from '../support/sandbox.ts';
import {
  curatedParquet,
  fixtureEvents,
  fixtureLakeObjects,
  fixturePeriod,
} from '../unit/analytics/fixture-lake.ts';

const { as, sandbox } = sandboxPerFile();
let s3: S3Client;
const bucket = () => sandbox().resources.lakeBucket;

beforeAll(async () => {
  s3 = new S3Client({ forcePathStyle: true });
  for (const { key, body } of fixtureLakeObjects()) {
    await s3.send(new PutObjectCommand({ Bucket: bucket(), Key: key, Body: body }));
  }
});

afterAll(async () => {
  // The local mirror of this test's bucket (`.sandbox/lake/<bucket>`) goes with the sandbox.
  const name = (() => {
    try {
      return bucket();
    } catch {
      return undefined; // the sandbox never started
    }
  })();
  if (name) await rm(join(lakeMirrorRoot(), name), { recursive: true, force: true });
});

const runDaily = async (parameters: Record<string, string | number> = { ...fixturePeriod }) =>
  (await as('analyst')).request<QueryRun>('POST', '/v1/analytics/queries/daily-active-customers/runs', {
    body: { parameters },
  });

describe('saved queries for analysts', () => {
  it('lists the saved queries with their parameters, defaults on a recent period', async () => {
    // Prepare
    const api = await as('analyst');
    // Act
    const listed = await api.request<{ items: SavedQuery[] }>('GET', '/v1/analytics/queries');
    // Assess
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((q) => q.id)).toEqual([
      'channel-mix',
      'daily-active-customers',
      'product-funnel',
      'product-interest-by-segment',
      'visit-paths',
    ]);
    const daily = listed.body.items.find((q) => q.id === 'daily-active-customers')!;
    expect(daily.title).toEqual({ fr: 'Clients actifs par jour', en: 'Daily active customers' });
    expect(daily.chart).toEqual({ type: 'line', x: 'day', y: 'active_customers' });
    expect(daily.parameters.find((p) => p.name === 'to')?.default).toBe(
      new Date().toISOString().slice(0, 10),
    );
  });

  it('runs a saved query on the lake and answers the rows at once (DuckDB), then again by run id', async () => {
    // Act
    const run = await runDaily();
    const again = await (await as('analyst')).request<QueryRun>(
      'GET',
      `/v1/analytics/runs/${encodeURIComponent(run.body.runId)}`,
    );
    // Assess
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(run.body).toMatchObject({
      queryId: 'daily-active-customers',
      status: 'succeeded',
      engine: 'duckdb',
    });
    expect(run.body.columns?.map((c) => c.name)).toEqual(['day', 'active_customers', 'visitors', 'events']);
    expect(run.body.rows).toEqual([
      ['2024-03-04', 2, 4, 16],
      ['2024-03-05', 4, 4, 9],
      ['2024-03-06', 2, 3, 8],
    ]);
    expect(run.body.stats?.rowCount).toBe(3);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(run.body);
  });

  it('runs every saved query of the catalogue with its defaults and the fixture period', async () => {
    // Prepare
    const api = await as('analyst');
    const { body } = await api.request<{ items: SavedQuery[] }>('GET', '/v1/analytics/queries');
    for (const query of body.items) {
      // Act
      const run = await api.request<QueryRun>('POST', `/v1/analytics/queries/${query.id}/runs`, {
        body: { parameters: fixturePeriod },
      });
      // Assess
      expect(run.status, query.id).toBe(200);
      expect(run.body.status, `${query.id}: ${run.body.error}`).toBe('succeeded');
      expect(run.body.rows?.length, query.id).toBeGreaterThan(0);
    }
  });

  it('sees files that reach the lake after a first run, and forgets files compaction removed', async () => {
    // Prepare: one more customer active on the 6th, in a file of its own.
    const late = {
      ...fixtureEvents.find((e) => e.event_type === 'page_view' && e.customer_pid)!,
      event_id: 'ev-late-1',
      customer_pid: 'f'.repeat(32),
      anonymous_id: 'anon-late',
      occurred_at: new Date('2024-03-06T20:00:00Z'),
    };
    const key = `${lakePrefixes.curated}/dt=2024-03-06/hour=20/late-1.parquet`;
    await runDaily();
    // Act
    await s3.send(new PutObjectCommand({ Bucket: bucket(), Key: key, Body: curatedParquet([late]) }));
    const withLate = await runDaily();
    await s3.send(new DeleteObjectCommand({ Bucket: bucket(), Key: key }));
    const withoutLate = await runDaily();
    // Assess
    expect(withLate.body.rows?.at(-1)).toEqual(['2024-03-06', 3, 4, 9]);
    expect(withoutLate.body.rows?.at(-1)).toEqual(['2024-03-06', 2, 3, 8]);
  });

  it('refuses a parameter of the wrong type or unknown, naming it (400)', async () => {
    // Act
    const wrong = await runDaily({ from: '04/03/2024', to: fixturePeriod.to, colour: 'red' });
    // Assess
    expect(wrong.status).toBe(400);
    expect(wrong.headers.get('content-type')).toBe('application/problem+json');
    const fields = (wrong.body as unknown as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['parameters.from', 'parameters.colour']));
  });

  it('answers 404 for a saved query or a run that does not exist', async () => {
    // Prepare
    const api = await as('analyst');
    // Act
    const query = await api.request('POST', '/v1/analytics/queries/no-such-query/runs', { body: {} });
    const madeUp = await api.request('GET', '/v1/analytics/runs/duckdb.daily-active-customers.v1.not-a-run');
    const athena = await api.request('GET', '/v1/analytics/runs/athena.daily-active-customers.v1.abc');
    // Assess
    expect(query.status).toBe(404);
    expect(madeUp.status).toBe(404);
    expect(athena.status).toBe(404);
  });
});

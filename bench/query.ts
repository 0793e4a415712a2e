/**
 * The query-scaling part of `npm run bench`: how the time of a saved query with a one-day
 * window grows with what else the lake holds. It starts an emulator of its own and writes three
 * lakes into buckets, with the lake's own writer (`writeCuratedParquet`, `fileKey`):
 *   (a) the window's day alone, one file per hour, as the compactor leaves it;
 *   (b) the same day and 29 days before it, shaped alike: 30 times the files and the data;
 *   (c) the same day's rows in ten files per hour, as small batches leave it before compaction:
 *       10 times the files, the same data.
 * Each lake is queried as the sandbox queries it (the DuckDB engine over a mirror of the
 * bucket on disk, caught up before each run): a first run that downloads the mirror, then warm
 * runs, the lakes taken in turn. The report gives each lake's times, what the mirror's catch-up
 * took of them, and the ratio to (a). The goal is the cloud's: Athena prunes partitions, so
 * the days outside the window should cost nothing, (b)/(a) ≈ 1.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { duckdbEngine } from '#functions/analytics/engines/duckdb.ts';
import { awaitExecution, type QueryEngine } from '#functions/analytics/engines/index.ts';
import { mirrorBucket } from '#functions/analytics/engines/lake-mirror.ts';
import { writeCuratedParquet } from '#functions/analytics/lake/files.ts';
import { fileKey } from '#functions/analytics/lake/layout.ts';
import { savedQueries } from '#functions/analytics/queries/catalogue.ts';
import { bindParameters } from '#functions/analytics/queries/parameters.ts';
import { emulatorEnvironment, startEmulator } from '#local/emulator.ts';
import { ensureBucket } from '#local/resources/s3.ts';
import type { CuratedRow } from '#schemas/analytics/lake.ts';
import { againstGoal, formatTable, log, median } from './figures.ts';

export type QueryOptions = {
  /** Warm runs of each lake. */
  runs: number;
};

const queryId = 'daily-active-customers';
const windowDay = '2026-01-15';
const rowsPerHour = 200;
const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
/** (b)/(a) at most this: a day's query ignores the other days' files. */
const maxRatio = 1.2;

type Lake = { label: string; days: number; filesPerHour: number };
const lakes: Lake[] = [
  { label: '(a) the window day, 1 file/hour', days: 1, filesPerHour: 1 },
  { label: '(b) + 29 other days', days: 30, filesPerHour: 1 },
  { label: '(c) the window day, 10 files/hour', days: 1, filesPerHour: 10 },
];

const daysBefore = (day: string, count: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) - count * 86_400_000).toISOString().slice(0, 10);

/** An hour of page views (a third by known customers), dealt into `files` files. */
const hourFiles = (dt: string, hour: string, files: number) => {
  const rows = Array.from({ length: rowsPerHour }, (_, n): CuratedRow & { event_id: string } => {
    const at = new Date(`${dt}T${hour}:${String(Math.floor((n * 60) / rowsPerHour)).padStart(2, '0')}:00Z`);
    return {
      event_id: `bench-${dt}-${hour}-${n}`,
      event_type: 'page_view',
      source: 'relais.channels',
      channel: 'web',
      occurred_at: at,
      received_at: at,
      anonymous_id: `visitor-${n % 50}`,
      customer_pid: n % 3 === 0 ? `pid-${n % 17}` : null,
      session_id: `session-${hour}-${n % 20}`,
      page_path: `/page/${n % 12}`,
      product: null,
      properties: '{}',
    };
  });
  return Array.from({ length: files }, (_, f) => rows.filter((_, n) => n % files === f));
};

/** Writes a lake into `bucket`; answers its file and row counts. */
const writeLake = async (s3: S3Client, bucket: string, lake: Lake) => {
  await ensureBucket(s3, bucket);
  const files = Array.from({ length: lake.days }, (_, d) => daysBefore(windowDay, d)).flatMap((dt) =>
    hours.flatMap((hour) =>
      hourFiles(dt, hour, lake.filesPerHour).map((rows) => ({
        key: fileKey(
          'curated',
          { dt, hour },
          rows.map((row) => row.event_id),
        ),
        rows,
      })),
    ),
  );
  const queue = [...files];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        await s3.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: file.key,
            Body: writeCuratedParquet(file.rows),
            ContentType: 'application/vnd.apache.parquet',
          }),
        );
      }
    }),
  );
  return { files: files.length, rows: files.reduce((sum, file) => sum + file.rows.length, 0) };
};

type Measured = { totalMs: number; mirrorMs: number; answer: string };

/** The DuckDB engine over the bucket's mirror in `dir`, and the time its last catch-up took. */
const engineOver = (s3: S3Client, bucket: string, dir: string) => {
  let mirrorMs = 0;
  const engine: QueryEngine = duckdbEngine({
    lakeDir: dir,
    sync: async (window) => {
      const started = performance.now();
      await mirrorBucket({ s3, bucket, dir, window });
      mirrorMs = performance.now() - started;
    },
  });
  const run = async (): Promise<Measured> => {
    const entry = savedQueries().find(queryId);
    if (!entry) throw new Error(`no saved query ${queryId}`);
    const { executionId } = await engine.start(bindParameters(entry, { from: windowDay, to: windowDay }));
    const state = await awaitExecution(engine, executionId, { timeoutMs: 60_000, pollMs: 20 });
    if (state.state !== 'succeeded') {
      throw new Error(`${queryId} on ${bucket}: ${state.state === 'failed' ? state.error : 'still running'}`);
    }
    return { totalMs: state.result.stats.durationMs, mirrorMs, answer: JSON.stringify(state.result.rows) };
  };
  return run;
};

/** Writes and queries the three lakes on an emulator of its own; answers the report's lines. */
export const queryBench = async ({ runs }: QueryOptions): Promise<string[]> => {
  log('Query scaling: starting an emulator…');
  const emulator = await startEmulator();
  const mirrors = await mkdtemp(join(tmpdir(), 'relais-bench-lake-'));
  try {
    const env = emulatorEnvironment(emulator.endpoint);
    // Its own client, not the shared one: the sandbox's parts read the environment.
    const s3 = new S3Client({
      endpoint: env.AWS_ENDPOINT_URL,
      region: env.AWS_REGION,
      credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
      forcePathStyle: true,
    });
    const prepared = [];
    for (const [i, lake] of lakes.entries()) {
      const bucket = `bench-lake-${i}-${Date.now()}`;
      const written = await writeLake(s3, bucket, lake);
      log(`   ${lake.label}: ${written.files} files, ${written.rows} rows written to s3://${bucket}`);
      prepared.push({ lake, ...written, run: engineOver(s3, bucket, join(mirrors, bucket)) });
    }
    // Loaded before the first run, so that no lake pays for loading the native module.
    await import('@duckdb/node-api');

    const first: Measured[] = [];
    for (const { run } of prepared) first.push(await run());
    const warm: Measured[][] = prepared.map(() => []);
    for (let round = 0; round < runs; round++) {
      for (const [i, { run }] of prepared.entries()) warm[i]?.push(await run());
    }
    const answers = new Set([...first, ...warm.flat()].map((measured) => measured.answer));
    if (answers.size !== 1) throw new Error(`the lakes answered differently: ${[...answers].join(' / ')}`);

    const warmMs = warm.map((measures) => median(measures.map((m) => m.totalMs)));
    const base = warmMs[0] ?? Number.NaN;
    const rows = prepared.map(({ lake, files, rows: count }, i) => {
      const ratio = (warmMs[i] ?? Number.NaN) / base;
      const goal =
        i === 0
          ? ''
          : lake.days > 1
            ? againstGoal(`${ratio.toFixed(2)}×`, `≈ 1×, ≤ ${maxRatio}×`, ratio <= maxRatio)
            : `${ratio.toFixed(2)}× (no goal: compaction's job)`;
      return [
        lake.label,
        String(files),
        String(count),
        (first[i]?.totalMs ?? Number.NaN).toFixed(0),
        (warmMs[i] ?? Number.NaN).toFixed(0),
        median(warm[i]?.map((m) => m.mirrorMs) ?? []).toFixed(0),
        goal,
      ];
    });
    return [
      `Query scaling — ${queryId}, window ${windowDay} (1 day), DuckDB over the S3 mirror (emulator ${emulator.kind}); ` +
        `warm: median of ${runs}`,
      ...formatTable(
        ['lake', '>files', '>rows', '>first run ms', '>warm ms', '>of which mirror ms', '>warm ratio to (a)'],
        rows,
      ),
    ];
  } finally {
    await emulator.stop();
    await rm(mirrors, { recursive: true, force: true });
  }
};

/**
 * The local query engine: DuckDB over a mirror of the lake's `curated/` prefix on disk, so the
 * sandbox and `npm run query` run the same SQL as Athena. Before each run the mirror catches up
 * with the bucket (`lake-mirror.ts`: new and changed objects downloaded, removed ones deleted — compaction
 * replaces small files), then the view `events` reads the Parquet files with hive partitioning
 * (`dt` and `hour` as strings, as in Glue). A query with a date window (every saved query has
 * one) mirrors and reads only its days' partitions: its time follows the window, not the age of
 * the lake. Runs share one connection, one after the other.
 *
 * DuckDB lacks Trino's `json_extract_scalar`; each connection defines it as a macro over
 * `json_extract_string` (same answers for scalars; for an object or array Trino answers NULL
 * where DuckDB answers its JSON text — saved queries only extract scalars).
 *
 * `@duckdb/node-api` is a native module loaded with a dynamic import: it stays out of the Lambda
 * bundle (`externalModules`), which only ever runs Athena. Runs are kept in memory: the sandbox
 * is one process, and a run ends within the request that started it.
 */
import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import type { DuckDBConnection, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { curatedColumns, lakeCatalog, lakePrefixes } from '#schemas/analytics/lake.ts';
import { bucketName } from '#shared/env.ts';
import type { BoundValue, DateWindow } from '../queries/parameters.ts';
import {
  type Cell,
  type EngineQuery,
  type ExecutionState,
  isoTimestamp,
  maxResultRows,
  normaliseType,
  type QueryEngine,
  type QueryResult,
} from './index.ts';
import { dayPrefix, daysOf, lakeMirrorRoot, mirrorBucket } from './lake-mirror.ts';

export type DuckdbEngineOptions = {
  /** Directory holding `curated/events/dt=…/hour=…/*.parquet`. */
  lakeDir: string;
  /**
   * Brings `lakeDir` up to date before each run (the S3 mirror), for the run's days when it has a
   * window; none for a local directory.
   */
  sync?: (window: DateWindow | undefined) => Promise<unknown>;
  /** Runs kept in memory for `status`, oldest dropped first. @default 200 */
  keepRuns?: number;
};

type Run = { startedAt: string; startedMs: number; phase: string; outcome?: ExecutionState };

const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The Parquet globs a run reads: the window's days that hold files, or the whole lake. */
const globsOf = async (lakeDir: string, window: DateWindow | undefined): Promise<string[]> => {
  const days = daysOf(window);
  const roots = days
    ? days.map((day) => join(lakeDir, ...dayPrefix(day).split('/').filter(Boolean)))
    : [join(lakeDir, lakePrefixes.curated)];
  const filled = await Promise.all(
    roots.map(async (root) => ((await containsParquet(root)) ? root : undefined)),
  );
  return filled.filter((root) => root !== undefined).map((root) => join(root, '**', '*.parquet'));
};

/**
 * The view `events`, as Glue declares the table: the curated columns, then `dt` and `hour`,
 * over the run's files.
 */
const createEventsView = async (connection: DuckDBConnection, lakeDir: string, window?: DateWindow) => {
  const globs = await globsOf(lakeDir, window);
  const columns = curatedColumns.map((c) => `"${c.name}"`).join(', ');
  const source = globs.length
    ? `SELECT ${columns}, dt, "hour" FROM read_parquet([${globs.map(sqlString).join(', ')}], ` +
      `hive_partitioning = true, hive_types = {'dt': VARCHAR, 'hour': VARCHAR}, union_by_name = true)`
    : // An empty lake is a lake: the view answers no rows rather than "no files found".
      `SELECT ${curatedColumns
        .map((c) => `CAST(NULL AS ${c.type === 'timestamp' ? 'TIMESTAMP' : 'VARCHAR'}) AS "${c.name}"`)
        .join(', ')}, CAST(NULL AS VARCHAR) AS dt, CAST(NULL AS VARCHAR) AS "hour" WHERE false`;
  await connection.run(`CREATE OR REPLACE TEMP VIEW ${lakeCatalog.curatedTable} AS ${source}`);
};

const containsParquet = async (directory: string): Promise<boolean> => {
  const entries = await readdir(directory, { recursive: true }).catch(() => [] as string[]);
  return entries.some((entry) => entry.endsWith('.parquet'));
};

/** A cell as JSON carries it: numbers for numeric types, ISO text for dates and instants. */
const toCell = (value: DuckDBValue, type: string): Cell => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  const text = String(value);
  if (type === 'double' || type === 'bigint') return Number(text);
  if (type === 'timestamp') return isoTimestamp(text);
  return text;
};

/** Binds values with their declared types, so DuckDB never guesses (a date stays a DATE). */
const bindValues = async (values: BoundValue[]) => {
  const { DATE, BIGINT, VARCHAR, dateValue } = await import('@duckdb/node-api');
  const types: DuckDBType[] = [];
  const bound: DuckDBValue[] = [];
  for (const value of values) {
    if (value.type === 'date') {
      const [year = 0, month = 1, day = 1] = value.value.split('-').map(Number);
      bound.push(dateValue({ year, month, day }));
      types.push(DATE);
    } else if (value.type === 'integer') {
      bound.push(BigInt(value.value));
      types.push(BIGINT);
    } else {
      bound.push(value.value);
      types.push(VARCHAR);
    }
  }
  return { bound, types };
};

/** A DuckDB engine over a directory that holds the lake's `curated/` tree. */
export const duckdbEngine = (options: DuckdbEngineOptions): QueryEngine => {
  const runs = new Map<string, Run>();
  const keep = options.keepRuns ?? 200;
  let connected: Promise<DuckDBConnection> | undefined;
  /** The engine's one connection, made on first use with Trino's `json_extract_scalar`. */
  const connection = () => {
    connected ??= import('@duckdb/node-api').then(async ({ DuckDBInstance }) => {
      const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
      const made = await instance.connect();
      await made.run(
        'CREATE OR REPLACE TEMP MACRO json_extract_scalar(json, path) AS json_extract_string(json, path)',
      );
      return made;
    });
    return connected;
  };
  /** Runs take the connection in turn: each sets the view `events` for its own window. */
  let previous: Promise<unknown> = Promise.resolve();

  const execute = async (run: Run, query: EngineQuery): Promise<QueryResult> => {
    run.phase = 'syncing';
    await options.sync?.(query.window);
    run.phase = 'running';
    const turn = previous.catch(() => undefined).then(() => runOnConnection(query));
    previous = turn;
    return turn.then((result) => ({
      ...result,
      stats: { durationMs: Date.now() - run.startedMs, rowCount: result.stats.rowCount },
    }));
  };

  const runOnConnection = async (query: EngineQuery): Promise<QueryResult> => {
    const started = Date.now();
    const db = await connection();
    await createEventsView(db, options.lakeDir, query.window);
    const prepared = await db.prepare(query.sql);
    const { bound, types } = await bindValues(query.values);
    if (bound.length) prepared.bind(bound, types);
    const result = await prepared.run();
    const names = result.columnNames();
    const columnTypes = result.columnTypes().map((t) => normaliseType(t.toString()));
    const rows = await result.getRows();
    return {
      columns: names.map((name, i) => ({ name, type: columnTypes[i] ?? 'varchar' })),
      rows: rows.slice(0, maxResultRows).map((row) => row.map((v, i) => toCell(v, columnTypes[i] ?? ''))),
      stats: { durationMs: Date.now() - started, rowCount: rows.length },
      truncated: rows.length > maxResultRows,
    };
  };

  return {
    name: 'duckdb',
    start: async (query) => {
      const executionId = randomUUID();
      const run: Run = { startedAt: new Date().toISOString(), startedMs: Date.now(), phase: 'queued' };
      runs.set(executionId, run);
      while (runs.size > keep) runs.delete(runs.keys().next().value as string);
      execute(run, query).then(
        (result) => {
          run.outcome = { state: 'succeeded', startedAt: run.startedAt, result };
        },
        (error: unknown) => {
          run.outcome = {
            state: 'failed',
            startedAt: run.startedAt,
            error: error instanceof Error ? error.message : String(error),
          };
        },
      );
      return { executionId, startedAt: run.startedAt };
    },
    status: async (executionId) => {
      const run = runs.get(executionId);
      if (!run) return undefined;
      return (
        run.outcome ?? {
          state: 'running',
          startedAt: run.startedAt,
          phase: run.phase,
          elapsedMs: Date.now() - run.startedMs,
        }
      );
    },
  };
};

/**
 * The sandbox's engine: the bucket `LAKE_BUCKET_NAME` on the emulator (`AWS_ENDPOINT_URL`),
 * mirrored into `.sandbox/lake/<bucket>/` before each run.
 */
export const duckdbEngineFromEnvironment = (): QueryEngine => {
  const bucket = bucketName('lake');
  const dir = join(lakeMirrorRoot(), bucket);
  // Emulators answer on one host: the bucket name goes in the path.
  const s3 = new S3Client({ forcePathStyle: true });
  return duckdbEngine({ lakeDir: dir, sync: (window) => mirrorBucket({ s3, bucket, dir, window }) });
};

/**
 * The query engines behind the saved queries, one contract for both: Athena in the cloud and
 * DuckDB over a local mirror of the lake in the sandbox (`QUERY_ENGINE`). An engine starts a
 * statement and answers its state when asked; `awaitExecution` polls until it ends or a
 * deadline passes (the API answers 202 then, and the caller polls the run).
 */

import { settings } from '#shared/env.ts';
import type { BoundValue, DateWindow } from '../queries/parameters.ts';

export type EngineName = 'athena' | 'duckdb';

/** A statement with positional `?` placeholders and their values, in order. */
export type EngineQuery = {
  sql: string;
  values: BoundValue[];
  /** The days the query reads: an engine may read only their partitions. */
  window?: DateWindow;
};

export type ResultColumn = {
  name: string;
  /** Trino's names, whichever engine ran it: varchar, bigint, double, boolean, date, timestamp. */
  type: string;
};
export type Cell = string | number | boolean | null;

export type QueryResult = {
  columns: ResultColumn[];
  rows: Cell[][];
  stats: { durationMs: number; bytesScanned?: number; rowCount: number };
  /** True when rows beyond `maxResultRows` were left out. */
  truncated: boolean;
};

/** Where an execution stands. `phase` says what a running one is doing (queued, syncing…). */
export type ExecutionState = { startedAt: string } & (
  | { state: 'running'; phase: string; elapsedMs: number; bytesScanned?: number }
  | { state: 'succeeded'; result: QueryResult }
  | { state: 'failed'; error: string }
);

export type QueryEngine = {
  name: EngineName;
  /** Starts the statement; answers at once with the execution's id. */
  start: (query: EngineQuery) => Promise<{ executionId: string; startedAt: string }>;
  /** The state of an execution this engine started; undefined when it knows none by that id. */
  status: (executionId: string) => Promise<ExecutionState | undefined>;
};

/** Rows a run answers at most; saved queries aggregate, so more means a query to rethink. */
export const maxResultRows = 10_000;

/**
 * Polls an execution until it succeeds or fails, or until `timeoutMs` has passed (then the
 * state is `running`). Polls quickly at first and then every 2 s at most, as Athena advises.
 */
export const awaitExecution = async (
  engine: QueryEngine,
  executionId: string,
  options: { timeoutMs: number; onProgress?: (state: ExecutionState) => void; pollMs?: number },
): Promise<ExecutionState> => {
  const deadline = Date.now() + options.timeoutMs;
  let wait = options.pollMs ?? 100;
  for (;;) {
    const state = await engine.status(executionId);
    if (!state) throw new Error(`execution ${executionId} is unknown to ${engine.name}`);
    options.onProgress?.(state);
    if (state.state !== 'running' || Date.now() >= deadline) return state;
    await new Promise((resolve) => setTimeout(resolve, Math.min(wait, Math.max(0, deadline - Date.now()))));
    wait = Math.min(wait * 1.5, 2000);
  }
};

/** Which engine the environment asks for: `QUERY_ENGINE`, Athena unless it says `duckdb`. */
export const engineName = (): EngineName => (settings.queryEngine() === 'duckdb' ? 'duckdb' : 'athena');

/** Trino's name for an engine's column type, so both engines describe results alike. */
export const normaliseType = (type: string): string => {
  const t = type.toLowerCase();
  if (/^(tinyint|smallint|integer|int|bigint|hugeint|ubigint|uinteger|usmallint|utinyint)\b/.test(t))
    return 'bigint';
  if (/^(double|float|real|decimal)\b/.test(t)) return 'double';
  if (/^(varchar|char|string)\b/.test(t)) return 'varchar';
  if (t.startsWith('timestamp')) return 'timestamp';
  return t;
};

/** `2024-03-04 09:05:00.000` (either engine, UTC) as ISO 8601: `2024-03-04T09:05:00.000Z`. */
export const isoTimestamp = (text: string): string => {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?/.exec(text);
  if (!match) return text;
  const millis = (match[3] ?? '.000').slice(1).padEnd(3, '0').slice(0, 3);
  return `${match[1]}T${match[2]}.${millis}Z`;
};

/**
 * Runs of saved queries, as the API answers them. Runs are not stored by Relais: a run id names
 * its engine, saved query, version and the engine's execution id (`athena.visit-paths.v1.<uuid>`);
 * Athena keeps executions and results itself, and DuckDB (the sandbox, one process) keeps its runs
 * in memory.
 */
import type { QueryRun } from '#schemas/analytics/query.ts';
import type { EngineName, ExecutionState } from '../engines/index.ts';

/** How long a request waits for its query before answering 202 (API Gateway allows 30 s). */
export const runWaitMs = 20_000;

const runIdPattern = /^(athena|duckdb)\.([a-z0-9-]+)\.v(\d+)\.([A-Za-z0-9-]{1,80})$/;

/** The run id of an execution: everything needed to find it again, and nothing secret. */
export const runIdOf = (engine: EngineName, queryId: string, version: number, executionId: string): string =>
  `${engine}.${queryId}.v${version}.${executionId}`;

/** The parts of a run id, or undefined when it is not one. */
export const parseRunId = (runId: string) => {
  const match = runIdPattern.exec(runId);
  if (!match) return undefined;
  return {
    engine: match[1] as EngineName,
    queryId: match[2] ?? '',
    version: Number(match[3]),
    executionId: match[4] ?? '',
  };
};

/** A run as the API answers it, from its engine's state. */
export const toRun = (
  runId: string,
  queryId: string,
  engine: EngineName,
  state: ExecutionState,
): QueryRun => {
  const base = { runId, queryId, engine, startedAt: state.startedAt };
  switch (state.state) {
    case 'running':
      return { ...base, status: 'running' };
    case 'failed':
      return { ...base, status: 'failed', error: state.error };
    case 'succeeded':
      return {
        ...base,
        status: 'succeeded',
        columns: state.result.columns,
        rows: state.result.rows,
        stats: state.result.stats,
      };
  }
};

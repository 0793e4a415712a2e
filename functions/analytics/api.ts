/**
 * The analytics context over HTTP: the analysts' saved queries and their runs on the lake.
 * A run waits up to `runWaitMs` for its engine; a query still running then is answered 202
 * with its run id, which the caller polls with `getQueryRun`.
 *
 * Runs are not stored by Relais. A run id names its engine, saved query, version and the
 * engine's execution id (`athena.visit-paths.v1.<uuid>`): Athena keeps executions and results
 * itself, and DuckDB (the sandbox, one process) keeps its runs in memory.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { QueryRun } from '#schemas/analytics/query.ts';
import { analyticsRoutes } from '#schemas/analytics/routes.ts';
import { NotFound } from '#shared/errors.ts';
import { httpApi, withStatus } from '#shared/http/api.ts';
import { logger, metrics } from '#shared/observability.ts';
import { engineFromEnvironment } from './engines/from-environment.ts';
import { awaitExecution, type EngineName, type ExecutionState } from './engines/index.ts';
import { savedQueries } from './queries/catalogue.ts';
import { bindParameters, describeSavedQuery } from './queries/parameters.ts';

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

const toRun = (runId: string, queryId: string, engine: EngineName, state: ExecutionState): QueryRun => {
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

export const handler = httpApi(analyticsRoutes, {
  listSavedQueries: async () => ({
    items: savedQueries()
      .latest()
      .map((entry) => describeSavedQuery(entry, new Date())),
  }),

  runSavedQuery: async ({ params, body }) => {
    const entry = savedQueries().find(params.queryId);
    if (!entry) throw new NotFound('This saved query');
    const bound = bindParameters(entry, body.parameters);
    const engine = await engineFromEnvironment();
    const { executionId } = await engine.start(bound);
    const runId = runIdOf(engine.name, entry.id, entry.version, executionId);
    const state = await awaitExecution(engine, executionId, { timeoutMs: runWaitMs });
    logger.info('saved query run', {
      runId,
      parameters: bound.parameters,
      status: state.state,
      ...(state.state === 'succeeded' ? { stats: state.result.stats } : {}),
      ...(state.state === 'failed' ? { error: state.error } : {}),
    });
    metrics.addMetric('SavedQueryRuns', MetricUnit.Count, 1);
    if (state.state === 'succeeded' && state.result.stats.bytesScanned !== undefined) {
      metrics.addMetric('LakeBytesScanned', MetricUnit.Bytes, state.result.stats.bytesScanned);
    }
    const run = toRun(runId, entry.id, engine.name, state);
    return state.state === 'running' ? withStatus(202, run) : run;
  },

  getQueryRun: async ({ params }) => {
    const parts = parseRunId(params.runId);
    const engine = await engineFromEnvironment();
    // A run of another engine (an Athena id in the sandbox) is as unknown as a made-up one.
    const state =
      parts && parts.engine === engine.name && savedQueries().find(parts.queryId, parts.version)
        ? await engine.status(parts.executionId)
        : undefined;
    if (!parts || !state) throw new NotFound('This query run');
    return toRun(params.runId, parts.queryId, engine.name, state);
  },
});

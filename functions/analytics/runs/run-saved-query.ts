/**
 * Runs a saved query with the given parameters; waits up to `runWaitMs` for its engine, and
 * answers a query still running then 202 with its run id, which the caller polls.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Route } from '#schemas/routes.ts';
import { NotFound } from '#shared/errors.ts';
import { type RouteHandler, withStatus } from '#shared/http/api.ts';
import { logger, metrics } from '#shared/observability.ts';
import { engineFromEnvironment } from '../engines/from-environment.ts';
import { awaitExecution } from '../engines/index.ts';
import { savedQueries } from '../queries/catalogue.ts';
import { bindParameters } from '../queries/parameters.ts';
import { runIdOf, runWaitMs, toRun } from './query-runs.ts';

export const runSavedQuery: RouteHandler<Route<'runSavedQuery'>> = async ({ params, body }) => {
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
};

/** A run by its id: still running, failed with its reason, or its rows. */
import type { Route } from '#schemas/routes.ts';
import { NotFound } from '#shared/errors.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { engineFromEnvironment } from '../engines/from-environment.ts';
import { savedQueries } from '../queries/catalogue.ts';
import { parseRunId, toRun } from './query-runs.ts';

export const getQueryRun: RouteHandler<Route<'getQueryRun'>> = async ({ params }) => {
  const parts = parseRunId(params.runId);
  const engine = await engineFromEnvironment();
  // A run of another engine (an Athena id in the sandbox) is as unknown as a made-up one.
  const state =
    parts && parts.engine === engine.name && savedQueries().find(parts.queryId, parts.version)
      ? await engine.status(parts.executionId)
      : undefined;
  if (!parts || !state) throw new NotFound('This query run');
  return toRun(params.runId, parts.queryId, engine.name, state);
};

/**
 * The analytics context over HTTP: the analysts' saved queries and their runs on the lake
 * (`runs/`). Composes one handler per use case, nothing else.
 */
import { analyticsRoutes } from '#schemas/analytics/routes.ts';
import { httpApi } from '#shared/http/api.ts';
import { getQueryRun } from './runs/get-query-run.ts';
import { listSavedQueries } from './runs/list-saved-queries.ts';
import { runSavedQuery } from './runs/run-saved-query.ts';

export const handler = httpApi(analyticsRoutes, { listSavedQueries, runSavedQuery, getQueryRun });

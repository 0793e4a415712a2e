/** The analytics context's routes: the analysts' saved queries and their runs on the lake. */

import type { RouteDefinition } from '../route-definition.ts';
import * as z from '../zod.ts';
import { QueryRun, RunQueryRequest, SavedQuery } from './query.ts';

export const analyticsRoutes = [
  {
    id: 'listSavedQueries',
    method: 'GET',
    path: '/v1/analytics/queries',
    context: 'analytics',
    summary: "The analysts' saved queries and their parameters",
    roles: ['analyst'],
    response: { status: 200, body: z.object({ items: z.array(SavedQuery) }) },
  },
  {
    id: 'runSavedQuery',
    method: 'POST',
    path: '/v1/analytics/queries/{queryId}/runs',
    context: 'analytics',
    summary: 'Run a saved query on the lake (202 with the run if still running)',
    roles: ['analyst'],
    params: z.object({ queryId: z.string().check(z.regex(/^[a-z0-9-]+$/)) }),
    body: RunQueryRequest,
    response: { status: 200, body: QueryRun, alsoStatus: [202] },
  },
  {
    id: 'getQueryRun',
    method: 'GET',
    path: '/v1/analytics/runs/{runId}',
    context: 'analytics',
    summary: 'A run of a saved query: status, then columns and rows',
    roles: ['analyst'],
    params: z.object({ runId: z.string().check(z.maxLength(128)) }),
    response: { status: 200, body: QueryRun },
  },
] as const satisfies readonly RouteDefinition[];

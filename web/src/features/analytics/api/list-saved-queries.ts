/** The analysts' saved queries: `GET /v1/analytics/queries` (titles, parameters, chart). */
import { useQuery } from '@tanstack/react-query';
import type { SavedQuery } from '#schemas/analytics/query.ts';
import { apiRequest } from '#web/src/lib/api-client.ts';

/** Lists the saved queries, latest version of each, with today's parameter defaults. */
export const listSavedQueries = (signal?: AbortSignal) =>
  apiRequest<{ items: SavedQuery[] }>('/v1/analytics/queries', { signal });

/** The saved queries (asked only when `enabled`); they change with deployments, so once per visit. */
export const useSavedQueries = (enabled = true) =>
  useQuery({
    enabled,
    queryKey: ['analytics', 'queries'],
    queryFn: ({ signal }) => listSavedQueries(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

/**
 * Running a saved query: `POST /v1/analytics/queries/{id}/runs` answers the finished run, or
 * 202 with a run still going (Athena after ~20 s), which `GET /v1/analytics/runs/{runId}` is
 * polled for until it ends.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { QueryRun } from '#schemas/analytics/query.ts';
import { apiRequest } from '#web/src/lib/api-client.ts';

export type RunInput = { queryId: string; parameters: Record<string, string | number> };

/** How often a running query is asked for news. */
export const pollEveryMs = 1500;

/** Starts a run; answers it finished (200) or still running (202). */
export const runSavedQuery = ({ queryId, parameters }: RunInput) =>
  apiRequest<QueryRun>(`/v1/analytics/queries/${encodeURIComponent(queryId)}/runs`, {
    method: 'POST',
    body: { parameters },
  });

/** The state of a run. */
export const getQueryRun = (runId: string, signal?: AbortSignal) =>
  apiRequest<QueryRun>(`/v1/analytics/runs/${encodeURIComponent(runId)}`, { signal });

/**
 * A run of a saved query and its progress: `start` posts it, then a running answer is polled
 * until it succeeds or fails. `run` is the latest state known; `error` a failed call.
 */
export const useSavedQueryRun = () => {
  const [started, setStarted] = useState<{ run: QueryRun; at: number } | undefined>();
  const start = useMutation({
    mutationFn: runSavedQuery,
    onMutate: () => setStarted(undefined),
    onSuccess: (run) => setStarted({ run, at: Date.now() }),
  });
  const runId = started?.run.runId;
  const polled = useQuery({
    queryKey: ['analytics', 'runs', runId],
    queryFn: ({ signal }) => getQueryRun(runId as string, signal),
    enabled: started?.run.status === 'running',
    refetchInterval: (query) => (query.state.data?.status === 'running' ? pollEveryMs : false),
  });
  const run = polled.data ?? started?.run;
  return {
    start: start.mutate,
    run,
    /** Posting, or waiting for a run that is still going. */
    busy: start.isPending || run?.status === 'running',
    error: start.error ?? polled.error,
    reset: () => {
      start.reset();
      setStarted(undefined);
    },
  };
};

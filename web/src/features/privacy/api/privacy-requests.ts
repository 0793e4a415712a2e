/**
 * The privacy officer's requests: the list (`GET /v1/privacy/requests`, the open ones or all),
 * asked again every two seconds while a job runs so its progress shows; one request
 * (`GET …/{id}`), asked again the same way while its job runs; opening one (`POST`, with an
 * Idempotency-Key made once per form, so a double click or a retry opens one request); the
 * confirmation of an erasure's plan (`POST …/confirm-erasure`, with the version read: a 409 means
 * the request changed, and it is read again); and the download link of a ready export
 * (`POST …/download`), which the browser follows at once.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type {
  CreatePrivacyRequest,
  PrivacyExportLink,
  PrivacyRequest,
} from '#schemas/platform/privacy-request.ts';
import { ApiError, apiRequest } from '#web/src/lib/api-client.ts';

/** Which requests the list shows: the open ones (the API's default), or all of them. */
export type RequestsScope = 'open' | 'all';

const listsKey = ['privacy', 'requests'] as const;
const listKey = (scope: RequestsScope) => [...listsKey, scope] as const;
const requestKey = (requestId: string) => ['privacy', 'request', requestId] as const;

const requestPath = (requestId: string) => `/v1/privacy/requests/${encodeURIComponent(requestId)}`;

/** Whether a request's job is under way (its state will change by itself). */
export const isRunning = (request: Pick<PrivacyRequest, 'state'>) =>
  request.state === 'received' || request.state === 'inProgress';

export const usePrivacyRequests = (enabled: boolean, scope: RequestsScope = 'open') =>
  useQuery({
    enabled,
    queryKey: listKey(scope),
    queryFn: ({ signal }) =>
      apiRequest<{ items: PrivacyRequest[] }>('/v1/privacy/requests', { query: { state: scope }, signal }),
    refetchInterval: (query) => ((query.state.data?.items ?? []).some(isRunning) ? 2000 : false),
  });

/**
 * One request, as last read (`initial`: as the list or the form had it, shown until it comes);
 * when its state changes, the lists are read again so they say the same.
 */
export const usePrivacyRequest = (requestId: string, initial?: PrivacyRequest) => {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: requestKey(requestId),
    queryFn: ({ signal }) => apiRequest<PrivacyRequest>(requestPath(requestId), { signal }),
    ...(initial?.id === requestId ? { initialData: initial, initialDataUpdatedAt: 0 } : {}),
    refetchInterval: (query) => (query.state.data && isRunning(query.state.data) ? 2000 : false),
  });
  const state = query.data?.state;
  const seen = useRef(state);
  useEffect(() => {
    if (state === seen.current) return;
    seen.current = state;
    void queryClient.invalidateQueries({ queryKey: listsKey });
  }, [state, queryClient]);
  return query;
};

export const useOpenPrivacyRequest = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreatePrivacyRequest; idempotencyKey: string }) =>
      apiRequest<PrivacyRequest>('/v1/privacy/requests', {
        method: 'POST',
        body,
        headers: { 'idempotency-key': idempotencyKey },
      }),
    onSuccess: (request) => {
      queryClient.setQueryData(requestKey(request.id), request);
      return queryClient.invalidateQueries({ queryKey: listsKey });
    },
  });
};

/** Confirms an erasure's plan as read at `version`; on a conflict, the request is read again. */
export const useConfirmErasure = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, version }: { requestId: string; version: number }) =>
      apiRequest<PrivacyRequest>(`${requestPath(requestId)}/confirm-erasure`, {
        method: 'POST',
        body: { version },
      }),
    onSuccess: (request) => {
      queryClient.setQueryData(requestKey(request.id), request);
      return queryClient.invalidateQueries({ queryKey: listsKey });
    },
    onError: (error, { requestId }) => {
      if (!(error instanceof ApiError && error.status === 409)) return;
      void queryClient.invalidateQueries({ queryKey: requestKey(requestId) });
      void queryClient.invalidateQueries({ queryKey: listsKey });
    },
  });
};

export const useDownloadPrivacyExport = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (requestId: string) =>
      apiRequest<PrivacyExportLink>(`${requestPath(requestId)}/download`, {
        method: 'POST',
        body: {},
      }),
    onSuccess: (link) => {
      window.location.assign(link.url);
      void queryClient.invalidateQueries({ queryKey: listsKey });
    },
  });
};

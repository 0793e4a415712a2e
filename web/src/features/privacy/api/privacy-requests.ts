/**
 * The privacy officer's requests: the open list (`GET /v1/privacy/requests`), asked again every
 * two seconds while a job runs so its progress shows; opening one (`POST`, with an
 * Idempotency-Key made once per form, so a double click or a retry opens one request); and the
 * download link of a ready export (`POST …/download`), which the browser follows at once.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreatePrivacyRequest,
  PrivacyExportLink,
  PrivacyRequest,
} from '#schemas/platform/privacy-request.ts';
import { apiRequest } from '#web/src/lib/api-client.ts';

const listKey = ['privacy', 'requests'] as const;

const running = (requests: readonly PrivacyRequest[] | undefined) =>
  (requests ?? []).some((request) => request.state === 'received' || request.state === 'inProgress');

export const usePrivacyRequests = (enabled: boolean) =>
  useQuery({
    enabled,
    queryKey: listKey,
    queryFn: ({ signal }) => apiRequest<{ items: PrivacyRequest[] }>('/v1/privacy/requests', { signal }),
    refetchInterval: (query) => (running(query.state.data?.items) ? 2000 : false),
  });

export const useOpenPrivacyRequest = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreatePrivacyRequest; idempotencyKey: string }) =>
      apiRequest<PrivacyRequest>('/v1/privacy/requests', {
        method: 'POST',
        body,
        headers: { 'idempotency-key': idempotencyKey },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listKey }),
  });
};

export const useDownloadPrivacyExport = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (requestId: string) =>
      apiRequest<PrivacyExportLink>(`/v1/privacy/requests/${encodeURIComponent(requestId)}/download`, {
        method: 'POST',
        body: {},
      }),
    onSuccess: (link) => {
      window.location.assign(link.url);
      void queryClient.invalidateQueries({ queryKey: listKey });
    },
  });
};

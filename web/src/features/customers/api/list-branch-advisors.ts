/**
 * Whom a branch's customers can be assigned to: `GET /v1/branches/{id}/advisors` (its advisors
 * and manager, by name). The directory changes with the bank's organisation, not during a
 * working day: read once per branch for the session.
 */
import { useQuery } from '@tanstack/react-query';
import type { Advisor } from '#schemas/platform/directory.ts';
import { apiRequest } from '#web/src/lib/api-client.ts';

export const listBranchAdvisors = (branchId: string, signal?: AbortSignal) =>
  apiRequest<{ items: Advisor[] }>(`/v1/branches/${encodeURIComponent(branchId)}/advisors`, { signal });

export const useBranchAdvisors = (branchId: string) =>
  useQuery({
    queryKey: ['branches', branchId, 'advisors'],
    queryFn: ({ signal }) => listBranchAdvisors(branchId, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

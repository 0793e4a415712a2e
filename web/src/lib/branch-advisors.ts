/**
 * The advisors of a branch, by name: `GET /v1/branches/{id}/advisors` (its advisors and manager),
 * for whoever assigns a customer or filters a pipeline by advisor. The directory changes with the
 * bank's organisation, not during a working day: read once per branch for the session.
 */
import { useQuery } from '@tanstack/react-query';
import type { Advisor } from '#schemas/platform/directory.ts';
import { apiRequest } from './api-client.ts';

export const listBranchAdvisors = (branchId: string, signal?: AbortSignal) =>
  apiRequest<{ items: Advisor[] }>(`/v1/branches/${encodeURIComponent(branchId)}/advisors`, { signal });

/** The branch's advisors, asked only when `enabled` and a branch is known. */
export const useBranchAdvisors = (branchId: string | undefined, enabled = true) =>
  useQuery({
    enabled: enabled && !!branchId,
    queryKey: ['branches', branchId, 'advisors'],
    queryFn: ({ signal }) => listBranchAdvisors(branchId ?? '', signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

/**
 * The bank's branches, read once per session: the header and the customer file show branch
 * names where the API gives branch ids.
 */
import { useQuery } from '@tanstack/react-query';
import type { Branch } from '#schemas/platform/directory.ts';
import { apiRequest } from './api-client.ts';

export const getBranches = (signal?: AbortSignal): Promise<{ items: Branch[] }> =>
  apiRequest('/v1/branches', { signal });

/** Branch names by id; empty while loading or if the directory cannot be read. */
export const useBranchNames = (): ReadonlyMap<string, string> => {
  const { data } = useQuery({
    queryKey: ['branches'],
    queryFn: ({ signal }) => getBranches(signal),
    staleTime: Number.POSITIVE_INFINITY,
    select: (page) => new Map(page.items.map((branch) => [branch.id, branch.name])),
  });
  return data ?? new Map<string, string>();
};

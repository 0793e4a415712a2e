/**
 * The bank's branches, read once per session: the header and the customer file show branch
 * names where the API gives branch ids.
 *
 * The directory changes with the bank's organisation, not during a working day, so one read
 * serves the whole session: in memory (no refetch on mount, focus or reconnect, never garbage
 * collected, and no new attempt on every page after a failure), and in sessionStorage for the
 * reloads of the tab, tagged with the session it was read in. A new sign-in is a new session
 * (new tokens): the tag no longer matches and the list is read again.
 */
import { useQuery } from '@tanstack/react-query';
import type { Branch } from '#schemas/platform/directory.ts';
import { apiRequest } from './api-client.ts';
import { readSession } from './auth.ts';

export type BranchPage = { items: Branch[] };

const STORAGE_KEY = 'relais.cache.branches';

export const getBranches = (signal?: AbortSignal): Promise<BranchPage> =>
  apiRequest('/v1/branches', { signal });

/** What tells one sign-in from the next: the user and their tokens' expiry. */
export const sessionTag = (session: { expiresAt: number; user: { sub: string } }): string =>
  `${session.user.sub}@${session.expiresAt}`;

/** The list kept for this session, if the tab read it already. */
export const cachedBranches = (raw: string | null, tag: string | undefined): BranchPage | undefined => {
  if (!raw || !tag) return undefined;
  try {
    const cached = JSON.parse(raw) as { tag?: unknown; items?: unknown };
    return cached.tag === tag && Array.isArray(cached.items)
      ? { items: cached.items as Branch[] }
      : undefined;
  } catch {
    return undefined;
  }
};

const currentTag = () => {
  const session = readSession();
  return session ? sessionTag(session) : undefined;
};

const readCache = (): BranchPage | undefined => {
  try {
    return cachedBranches(sessionStorage.getItem(STORAGE_KEY), currentTag());
  } catch {
    return undefined;
  }
};

const fetchBranches = async ({ signal }: { signal: AbortSignal }): Promise<BranchPage> => {
  const page = await getBranches(signal);
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ tag: currentTag(), items: page.items }));
  } catch {
    // Storage refused: the list stays in memory for this page's life.
  }
  return page;
};

const byId = (page: BranchPage): ReadonlyMap<string, string> =>
  new Map(page.items.map((branch) => [branch.id, branch.name]));
const none: ReadonlyMap<string, string> = new Map();

/** Branch names by id; empty while loading or if the directory cannot be read. */
export const useBranchNames = (): ReadonlyMap<string, string> => {
  const { data } = useQuery({
    queryKey: ['branches'],
    queryFn: fetchBranches,
    initialData: readCache,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    refetchOnMount: false,
    refetchOnReconnect: false,
    retryOnMount: false,
    select: byId,
  });
  return data ?? none;
};

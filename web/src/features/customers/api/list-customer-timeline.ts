/**
 * The older entries of a customer's history: `GET /v1/customers/{id}/timeline?cursor=…`, from
 * the 360° file's `timelineCursor` on, page after page. Every page read is audited, so nothing
 * is read before the user asks ("see more"), and the pages are not read again on their own.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import type { TimelineEntry } from '#schemas/customers/timeline.ts';
import { apiRequest } from '#web/src/lib/api-client.ts';

export type TimelinePage = { items: TimelineEntry[]; nextCursor?: string };

/** Entries per page, as many as the 360° file shows. */
export const timelinePageSize = 20;

/** One page of older entries, from `cursor` on. */
export const listCustomerTimeline = (customerId: string, cursor: string, signal?: AbortSignal) =>
  apiRequest<TimelinePage>(`/v1/customers/${encodeURIComponent(customerId)}/timeline`, {
    query: { cursor, limit: timelinePageSize },
    headers: { 'x-access-reason': 'consultation' },
    signal,
  });

/**
 * The older pages, from the 360° file's cursor: idle until `enabled` (the first "see more").
 * The cursor is in the key: once the file is read again (a new entry at the top), its cursor
 * changes and the older pages start over from it, so no entry is skipped or shown twice.
 */
export const useOlderTimeline = (customerId: string, fromCursor: string | undefined, enabled: boolean) =>
  useInfiniteQuery({
    queryKey: ['customers', customerId, 'timeline', fromCursor],
    queryFn: ({ pageParam, signal }) => listCustomerTimeline(customerId, pageParam, signal),
    initialPageParam: fromCursor ?? '',
    getNextPageParam: (page) => page.nextCursor,
    enabled: enabled && fromCursor !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });

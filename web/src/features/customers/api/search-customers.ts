/** Customer search: `GET /v1/customers?q|email|phone|number=…`, page after page by cursor. */
import { useInfiniteQuery } from '@tanstack/react-query';
import type { CustomerSummary } from '#schemas/customers/customer.ts';
import { type CustomerSearch, searchParameter } from '#web/src/features/customers/utils/search-query.ts';
import { apiRequest } from '#web/src/lib/api-client.ts';

export type CustomerPage = { items: CustomerSummary[]; nextCursor?: string };

const PAGE_SIZE = 25;

/** One page of results for a search. */
export const searchCustomers = (search: CustomerSearch, cursor?: string, signal?: AbortSignal) =>
  apiRequest<CustomerPage>('/v1/customers', {
    query: { [searchParameter[search.by]]: search.value, cursor, limit: PAGE_SIZE },
    signal,
  });

/** Results of a search, with `fetchNextPage` for "more results"; idle while `search` is undefined. */
export const useCustomerSearch = (search: CustomerSearch | undefined) =>
  useInfiniteQuery({
    queryKey: ['customers', 'search', search?.by, search?.value],
    queryFn: ({ pageParam, signal }) => searchCustomers(search as CustomerSearch, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor,
    enabled: search !== undefined,
  });

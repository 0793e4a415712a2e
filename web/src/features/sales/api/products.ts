/** The product catalogue: `GET /v1/products` (names in French and English, each loan's bounds). */
import { useQuery } from '@tanstack/react-query';
import type { Product } from '#schemas/sales/product.ts';
import { apiRequest } from '#web/src/lib/api-client.ts';

/** Lists the bank's products. */
export const listProducts = (signal?: AbortSignal) =>
  apiRequest<{ items: Product[] }>('/v1/products', { signal });

/** The catalogue (asked only when `enabled`); it changes with deployments, so once per visit. */
export const useProducts = (enabled = true) =>
  useQuery({
    enabled,
    queryKey: ['sales', 'products'],
    queryFn: ({ signal }) => listProducts(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

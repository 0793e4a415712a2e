/**
 * The customer file: `GET /v1/customers/{id}/360`. Every read is audited, so the call states
 * why (`X-Access-Reason`) and the answer is reused for a while instead of read again.
 */
import { useQuery } from '@tanstack/react-query';
import type { Customer360 } from '#schemas/customers/customer-360.ts';
import { apiRequest } from '#web/src/lib/api-client.ts';

export const customer360Key = (customerId: string) => ['customers', customerId, '360'] as const;

/** Reads a customer's 360° file for consultation. */
export const getCustomer360 = (customerId: string, signal?: AbortSignal) =>
  apiRequest<Customer360>(`/v1/customers/${encodeURIComponent(customerId)}/360`, {
    headers: { 'x-access-reason': 'consultation' },
    signal,
  });

/** The 360° file of a customer, cached one minute. */
export const useCustomer360 = (customerId: string) =>
  useQuery({
    queryKey: customer360Key(customerId),
    queryFn: ({ signal }) => getCustomer360(customerId, signal),
    staleTime: 60_000,
  });

/** Who read or changed a customer file: `GET /v1/customers/{id}/audit` (administrators). */
import { useQuery } from '@tanstack/react-query';
import type { AuditRecord } from '#schemas/audit.ts';
import { apiRequest } from '#web/src/lib/api-client.ts';

export type AuditPage = { items: AuditRecord[]; nextCursor?: string };

export const useCustomerAudit = (customerId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['customers', customerId, 'audit'],
    queryFn: ({ signal }) =>
      apiRequest<AuditPage>(`/v1/customers/${encodeURIComponent(customerId)}/audit`, {
        query: { limit: 50 },
        signal,
      }),
    enabled,
  });

/**
 * Who looks after a customer: `PUT /v1/customers/{id}/assignment` with the segment, advisor
 * and (administrators) branch that change, and the version read (a stale version answers 409).
 * Once saved, the file is read again (the advisor's name, the history).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Customer, ReassignCustomerRequest } from '#schemas/customers/customer.ts';
import { apiRequest } from '#web/src/lib/api-client.ts';
import { refreshCustomerFile } from './refresh-customer-file.ts';

export type ReassignInput = ReassignCustomerRequest & { version: number };

export const reassignCustomer = (customerId: string, body: ReassignInput) =>
  apiRequest<Customer>(`/v1/customers/${encodeURIComponent(customerId)}/assignment`, {
    method: 'PUT',
    body,
  });

export const useReassignCustomer = (customerId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReassignInput) => reassignCustomer(customerId, body),
    onSuccess: (customer) => refreshCustomerFile(queryClient, customerId, customer),
  });
};

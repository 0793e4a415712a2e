/**
 * Editing a customer: `PATCH /v1/customers/{id}` with the changed fields and the version read.
 * A stale version answers 409 and nothing is overwritten; the caller shows it.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Customer, UpdateCustomerRequest } from '#schemas/customers/customer.ts';
import type { Customer360 } from '#schemas/customers/customer-360.ts';
import { apiRequest } from '#web/src/lib/api-client.ts';
import { customer360Key } from './get-customer-360.ts';

export type UpdateCustomerInput = UpdateCustomerRequest & { version: number };

/** Sends the changes; answers the customer as now stored. */
export const updateCustomer = (customerId: string, body: UpdateCustomerInput) =>
  apiRequest<Customer>(`/v1/customers/${encodeURIComponent(customerId)}`, { method: 'PATCH', body });

/** The save of the edit form; on success the cached file shows the stored customer at once. */
export const useUpdateCustomer = (customerId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCustomerInput) => updateCustomer(customerId, body),
    onSuccess: (customer) => {
      queryClient.setQueryData<Customer360>(customer360Key(customerId), (file) =>
        file ? { ...file, customer } : file,
      );
      // The timeline and search results change too; read them again when next shown.
      void queryClient.invalidateQueries({ queryKey: customer360Key(customerId), refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: ['customers', 'search'], refetchType: 'none' });
    },
  });
};

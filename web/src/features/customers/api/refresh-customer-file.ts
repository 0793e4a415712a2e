/** After a change of the customer: the cached file shows the stored customer, then is read again. */
import type { QueryClient } from '@tanstack/react-query';
import type { Customer } from '#schemas/customers/customer.ts';
import type { Customer360 } from '#schemas/customers/customer-360.ts';
import { customer360Key } from './get-customer-360.ts';

export const refreshCustomerFile = async (
  queryClient: QueryClient,
  customerId: string,
  customer: Customer,
): Promise<void> => {
  queryClient.setQueryData<Customer360>(customer360Key(customerId), (file) =>
    file ? { ...file, customer } : file,
  );
  // Search results show the segment: read them again when next shown.
  void queryClient.invalidateQueries({ queryKey: ['customers', 'search'], refetchType: 'none' });
  // The history has a new entry and the advisor may have another name: read the file now.
  await queryClient.invalidateQueries({ queryKey: customer360Key(customerId), exact: true });
};

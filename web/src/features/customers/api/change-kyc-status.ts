/**
 * A KYC decision: `PUT /v1/customers/{id}/kyc` with the status, its reason and the version read
 * (a stale version answers 409 and nothing is changed). Once recorded, the file is read again:
 * the profile shows the new status and the history the decision with its reason.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangeKycStatusRequest, Customer } from '#schemas/customers/customer.ts';
import { apiRequest } from '#web/src/lib/api-client.ts';
import { refreshCustomerFile } from './refresh-customer-file.ts';

export type KycDecisionInput = ChangeKycStatusRequest & { version: number };

export const changeKycStatus = (customerId: string, body: KycDecisionInput) =>
  apiRequest<Customer>(`/v1/customers/${encodeURIComponent(customerId)}/kyc`, {
    method: 'PUT',
    body,
    // A KYC decision is compliance work: the audit trail records it so.
    headers: { 'x-access-reason': 'compliance' },
  });

export const useChangeKycStatus = (customerId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: KycDecisionInput) => changeKycStatus(customerId, body),
    onSuccess: (customer) => refreshCustomerFile(queryClient, customerId, customer),
  });
};

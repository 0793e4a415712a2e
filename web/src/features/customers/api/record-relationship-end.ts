/**
 * The end of a customer's business relationship, or its withdrawal (`endedOn: null`):
 * `PUT /v1/customers/{id}/relationship` with the reason and the version read (a stale version
 * answers 409 and nothing is changed). The AML retention runs 5 years from that day, after which
 * the file is erased. Once recorded, the file is read again: the profile shows the end and the
 * history the entry with its reason.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Customer, RecordRelationshipEndRequest } from '#schemas/customers/customer.ts';
import { apiRequest } from '#web/src/lib/api-client.ts';
import { refreshCustomerFile } from './refresh-customer-file.ts';

export type RelationshipEndInput = RecordRelationshipEndRequest & { version: number };

export const recordRelationshipEnd = (customerId: string, body: RelationshipEndInput) =>
  apiRequest<Customer>(`/v1/customers/${encodeURIComponent(customerId)}/relationship`, {
    method: 'PUT',
    body,
    // The end of a relationship starts the AML retention: compliance work, so recorded in the audit trail.
    headers: { 'x-access-reason': 'compliance' },
  });

export const useRecordRelationshipEnd = (customerId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RelationshipEndInput) => recordRelationshipEnd(customerId, body),
    onSuccess: (customer) => refreshCustomerFile(queryClient, customerId, customer),
  });
};

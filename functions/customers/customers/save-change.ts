/**
 * Stores a change of the customer profile with its CustomerUpdated event and the audit record:
 * the last step of every use case that changes the profile.
 */
import type { AccessReason, AuditRecord } from '#schemas/audit.ts';
import type { Customer } from '#schemas/customers/customer.ts';
import { CustomerUpdated } from '#schemas/events/customer-updated.ts';
import type { Caller } from '#schemas/roles.ts';
import { domainEvent, type OutboxEvent } from '#shared/outbox.ts';
import { recordAccess } from '../audit/record-access.ts';
import type { CustomerChange } from '../domain/customer.ts';
import { replaceCustomer } from '../store/customers-store.ts';

export const saveChange = async (
  caller: Caller,
  current: Customer,
  { next, changedFields }: CustomerChange,
  audit: { action: AuditRecord['action']; reason: AccessReason },
  event?: OutboxEvent & { eventId: string },
): Promise<Customer> => {
  if (changedFields.length > 0) {
    const updated =
      event ??
      domainEvent(
        CustomerUpdated,
        {
          customerId: next.id,
          branchId: next.branchId,
          ...(next.branchId !== current.branchId ? { previousBranchId: current.branchId } : {}),
          changedFields,
          version: next.version,
        },
        caller,
        next.updatedAt,
      );
    await replaceCustomer(current, next, updated);
  }
  await recordAccess(caller, next.id, audit.action, audit.reason);
  return next;
};

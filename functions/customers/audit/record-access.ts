/**
 * What the customers context writes to the audit trail: every read and change of a customer
 * file, every customer shown in a search result or a list, and every attempt refused by the
 * branch scope, with who, when and why.
 */
import type { AccessReason, AuditRecord } from '#schemas/audit.ts';
import type { Caller } from '#schemas/roles.ts';
import { recordAudit } from '#shared/audit.ts';

/** Records that the caller read, changed or was refused the customers `customerIds`. */
export const recordAccesses = (
  caller: Caller,
  customerIds: readonly string[],
  action: AuditRecord['action'],
  reason: AccessReason,
): Promise<void> => {
  const at = new Date().toISOString();
  return recordAudit(
    customerIds.map((customerId) => ({
      at,
      actorId: caller.id,
      actorName: caller.name,
      actorRoles: caller.roles,
      action,
      customerId,
      reason,
    })),
  );
};

/** Records that the caller read, changed or was refused one customer's file. */
export const recordAccess = (
  caller: Caller,
  customerId: string,
  action: AuditRecord['action'],
  reason: AccessReason,
): Promise<void> => recordAccesses(caller, [customerId], action, reason);

/** Records every customer a search result or a list shows the caller; answers the page. */
export const recordShown = async <P extends { items: readonly { id: string }[] }>(
  caller: Caller,
  page: P,
  action: 'customer.search' | 'customer.list',
  reason: AccessReason,
): Promise<P> => {
  await recordAccesses(
    caller,
    page.items.map((customer) => customer.id),
    action,
    reason,
  );
  return page;
};

/**
 * What the customers context writes to the audit trail: every read and change of a customer
 * file, and every attempt refused by the branch scope, with who, when and why.
 */
import type { AccessReason, AuditRecord } from '#schemas/audit.ts';
import type { Caller } from '#schemas/roles.ts';
import { appendAudit } from '../store/audit-store.ts';

export const recordAccess = (
  caller: Caller,
  customerId: string,
  action: AuditRecord['action'],
  reason: AccessReason,
): Promise<void> =>
  appendAudit({
    at: new Date().toISOString(),
    actorId: caller.id,
    actorName: caller.name,
    actorRoles: caller.roles,
    action,
    customerId,
    reason,
  });

/**
 * Who may see which customers (DESIGN.md, security): advisors and branch managers see the
 * customers of their own branch; service agents, compliance officers and admins see every
 * customer. Route roles are checked before this, from the route table.
 */
import type { Caller } from '#schemas/roles.ts';

/** Whether the caller's scope covers every branch. */
export const seesAllBranches = (caller: Caller): boolean =>
  caller.roles.some((role) => role === 'admin' || role === 'service_agent' || role === 'compliance_officer');

/** Whether the caller may see records of `branchId`. */
export const canSeeBranch = (caller: Caller, branchId: string): boolean =>
  seesAllBranches(caller) || (caller.branchId !== undefined && caller.branchId === branchId);

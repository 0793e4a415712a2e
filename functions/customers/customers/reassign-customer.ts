/** Changes who looks after a customer: segment, assigned advisor, or (administrators) branch. */
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { applyReassignment } from '../domain/customer.ts';
import { assignmentFacts } from './assignment-facts.ts';
import { saveChange } from './save-change.ts';
import { visibleCustomer } from './visible-customer.ts';

export const reassignCustomer: RouteHandler<Route<'reassignCustomer'>> = async ({
  params,
  body,
  caller,
  expectedVersion,
  accessReason,
}) => {
  const current = await visibleCustomer(caller, params.customerId, accessReason);
  const facts = await assignmentFacts(body.branchId ?? current.branchId, body.advisorId);
  const change = applyReassignment(current, body, caller, facts, expectedVersion, new Date().toISOString());
  return saveChange(caller, current, change, { action: 'customer.reassign', reason: accessReason });
};

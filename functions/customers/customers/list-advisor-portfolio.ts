/**
 * An advisor's portfolio by name, for those who see the advisor's branch; it holds only the
 * customers the caller may see (a customer moved elsewhere but still assigned is left out).
 */
import type { Route } from '#schemas/routes.ts';
import { getStaffMember } from '#shared/directory.ts';
import { NotFound } from '#shared/errors.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { canSeeBranch, seesAllBranches } from '#shared/scope.ts';
import { recordShown } from '../audit/record-access.ts';
import { listByAdvisor } from '../store/customer-finders.ts';

export const listAdvisorPortfolio: RouteHandler<Route<'listAdvisorPortfolio'>> = async ({
  params,
  query,
  caller,
  accessReason,
}) => {
  const advisor = await getStaffMember(params.advisorId);
  if (!advisor?.branchId || !canSeeBranch(caller, advisor.branchId)) throw new NotFound('This advisor');
  const scope = seesAllBranches(caller) ? undefined : caller.branchId;
  return recordShown(
    caller,
    await listByAdvisor(params.advisorId, scope, query.cursor, query.limit),
    'customer.list',
    accessReason,
  );
};

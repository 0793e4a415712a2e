/** A branch's customers by name, for those who see that branch (each one shown is audited). */
import type { Route } from '#schemas/routes.ts';
import { NotFound } from '#shared/errors.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { canSeeBranch } from '#shared/scope.ts';
import { recordShown } from '../audit/record-access.ts';
import { listByBranch } from '../store/customer-finders.ts';

export const listBranchCustomers: RouteHandler<Route<'listBranchCustomers'>> = async ({
  params,
  query,
  caller,
  accessReason,
}) => {
  if (!canSeeBranch(caller, params.branchId)) throw new NotFound('This branch');
  return recordShown(
    caller,
    await listByBranch(params.branchId, query.cursor, query.limit),
    'customer.list',
    accessReason,
  );
};

/** A branch's customers by name, for those who see that branch. */
import type { Route } from '#schemas/routes.ts';
import { NotFound } from '#shared/errors.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { canSeeBranch } from '#shared/scope.ts';
import { listByBranch } from '../store/customers-store.ts';

export const listBranchCustomers: RouteHandler<Route<'listBranchCustomers'>> = async ({
  params,
  query,
  caller,
}) => {
  if (!canSeeBranch(caller, params.branchId)) throw new NotFound('This branch');
  return listByBranch(params.branchId, query.cursor, query.limit);
};

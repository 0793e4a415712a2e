/** A branch's advisors and manager, for those who may see the branch (advisors: their own). */
import type { Route } from '#schemas/routes.ts';
import { listBranchAdvisors as directoryAdvisors } from '#shared/directory.ts';
import { Forbidden } from '#shared/errors.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { canSeeBranch } from '#shared/scope.ts';

export const listBranchAdvisors: RouteHandler<Route<'listBranchAdvisors'>> = async ({ params, caller }) => {
  if (!canSeeBranch(caller, params.branchId)) {
    throw new Forbidden("You can only see your own branch's advisors.");
  }
  return { items: await directoryAdvisors(params.branchId) };
};

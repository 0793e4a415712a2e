/**
 * A column of a pipeline: an advisor's or a branch's opportunities at one stage, by closing day,
 * optionally one month. Advisors and branch managers see their own branch's pipelines (an owner of
 * another branch, or one that does not exist, is a 404, as a customer out of scope is); every
 * customer shown is audited.
 */
import type { Route } from '#schemas/routes.ts';
import { recordAccesses } from '#shared/audit.ts';
import { getStaffMember } from '#shared/directory.ts';
import { NotFound } from '#shared/errors.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { canSeeBranch } from '#shared/scope.ts';
import { listPipeline } from '../store/opportunities-store.ts';

export const listOpportunities: RouteHandler<Route<'listOpportunities'>> = async ({
  query,
  caller,
  accessReason,
}) => {
  const { stage, ownerId, branchId, closeMonth, cursor, limit } = query;
  if (ownerId !== undefined) {
    const owner = await getStaffMember(ownerId);
    if (!owner?.branchId || !canSeeBranch(caller, owner.branchId)) throw new NotFound('This advisor');
  } else if (branchId !== undefined && !canSeeBranch(caller, branchId)) {
    throw new NotFound('This branch');
  }
  const page = await listPipeline(
    { of: ownerId !== undefined ? { ownerId } : { branchId: branchId ?? '' }, stage, closeMonth },
    cursor,
    limit,
  );
  await recordAccesses(
    caller,
    [...new Set(page.items.map((item) => item.customerId))],
    'opportunity.list',
    accessReason,
  );
  return page;
};

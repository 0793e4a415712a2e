/**
 * Whose pipeline the caller may read: an owner of a branch in their scope, or such a branch;
 * otherwise a 404, as a customer out of scope is (an owner who does not exist likewise).
 */
import type { Caller } from '#schemas/roles.ts';
import { getStaffMember } from '#shared/directory.ts';
import { NotFound } from '#shared/errors.ts';
import { canSeeBranch } from '#shared/scope.ts';
import type { PipelineColumn } from '../store/opportunities-store.ts';

export const pipelineInScope = async (
  caller: Caller,
  query: { ownerId?: string | undefined; branchId?: string | undefined },
): Promise<PipelineColumn['of']> => {
  if (query.ownerId !== undefined) {
    const owner = await getStaffMember(query.ownerId);
    if (!owner?.branchId || !canSeeBranch(caller, owner.branchId)) throw new NotFound('This advisor');
    return { ownerId: query.ownerId };
  }
  if (query.branchId === undefined || !canSeeBranch(caller, query.branchId))
    throw new NotFound('This branch');
  return { branchId: query.branchId };
};

/** What the directory says about a branch and an advisor, for the assignment rules. */
import { getStaffMember, listBranches } from '#shared/directory.ts';
import type { AssignmentFacts } from '../domain/customer.ts';

export const assignmentFacts = async (
  branchId: string,
  advisorId: string | null | undefined,
): Promise<AssignmentFacts> => {
  const [branches, advisor] = await Promise.all([
    listBranches(),
    advisorId ? getStaffMember(advisorId) : undefined,
  ]);
  return { branchExists: branches.some((branch) => branch.id === branchId), ...(advisor ? { advisor } : {}) };
};

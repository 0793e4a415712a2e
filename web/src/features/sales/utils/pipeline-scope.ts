/**
 * Whose pipeline the board shows, pure. An advisor sees their own deals, or their branch's on
 * request; a branch manager sees the branch's, or one advisor's; an admin chooses a branch first
 * (then, as a manager, one advisor or all). The API answers a pipeline of the caller's branch
 * only, so the branch of an advisor or a manager is theirs.
 */
import type { Role } from '#schemas/roles.ts';

/** Whose pipeline: an advisor's deals, or all the deals of a branch. */
export type PipelineScope = { ownerId: string } | { branchId: string };
export type PipelineViewer = { sub: string; roles: readonly Role[]; branchId?: string | undefined };
export type ViewerKind = 'advisor' | 'manager' | 'admin';

/** What the filters chose: the advisor's view, the admin's branch, the manager's advisor. */
export type ScopeChoice = { view: 'mine' | 'branch'; branchId: string; advisorId: string };

/** How the board treats the viewer (a manager is one even if they advise too). */
export const viewerKind = (viewer: PipelineViewer): ViewerKind | undefined => {
  if (viewer.roles.includes('branch_manager') && viewer.branchId) return 'manager';
  if (viewer.roles.includes('advisor')) return 'advisor';
  if (viewer.roles.includes('admin')) return 'admin';
  return undefined;
};

/** The filters at first: one's own deals, one's own branch (an admin's, if they have one). */
export const initialChoice = (viewer: PipelineViewer): ScopeChoice => ({
  view: 'mine',
  branchId: viewer.branchId ?? '',
  advisorId: '',
});

/** The branch whose advisors and pipeline the board shows, once known. */
export const boardBranch = (viewer: PipelineViewer, choice: ScopeChoice): string | undefined =>
  (viewerKind(viewer) === 'admin' ? choice.branchId : viewer.branchId) || undefined;

/** The pipeline to read, or undefined until an admin has chosen a branch. */
export const scopeOf = (viewer: PipelineViewer, choice: ScopeChoice): PipelineScope | undefined => {
  const kind = viewerKind(viewer);
  if (kind === 'advisor') {
    return choice.view === 'branch' && viewer.branchId
      ? { branchId: viewer.branchId }
      : { ownerId: viewer.sub };
  }
  const branchId = boardBranch(viewer, choice);
  if (!kind || !branchId) return undefined;
  return choice.advisorId ? { ownerId: choice.advisorId } : { branchId };
};

/** A month as the API takes it (`2027-01`): a browser without a month picker lets one type it. */
export const isMonth = (text: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(text);

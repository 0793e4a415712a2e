/**
 * An assignee's or a branch's tasks in a status (open unless asked), soonest due first, or only
 * those due by a day (the overdue and today's). The caller's own branch only; every customer
 * shown is audited.
 */
import type { Route } from '#schemas/routes.ts';
import { recordAccesses } from '#shared/audit.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { pipelineInScope } from '../opportunities/pipeline-scope.ts';
import { listTasks as listTaskPage } from '../store/activities-store.ts';

export const listTasks: RouteHandler<Route<'listTasks'>> = async ({ query, caller, accessReason }) => {
  // Whose tasks may be read is whose pipeline may: a staff member or a branch in scope.
  const scope = await pipelineInScope(caller, { ownerId: query.assigneeId, branchId: query.branchId });
  const of = 'ownerId' in scope ? { assigneeId: scope.ownerId } : scope;
  const page = await listTaskPage(
    { of, status: query.status, dueBy: query.dueBy },
    query.cursor,
    query.limit,
  );
  await recordAccesses(
    caller,
    [...new Set(page.items.map((task) => task.customerId))],
    'task.list',
    accessReason,
  );
  return page;
};

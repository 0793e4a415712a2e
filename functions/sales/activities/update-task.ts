/**
 * Changes a task of a customer the caller may see — done, cancelled or open again, its title, due
 * day, priority or assignee (of the customer's branch) — from the version read; a change of
 * status goes with ActivityLogged. Audited.
 */
import { visibleCustomer } from '#functions/customers/access.ts';
import type { Route } from '#schemas/routes.ts';
import { recordAccess } from '#shared/audit.ts';
import { getStaffMember } from '#shared/directory.ts';
import { Conflict, NotFound } from '#shared/errors.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { getTask, replaceTask } from '../store/activities-store.ts';
import { taskEvent } from './task-event.ts';
import { applyTaskUpdate, refuseAssignee } from './task-rules.ts';

export const updateTask: RouteHandler<Route<'updateTask'>> = async ({
  params,
  body,
  caller,
  expectedVersion,
  accessReason,
}) => {
  const customer = await visibleCustomer(caller, params.customerId, accessReason);
  const current = await getTask(customer.id, params.taskId);
  if (!current) throw new NotFound('This task');
  const { version: _version, ...change } = body;
  if (change.assigneeId && change.assigneeId !== current.assigneeId) {
    refuseAssignee(await getStaffMember(change.assigneeId), current.branchId, 'assigneeId');
  }
  const now = new Date().toISOString();
  const { next, changed } = applyTaskUpdate(current, change, caller, expectedVersion, now);
  await recordAccess(caller, customer.id, 'task.update', accessReason);
  if (changed.length === 0) return current;
  const events = changed.includes('status') ? [taskEvent(next, caller, now)] : [];
  if (!(await replaceTask(current, next, events))) {
    const stored = await getTask(customer.id, current.id);
    throw new Conflict(
      'Someone changed this task at the same moment. Reload it and try again.',
      stored?.version,
    );
  }
  return next;
};

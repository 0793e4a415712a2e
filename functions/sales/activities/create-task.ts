/**
 * Opens a follow-up task about a customer the caller may see, for a staff member of the
 * customer's branch (the caller, or the customer's advisor when the contact centre opens it),
 * with its ActivityLogged event. Audited.
 */
import { randomUUID } from 'node:crypto';
import { visibleCustomer } from '#functions/customers/access.ts';
import type { Route } from '#schemas/routes.ts';
import { recordAccess } from '#shared/audit.ts';
import { getStaffMember } from '#shared/directory.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { addTask } from '../store/activities-store.ts';
import { taskEvent } from './task-event.ts';
import { defaultAssigneeId, openTask } from './task-rules.ts';

export const createTask: RouteHandler<Route<'createTask'>> = async ({
  params,
  body,
  caller,
  accessReason,
}) => {
  const customer = await visibleCustomer(caller, params.customerId, accessReason);
  const assignee = await getStaffMember(body.assigneeId ?? defaultAssigneeId(caller, customer));
  const now = new Date().toISOString();
  const task = openTask(body, { id: `ta-${randomUUID()}`, customer, assignee, caller, now });
  if (!(await addTask(task, taskEvent(task, caller, now))))
    throw new Error(`task id ${task.id} already taken`);
  await recordAccess(caller, customer.id, 'task.create', accessReason);
  return task;
};

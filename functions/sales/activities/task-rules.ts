/**
 * Follow-up tasks, pure: opening one (assigned to a staff member of the customer's branch: the
 * one named, else the calling advisor, else the customer's advisor) and changing one from the
 * version the caller read — done or cancelled closes it (the day is kept), open again reopens it.
 */
import { displayName } from '#functions/customers/access.ts';
import type { Customer } from '#schemas/customers/customer.ts';
import type { Caller } from '#schemas/roles.ts';
import type { CreateTaskRequest, Task, UpdateTaskRequest } from '#schemas/sales/task.ts';
import type { StaffRecord } from '#shared/directory.ts';
import { Conflict, ValidationFailed } from '#shared/errors.ts';

/** Whom a task goes to when the request names nobody. */
export const defaultAssigneeId = (caller: Caller, customer: Pick<Customer, 'advisorId'>): string =>
  caller.roles.includes('advisor') || caller.roles.includes('branch_manager')
    ? caller.id
    : (customer.advisorId ?? caller.id);

/** A 400 naming the field unless the assignee is an advisor or the manager of the customer's branch. */
export const refuseAssignee = (assignee: StaffRecord | undefined, branchId: string, field: string) => {
  const ofBranch = assignee?.branchId === branchId;
  if (!ofBranch || !assignee.roles.some((role) => role === 'advisor' || role === 'branch_manager')) {
    throw new ValidationFailed([
      { field, message: "the task goes to an advisor or the manager of the customer's branch" },
    ]);
  }
};

export const openTask = (
  request: CreateTaskRequest,
  context: {
    id: string;
    customer: Pick<Customer, 'id' | 'branchId' | 'firstName' | 'lastName'>;
    assignee: StaffRecord | undefined;
    caller: Caller;
    now: string;
    fromReport?: Task['fromReport'];
    field?: string;
  },
): Task => {
  const { customer, caller, now } = context;
  refuseAssignee(context.assignee, customer.branchId, context.field ?? 'assigneeId');
  return {
    id: context.id,
    customerId: customer.id,
    customerName: displayName(customer),
    branchId: customer.branchId,
    assigneeId: context.assignee!.id,
    title: request.title,
    dueOn: request.dueOn,
    priority: request.priority,
    status: 'open',
    ...(request.note ? { note: request.note } : {}),
    ...(context.fromReport ? { fromReport: context.fromReport } : {}),
    createdAt: now,
    updatedAt: now,
    createdBy: caller.id,
    updatedBy: caller.id,
    version: 1,
  };
};

/** The task as the change makes it, and which fields changed; a 409 when someone changed it first. */
export const applyTaskUpdate = (
  current: Task,
  request: Omit<UpdateTaskRequest, 'version'>,
  caller: Caller,
  expectedVersion: number,
  now: string,
): { next: Task; changed: (keyof Task)[] } => {
  if (current.version !== expectedVersion) {
    throw new Conflict(
      `This task changed since you read it (you read version ${expectedVersion}, it is now ${current.version}). Reload it and try again.`,
      current.version,
    );
  }
  const changed = (Object.keys(request) as (keyof typeof request)[]).filter(
    (field) => request[field] !== undefined && request[field] !== current[field],
  );
  const { closedAt: _closedAt, ...open } = current;
  const status = request.status ?? current.status;
  const base = status === 'open' ? open : current;
  const next: Task = {
    ...base,
    ...Object.fromEntries(changed.map((field) => [field, request[field]])),
    ...(status !== 'open' && current.status === 'open' ? { closedAt: now } : {}),
    updatedAt: now,
    updatedBy: caller.id,
    version: current.version + 1,
  };
  return { next, changed };
};

/** What ActivityLogged says of a task: opened, or its status changed. */
import { ActivityLogged } from '#schemas/events/activity-logged.ts';
import type { Caller } from '#schemas/roles.ts';
import type { Task } from '#schemas/sales/task.ts';
import { domainEvent } from '#shared/outbox.ts';

export const taskEvent = (task: Task, caller: Caller, at: string) =>
  domainEvent(
    ActivityLogged,
    {
      activityId: task.id,
      customerId: task.customerId,
      branchId: task.branchId,
      kind: 'task',
      subject: task.title,
      taskStatus: task.status,
      dueOn: task.dueOn,
      priority: task.priority,
      assigneeId: task.assigneeId,
      ...(task.fromReport ? { reportId: task.fromReport.reportId } : {}),
    },
    caller,
    at,
  );

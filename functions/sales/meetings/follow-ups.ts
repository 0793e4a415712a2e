/**
 * The follow-up tasks a version of a meeting report opens: one per new next step, for its
 * assignee (the writer when it names nobody), each with its event.
 */
import { randomUUID } from 'node:crypto';
import type { Customer } from '#schemas/customers/customer.ts';
import type { Caller } from '#schemas/roles.ts';
import type { NextStep } from '#schemas/sales/meeting-report.ts';
import { getStaffMember } from '#shared/directory.ts';
import { taskEvent } from '../activities/task-event.ts';
import { openTask } from '../activities/task-rules.ts';

export const followUpTasks = async (
  steps: readonly NextStep[],
  context: { customer: Customer; caller: Caller; now: string; reportId: string; version: number },
) => {
  const { customer, caller, now } = context;
  return Promise.all(
    steps.map(async (step, index) => {
      const assignee = await getStaffMember(step.assigneeId ?? caller.id);
      const task = openTask(
        { title: step.title, dueOn: step.dueOn, priority: 'normal' },
        {
          id: `ta-${randomUUID()}`,
          customer,
          assignee,
          caller,
          now,
          fromReport: { reportId: context.reportId, version: context.version },
          field: `nextSteps.${index}.assigneeId`,
        },
      );
      return { task, event: taskEvent(task, caller, now) };
    }),
  );
};

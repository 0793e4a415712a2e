/**
 * A follow-up task (tâche de suivi) about a customer: what to do, by when, how urgent, who does
 * it, and whether it is done. A meeting report's next steps open tasks (`fromReport`); a task is
 * never deleted: it is done or cancelled, and stays in the record.
 */

import { BaseRecord, Id, IsoDate, IsoDateTime, PageQuery } from '../common.ts';
import * as z from '../zod.ts';

export const TaskPriority = z.enum(['low', 'normal', 'high']);
export const TaskStatus = z.enum(['open', 'done', 'cancelled']);
export type TaskStatus = z.infer<typeof TaskStatus>;
const Title = z.string().check(z.trim(), z.minLength(1), z.maxLength(160));
const Note = z.string().check(z.trim(), z.maxLength(2000));

export const Task = z
  .extend(BaseRecord, {
    customerId: Id,
    customerName: z.string().check(z.describe('`LAST First`, as when the task was opened.')),
    branchId: Id,
    assigneeId: Id.check(z.describe('The staff member who does it, of the customer’s branch.')),
    title: Title,
    dueOn: IsoDate,
    priority: TaskPriority,
    status: TaskStatus,
    note: z.optional(Note),
    fromReport: z
      .optional(z.object({ reportId: Id, version: z.number().check(z.int(), z.positive()) }))
      .check(z.describe('The meeting report whose next step opened it.')),
    closedAt: z.optional(IsoDateTime.check(z.describe('When it was done or cancelled.'))),
  })
  .register(z.globalRegistry, { id: 'Task' });
export type Task = z.infer<typeof Task>;

export const CreateTaskRequest = z
  .strictObject({
    title: Title,
    dueOn: IsoDate,
    priority: z._default(TaskPriority, 'normal'),
    assigneeId: z
      .optional(Id)
      .check(z.describe('Of the customer’s branch; the customer’s advisor (or the caller) when absent.')),
    note: z.optional(Note),
  })
  .register(z.globalRegistry, { id: 'CreateTaskRequest' });
export type CreateTaskRequest = z.infer<typeof CreateTaskRequest>;

export const UpdateTaskRequest = z
  .strictObject({
    title: z.optional(Title),
    dueOn: z.optional(IsoDate),
    priority: z.optional(TaskPriority),
    assigneeId: z.optional(Id),
    status: z.optional(TaskStatus),
    note: z.optional(Note),
    version: z.optional(z.number().check(z.int(), z.positive())),
  })
  .register(z.globalRegistry, { id: 'UpdateTaskRequest' });
export type UpdateTaskRequest = z.infer<typeof UpdateTaskRequest>;

export const CustomerTaskParams = z.object({ customerId: Id, taskId: Id });

export const TaskListQuery = z
  .extend(PageQuery, {
    status: z._default(TaskStatus, 'open'),
    assigneeId: z.optional(Id),
    branchId: z.optional(Id),
    dueBy: z.optional(
      IsoDate.check(z.describe('Only the tasks due on this day or before (overdue and today’s).')),
    ),
  })
  .check(
    z.refine((query) => (query.assigneeId === undefined) !== (query.branchId === undefined), {
      message: 'give exactly one of assigneeId or branchId',
      path: ['assigneeId'],
    }),
  );

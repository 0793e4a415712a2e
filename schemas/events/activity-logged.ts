import { Id, IsoDate, IsoDateTime } from '../common.ts';
import { Direction, LoggedActivityKind } from '../sales/activity.ts';
import { MeetingChannel } from '../sales/meeting-report.ts';
import { ProductCode } from '../sales/product.ts';
import { TaskPriority, TaskStatus } from '../sales/task.ts';
import * as z from '../zod.ts';
import { type EventDefinition, eventDetail } from './envelope.ts';

/**
 * Something done with or for a customer: a call or an e-mail logged (its subject and summary are
 * the record), or a follow-up task opened, done or cancelled. Who did it is the actor.
 */
export const ActivityLoggedV1 = eventDetail(1, {
  activityId: Id,
  customerId: Id,
  branchId: Id,
  kind: z.enum([...LoggedActivityKind.options, 'task']),
  direction: z.optional(Direction),
  at: z.optional(IsoDateTime.check(z.describe('When the call or e-mail took place.'))),
  subject: z.string(),
  summary: z.optional(z.string()),
  taskStatus: z.optional(TaskStatus),
  dueOn: z.optional(IsoDate),
  priority: z.optional(TaskPriority),
  assigneeId: z.optional(Id),
  reportId: z.optional(Id.check(z.describe('The meeting report whose next step opened the task.'))),
}).register(z.globalRegistry, { id: 'ActivityLoggedV1' });
export type ActivityLoggedV1 = z.infer<typeof ActivityLoggedV1>;

export const ActivityLogged = {
  source: 'relais.sales',
  detailType: 'ActivityLogged',
  detail: ActivityLoggedV1,
} satisfies EventDefinition;

/** A meeting report was written, or corrected by a new version (`version` > 1); the writer is the actor. */
export const MeetingReportedV1 = eventDetail(1, {
  reportId: Id,
  customerId: Id,
  branchId: Id,
  version: z.number().check(z.int(), z.positive()),
  meetingAt: IsoDateTime,
  channel: MeetingChannel,
  productsDiscussed: z.array(ProductCode),
  followUpTaskCount: z.number().check(z.int(), z.nonnegative()),
  reason: z.optional(z.string().check(z.describe('Why a correction was made.'))),
}).register(z.globalRegistry, { id: 'MeetingReportedV1' });

export const MeetingReported = {
  source: 'relais.sales',
  detailType: 'MeetingReported',
  detail: MeetingReportedV1,
} satisfies EventDefinition;

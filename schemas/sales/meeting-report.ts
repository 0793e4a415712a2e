/**
 * A meeting report (compte rendu d’entretien): what was said with a customer at a meeting — the
 * notes, the products discussed, the customer's needs — and the next steps, each of which opens
 * a follow-up task. Once saved a version never changes: a correction is a new version, with its
 * reason, and every version is kept and shown (a bank must keep the record of its advice).
 */

import { Id, IsoDate, IsoDateTime } from '../common.ts';
import * as z from '../zod.ts';
import { ProductCode } from './product.ts';

export const MeetingChannel = z.enum(['branch', 'phone', 'video']);

export const NextStep = z.strictObject({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(160)),
  dueOn: IsoDate,
  assigneeId: z.optional(Id.check(z.describe('Of the customer’s branch; the writer when absent.'))),
});
export type NextStep = z.infer<typeof NextStep>;

const content = {
  meetingAt: IsoDateTime,
  channel: MeetingChannel,
  notes: z.string().check(z.trim(), z.minLength(1), z.maxLength(10_000)),
  productsDiscussed: z.array(ProductCode).check(z.maxLength(20)),
  needs: z.string().check(z.trim(), z.maxLength(2000)),
  nextSteps: z.array(NextStep).check(z.maxLength(10)),
};

export const WriteMeetingReportRequest = z
  .strictObject(content)
  .register(z.globalRegistry, { id: 'WriteMeetingReportRequest' });
export type WriteMeetingReportRequest = z.infer<typeof WriteMeetingReportRequest>;

/** A correction: the whole report as it should read, why, and the version it corrects. */
export const CorrectMeetingReportRequest = z
  .strictObject({
    ...content,
    reason: z.string().check(z.trim(), z.minLength(3), z.maxLength(500)),
    version: z.optional(z.number().check(z.int(), z.positive())),
  })
  .register(z.globalRegistry, { id: 'CorrectMeetingReportRequest' });
export type CorrectMeetingReportRequest = z.infer<typeof CorrectMeetingReportRequest>;

export const MeetingReportVersion = z
  .object({
    version: z.number().check(z.int(), z.positive()),
    ...content,
    writtenAt: IsoDateTime,
    writtenBy: Id,
    writtenByName: z.string(),
    reason: z.optional(z.string().check(z.describe('Why this version corrects the one before.'))),
    followUpTaskIds: z
      .array(Id)
      .check(
        z.describe('The tasks this version’s new next steps opened (a correction opens only new ones).'),
      ),
  })
  .register(z.globalRegistry, { id: 'MeetingReportVersion' });
export type MeetingReportVersion = z.infer<typeof MeetingReportVersion>;

export const MeetingReport = z
  .object({
    id: Id,
    customerId: Id,
    branchId: Id,
    version: z
      .number()
      .check(z.int(), z.positive(), z.describe('The latest version: send it back to correct.')),
    latest: MeetingReportVersion,
    versions: z.array(MeetingReportVersion).check(z.describe('Every version, the first one first.')),
  })
  .register(z.globalRegistry, { id: 'MeetingReport' });
export type MeetingReport = z.infer<typeof MeetingReport>;

/** What the 360° file shows of the latest meeting: its latest version, without the others. */
export const MeetingReportSummary = z.object({
  id: Id,
  version: z.number().check(z.int(), z.positive()),
  meetingAt: IsoDateTime,
  channel: MeetingChannel,
  writtenByName: z.string(),
  productsDiscussed: z.array(ProductCode),
  needs: z.string(),
  notes: z.string(),
});
export type MeetingReportSummary = z.infer<typeof MeetingReportSummary>;

export const CustomerReportParams = z.object({ customerId: Id, reportId: Id });

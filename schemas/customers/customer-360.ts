/**
 * The 360° customer file: profile, holdings, consents, open deals, open tasks, the latest meeting
 * report and the latest timeline, in one read.
 */
import { MeetingReportSummary } from '../sales/meeting-report.ts';
import { OpportunitySummary } from '../sales/opportunity.ts';
import { Task } from '../sales/task.ts';
import * as z from '../zod.ts';
import { Consents } from './consent.ts';
import { Customer } from './customer.ts';
import { Holding } from './holding.ts';
import { TimelineEntry } from './timeline.ts';

export const Customer360 = z
  .object({
    customer: Customer,
    advisor: z
      .optional(z.object({ id: z.string(), name: z.string() }))
      .check(z.describe('The assigned advisor, by name.')),
    holdings: z.array(Holding),
    consents: Consents,
    openOpportunities: z
      .optional(z.array(OpportunitySummary))
      .check(
        z.describe(
          'The deals still open, soonest to close first; absent for roles that see no deals (contact centre, compliance).',
        ),
      ),
    openTasks: z
      .optional(z.array(Task))
      .check(z.describe('The follow-up tasks still open, soonest due first; absent for compliance.')),
    latestMeetingReport: z
      .optional(MeetingReportSummary)
      .check(
        z.describe(
          'The latest version of the most recent meeting’s report; absent for the contact centre and compliance.',
        ),
      ),
    timeline: z.array(TimelineEntry).check(z.describe('Latest entries, newest first.')),
    timelineCursor: z
      .optional(z.string())
      .check(
        z.describe(
          'Present when older entries exist: GET /v1/customers/{customerId}/timeline?cursor= pages back.',
        ),
      ),
  })
  .register(z.globalRegistry, { id: 'Customer360' });
export type Customer360 = z.infer<typeof Customer360>;

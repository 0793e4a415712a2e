/** The 360° customer file: profile, holdings, consents, open deals and latest timeline in one read. */
import { OpportunitySummary } from '../sales/opportunity.ts';
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

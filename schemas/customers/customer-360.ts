/** The 360° customer file: profile, holdings, consents and latest timeline in one read. */
import * as z from 'zod';
import { Consents } from './consent.ts';
import { Customer } from './customer.ts';
import { Holding } from './holding.ts';
import { TimelineEntry } from './timeline.ts';

export const Customer360 = z
  .object({
    customer: Customer,
    advisor: z
      .object({ id: z.string(), name: z.string() })
      .optional()
      .describe('The assigned advisor, by name.'),
    holdings: z.array(Holding),
    consents: Consents,
    timeline: z.array(TimelineEntry).describe('Latest entries, newest first.'),
    timelineCursor: z
      .string()
      .optional()
      .describe(
        'Present when older entries exist: GET /v1/customers/{customerId}/timeline?cursor= pages back.',
      ),
  })
  .meta({ id: 'Customer360' });
export type Customer360 = z.infer<typeof Customer360>;

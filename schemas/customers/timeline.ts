/** The customer timeline: the domain events about a customer, newest first. */

import { IsoDateTime } from '../common.ts';
import { Actor } from '../events/envelope.ts';
import * as z from '../zod.ts';

export const TimelineEntry = z
  .object({
    id: z.string(),
    type: z.string().check(z.describe('Event detail-type, e.g. CustomerUpdated.')),
    source: z.string(),
    occurredAt: IsoDateTime,
    actor: Actor,
    detail: z.record(z.string(), z.unknown()),
  })
  .register(z.globalRegistry, { id: 'TimelineEntry' });
export type TimelineEntry = z.infer<typeof TimelineEntry>;

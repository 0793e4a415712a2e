/** The customer timeline: the domain events about a customer, newest first. */
import * as z from 'zod';
import { IsoDateTime } from '../common.ts';
import { Actor } from '../events/envelope.ts';

export const TimelineEntry = z
  .object({
    id: z.string(),
    type: z.string().describe('Event detail-type, e.g. CustomerUpdated.'),
    source: z.string(),
    occurredAt: IsoDateTime,
    actor: Actor,
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TimelineEntry' });
export type TimelineEntry = z.infer<typeof TimelineEntry>;

import * as z from '../zod.ts';
import { type EventDefinition, eventDetail } from './envelope.ts';

/** A retention job removed what was past its retention in one place of the privacy registry: counts, no one named. */
export const RetentionPurgedV1 = eventDetail(1, {
  location: z.string().check(z.describe('The registry key of the place, e.g. `lakeTable events`.')),
  cutoff: z.iso.date(),
  removed: z.number().check(z.int(), z.nonnegative()),
}).register(z.globalRegistry, { id: 'RetentionPurgedV1' });
export type RetentionPurgedV1 = z.infer<typeof RetentionPurgedV1>;

export const RetentionPurged = {
  source: 'relais.platform',
  detailType: 'RetentionPurged',
  detail: RetentionPurgedV1,
} satisfies EventDefinition;

import { Id, IsoDate } from '../common.ts';
import * as z from '../zod.ts';
import { type EventDefinition, eventDetail } from './envelope.ts';

/** The end of a business relationship recorded (or withdrawn: `endedOn` null); who did is the actor. */
export const RelationshipEndRecordedV1 = eventDetail(1, {
  customerId: Id,
  branchId: Id,
  endedOn: z.nullable(IsoDate),
  reason: z.string().check(z.minLength(3), z.maxLength(500)),
  version: z.number().check(z.int(), z.positive()),
}).register(z.globalRegistry, { id: 'RelationshipEndRecordedV1' });
export type RelationshipEndRecordedV1 = z.infer<typeof RelationshipEndRecordedV1>;

export const RelationshipEndRecorded = {
  source: 'relais.customers',
  detailType: 'RelationshipEndRecorded',
  detail: RelationshipEndRecordedV1,
} satisfies EventDefinition;

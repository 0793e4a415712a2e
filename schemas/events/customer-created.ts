import { Id } from '../common.ts';
import { CustomerKind, Segment } from '../customers/customer.ts';
import * as z from '../zod.ts';
import { type EventDefinition, eventDetail } from './envelope.ts';

export const CustomerCreatedV1 = eventDetail(1, {
  customerId: Id,
  branchId: Id,
  advisorId: z.optional(Id),
  kind: CustomerKind,
  segment: Segment,
}).register(z.globalRegistry, { id: 'CustomerCreatedV1' });
export type CustomerCreatedV1 = z.infer<typeof CustomerCreatedV1>;

export const CustomerCreated = {
  source: 'relais.customers',
  detailType: 'CustomerCreated',
  detail: CustomerCreatedV1,
} satisfies EventDefinition;

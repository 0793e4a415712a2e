import type * as z from 'zod';
import { Id } from '../common.ts';
import { CustomerKind, Segment } from '../customers/customer.ts';
import { type EventDefinition, eventDetail } from './envelope.ts';

export const CustomerCreatedV1 = eventDetail(1, {
  customerId: Id,
  branchId: Id,
  advisorId: Id.optional(),
  kind: CustomerKind,
  segment: Segment,
}).meta({ id: 'CustomerCreatedV1' });
export type CustomerCreatedV1 = z.infer<typeof CustomerCreatedV1>;

export const CustomerCreated = {
  source: 'relais.customers',
  detailType: 'CustomerCreated',
  detail: CustomerCreatedV1,
} satisfies EventDefinition;

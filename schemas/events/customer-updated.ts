import { Id } from '../common.ts';
import * as z from '../zod.ts';
import { type EventDefinition, eventDetail } from './envelope.ts';

export const CustomerUpdatedV1 = eventDetail(1, {
  customerId: Id,
  branchId: Id,
  previousBranchId: z.optional(Id).check(z.describe('Set when the customer moved branch.')),
  changedFields: z.array(z.string()).check(z.minLength(1)),
  version: z.number().check(z.int(), z.positive()),
}).register(z.globalRegistry, { id: 'CustomerUpdatedV1' });
export type CustomerUpdatedV1 = z.infer<typeof CustomerUpdatedV1>;

export const CustomerUpdated = {
  source: 'relais.customers',
  detailType: 'CustomerUpdated',
  detail: CustomerUpdatedV1,
} satisfies EventDefinition;

import * as z from 'zod';
import { Id } from '../common.ts';
import { type EventDefinition, eventDetail } from './envelope.ts';

export const CustomerUpdatedV1 = eventDetail(1, {
  customerId: Id,
  branchId: Id,
  previousBranchId: Id.optional().describe('Set when the customer moved branch.'),
  changedFields: z.array(z.string()).min(1),
  version: z.number().int().positive(),
}).meta({ id: 'CustomerUpdatedV1' });
export type CustomerUpdatedV1 = z.infer<typeof CustomerUpdatedV1>;

export const CustomerUpdated = {
  source: 'relais.customers',
  detailType: 'CustomerUpdated',
  detail: CustomerUpdatedV1,
} satisfies EventDefinition;

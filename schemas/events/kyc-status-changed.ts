import { Id } from '../common.ts';
import { KycStatus } from '../customers/customer.ts';
import * as z from '../zod.ts';
import { type EventDefinition, eventDetail } from './envelope.ts';

/** A KYC decision: who took it is the event's actor, why is its reason. */
export const KycStatusChangedV1 = eventDetail(1, {
  customerId: Id,
  branchId: Id,
  from: KycStatus,
  to: KycStatus,
  reason: z.string().check(z.minLength(3), z.maxLength(500)),
  version: z.number().check(z.int(), z.positive()),
}).register(z.globalRegistry, { id: 'KycStatusChangedV1' });
export type KycStatusChangedV1 = z.infer<typeof KycStatusChangedV1>;

export const KycStatusChanged = {
  source: 'relais.customers',
  detailType: 'KycStatusChanged',
  detail: KycStatusChangedV1,
} satisfies EventDefinition;

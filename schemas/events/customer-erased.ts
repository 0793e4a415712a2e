import { Id } from '../common.ts';
import * as z from '../zod.ts';
import { type EventDefinition, eventDetail } from './envelope.ts';

/**
 * A customer's data was erased: `entirely` (a prospect, or a customer past every legal hold),
 * or `exceptHeld` (what the law requires is kept, under the hold named in the erasure report).
 */
export const CustomerErasedV1 = eventDetail(1, {
  requestId: Id,
  customerId: Id,
  scope: z.enum(['entirely', 'exceptHeld']),
}).register(z.globalRegistry, { id: 'CustomerErasedV1' });
export type CustomerErasedV1 = z.infer<typeof CustomerErasedV1>;

export const CustomerErased = {
  source: 'relais.platform',
  detailType: 'CustomerErased',
  detail: CustomerErasedV1,
} satisfies EventDefinition;

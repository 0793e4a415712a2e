import { AnonymousId } from '../channels/identity.ts';
import { Channel } from '../channels/write-key.ts';
import { Id } from '../common.ts';
import * as z from '../zod.ts';
import { type EventDefinition, eventDetail } from './envelope.ts';

/**
 * A visitor id no longer follows a customer: a staff member undid the link (`unlinked`), or
 * another customer logged in on the same browser or device (`linked_to_another_customer`).
 */
export const IdentityUnlinkedV1 = eventDetail(1, {
  customerId: Id,
  branchId: Id,
  anonymousId: AnonymousId,
  channel: Channel,
  reason: z.enum(['unlinked', 'linked_to_another_customer']),
}).register(z.globalRegistry, { id: 'IdentityUnlinkedV1' });
export type IdentityUnlinkedV1 = z.infer<typeof IdentityUnlinkedV1>;

export const IdentityUnlinked = {
  source: 'relais.channels',
  detailType: 'IdentityUnlinked',
  detail: IdentityUnlinkedV1,
} satisfies EventDefinition;

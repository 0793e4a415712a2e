import { AnonymousId } from '../channels/identity.ts';
import { Channel } from '../channels/write-key.ts';
import { Id } from '../common.ts';
import * as z from '../zod.ts';
import { type EventDefinition, eventDetail } from './envelope.ts';

/**
 * A visitor id (browser, device) was linked to a customer at login. When the visitor id was
 * linked to someone else before, that customer gets an IdentityUnlinked event at the same time
 * (neither event names the other customer).
 */
export const IdentityLinkedV1 = eventDetail(1, {
  customerId: Id,
  branchId: Id,
  anonymousId: AnonymousId,
  channel: Channel,
  /** The message id of the login event that linked them. */
  linkedBy: z.string(),
  movedFromAnotherCustomer: z.boolean(),
}).register(z.globalRegistry, { id: 'IdentityLinkedV1' });
export type IdentityLinkedV1 = z.infer<typeof IdentityLinkedV1>;

export const IdentityLinked = {
  source: 'relais.channels',
  detailType: 'IdentityLinked',
  detail: IdentityLinkedV1,
} satisfies EventDefinition;

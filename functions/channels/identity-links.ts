/**
 * Identity stitching, with its I/O: linking a visitor id to the customer who logged in (moving
 * it from another customer if need be) and undoing a link. Each change is one transaction with
 * its domain events, which reach the bus from the table stream and show in the timelines.
 */
import { getCustomer } from '#functions/customers/access.ts';
import type { IdentityLink } from '#schemas/channels/identity.ts';
import type { Channel } from '#schemas/channels/write-key.ts';
import { IdentityLinked } from '#schemas/events/identity-linked.ts';
import { IdentityUnlinked } from '#schemas/events/identity-unlinked.ts';
import type { Caller } from '#schemas/roles.ts';
import { NotFound } from '#shared/errors.ts';
import { domainEvent } from '#shared/outbox.ts';
import { customerTombstone } from '#shared/privacy/tombstones.ts';
import { canSeeBranch } from '#shared/scope.ts';
import { linkChange } from './domain/identity.ts';
import { currentLink, listLinks, removeLink, saveLink } from './store/identity-store.ts';

/** Links recorded by a channel name the write key as their actor. */
export const channelActor = (writeKeyId: string, channel: Channel): Caller => ({
  id: `write-key:${writeKeyId}`,
  name: `Canal ${channel}`,
  roles: [],
});

export type LinkRequest = {
  anonymousId: string;
  customerId: string;
  channel: Channel;
  /** The login event's message id. */
  messageId: string;
  writeKeyId: string;
  /** When the login happened (the link events are dated then, beside the login in the timeline). */
  occurredAt: string;
};

/**
 * Links the visitor id of a login to its customer. `unknownCustomer` when no such customer
 * exists, or when they were erased (the event is still kept: the lake has it, or drops it for an
 * erased customer; nothing is linked). The link's transaction checks the customer's tombstone,
 * so an erasure running meanwhile is not undone.
 */
export const linkVisitor = async (
  request: LinkRequest,
): Promise<'unchanged' | 'link' | 'move' | 'unknownCustomer'> => {
  const actor = channelActor(request.writeKeyId, request.channel);
  let customer: Awaited<ReturnType<typeof getCustomer>> | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await currentLink(request.anonymousId);
    const change = linkChange(current?.customerId, request.customerId);
    if (change === 'unchanged') return change;
    customer ??= await getCustomer(request.customerId);
    if (!customer || (attempt > 0 && (await customerTombstone(request.customerId)))) return 'unknownCustomer';
    const link: IdentityLink = {
      anonymousId: request.anonymousId,
      customerId: request.customerId,
      linkedAt: request.occurredAt,
      linkedBy: request.messageId,
      channel: request.channel,
    };
    const linked = domainEvent(
      IdentityLinked,
      {
        customerId: customer.id,
        branchId: customer.branchId,
        anonymousId: request.anonymousId,
        channel: request.channel,
        linkedBy: request.messageId,
        movedFromAnotherCustomer: change === 'move',
      },
      actor,
      request.occurredAt,
    );
    let previous: Parameters<typeof saveLink>[2];
    if (change === 'move' && current) {
      const before = await getCustomer(current.customerId);
      previous = {
        link: current,
        unlinked: domainEvent(
          IdentityUnlinked,
          {
            customerId: current.customerId,
            branchId: before?.branchId ?? 'unknown',
            anonymousId: request.anonymousId,
            channel: current.channel,
            reason: 'linked_to_another_customer',
          },
          actor,
          request.occurredAt,
        ),
      };
    }
    if (await saveLink(link, linked, previous)) return change;
  }
  throw new Error(`the link of visitor ${request.anonymousId} kept changing while it was being saved`);
};

/** The customer if the caller may see it; otherwise a 404 that does not confirm it exists. */
const visibleCustomer = async (caller: Caller, customerId: string) => {
  const customer = await getCustomer(customerId);
  if (!customer || !canSeeBranch(caller, customer.branchId)) throw new NotFound('This customer');
  return customer;
};

/** The visitor ids linked to a customer the caller may see. */
export const identitiesOf = async (caller: Caller, customerId: string): Promise<IdentityLink[]> => {
  await visibleCustomer(caller, customerId);
  return listLinks(customerId);
};

/**
 * Undoes the link between a visitor id and a customer the caller may see, with the
 * IdentityUnlinked event. Idempotent: a link that is not (or no longer) there changes nothing.
 */
export const unlinkVisitor = async (
  caller: Caller,
  customerId: string,
  anonymousId: string,
): Promise<void> => {
  const customer = await visibleCustomer(caller, customerId);
  const link = await currentLink(anonymousId);
  if (!link || link.customerId !== customerId) return;
  const unlinked = domainEvent(
    IdentityUnlinked,
    {
      customerId,
      branchId: customer.branchId,
      anonymousId,
      channel: link.channel,
      reason: 'unlinked',
    },
    caller,
    new Date().toISOString(),
  );
  await removeLink(link, unlinked);
};

/**
 * A channel event as the ingestion API puts it on the bus (source `relais.channels`,
 * detail-type `ChannelEvent`): what the sender posted, validated, with the clock-skew corrected
 * time, the receive time, the channel of its write key, the customer stitched from the visitor
 * id when the sender did not know it, and the sender's IP (truncated by the lake, never kept
 * whole there). Channel events are put on the bus by the ingest Lambda directly, not through
 * the table stream: they are the one exception to "no dual writes".
 */

import { channelEventTypes, EventContext, MessageId } from '../channels/channel-event.ts';
import { AnonymousId } from '../channels/identity.ts';
import { Channel } from '../channels/write-key.ts';
import { Id, IsoDateTime } from '../common.ts';
import * as z from '../zod.ts';
import type { EventDefinition } from './envelope.ts';

export const ChannelEventV1 = z
  .object({
    schemaVersion: z.literal(1),
    /** The sender's message id: the same event sent twice has the same id (the lake dedupes on it). */
    eventId: MessageId,
    channel: Channel,
    writeKeyId: Id,
    type: z.enum(channelEventTypes),
    /** The registered name of a `custom` event. */
    name: z.optional(z.string()),
    occurredAt: IsoDateTime.check(z.describe("Device time corrected for the device clock's skew.")),
    receivedAt: IsoDateTime,
    sentAt: IsoDateTime.check(z.describe('When the device sent the batch, by its clock.')),
    anonymousId: AnonymousId,
    customerId: z.optional(Id).check(z.describe('Sent by the channel, or stitched from the visitor id.')),
    sessionId: z.optional(z.string().check(z.maxLength(64))),
    context: z.extend(EventContext, {
      ip: z
        .optional(z.string().check(z.maxLength(45)))
        .check(z.describe('Source IP of the request (truncated in the lake).')),
    }),
    properties: z.record(z.string(), z.unknown()),
  })
  .register(z.globalRegistry, { id: 'ChannelEventV1' });
export type ChannelEventV1 = z.infer<typeof ChannelEventV1>;

export const ChannelEventOnBus = {
  source: 'relais.channels',
  detailType: 'ChannelEvent',
  detail: ChannelEventV1,
} satisfies EventDefinition;

/**
 * A channel event as the ingestion API puts it on the bus (source `relais.channels`,
 * detail-type `ChannelEvent`): what the sender posted, validated, with the clock-skew corrected
 * time, the receive time, the channel of its write key, the customer stitched from the visitor
 * id when the sender did not know it, and the sender's IP (truncated by the lake, never kept
 * whole there). Channel events are put on the bus by the ingest Lambda directly, not through
 * the table stream: they are the one exception to "no dual writes".
 */
import * as z from 'zod';
import { channelEventTypes, EventContext, MessageId } from '../channels/channel-event.ts';
import { AnonymousId } from '../channels/identity.ts';
import { Channel } from '../channels/write-key.ts';
import { Id, IsoDateTime } from '../common.ts';
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
    name: z.string().optional(),
    occurredAt: IsoDateTime.describe("Device time corrected for the device clock's skew."),
    receivedAt: IsoDateTime,
    sentAt: IsoDateTime.describe('When the device sent the batch, by its clock.'),
    anonymousId: AnonymousId,
    customerId: Id.optional().describe('Sent by the channel, or stitched from the visitor id.'),
    sessionId: z.string().max(64).optional(),
    context: EventContext.extend({
      ip: z.string().max(45).optional().describe('Source IP of the request (truncated in the lake).'),
    }),
    properties: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'ChannelEventV1' });
export type ChannelEventV1 = z.infer<typeof ChannelEventV1>;

export const ChannelEventOnBus = {
  source: 'relais.channels',
  detailType: 'ChannelEvent',
  detail: ChannelEventV1,
} satisfies EventDefinition;

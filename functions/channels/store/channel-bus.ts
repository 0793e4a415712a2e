/** The bus entry of a channel event (put on the bus by `#shared/bus.ts`). */
import { ChannelEventOnBus, type ChannelEventV1 } from '#schemas/events/channel-event.ts';
import type { BusEntry } from '#shared/bus.ts';
import { eventBusName } from '#shared/env.ts';

export const busEntry = (detail: ChannelEventV1): BusEntry & { Time: Date } => ({
  EventBusName: eventBusName(),
  Source: ChannelEventOnBus.source,
  DetailType: ChannelEventOnBus.detailType,
  Detail: JSON.stringify(detail),
  Time: new Date(detail.occurredAt),
});

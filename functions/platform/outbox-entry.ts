/**
 * The bus entry of an outbox item (an item written with an `event` attribute, see
 * `#shared/outbox.ts`), read from its stream image: what the stream publisher puts on the bus
 * and what the republisher puts there again after a failure.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { type BusEntry, busEntryOf } from '#shared/bus.ts';
import type { OutboxEvent } from '#shared/outbox.ts';

/** A stream image, as DynamoDB Streams gives it (attribute values with their types). */
export type StreamImage = Record<string, AttributeValue>;

export const outboxEntry = (image: StreamImage): BusEntry | undefined => {
  const event = unmarshall(image).event as OutboxEvent | undefined;
  return event ? busEntryOf(event) : undefined;
};

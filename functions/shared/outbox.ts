/**
 * Domain events without dual writes: a handler writes the event as an item in the same
 * DynamoDB transaction as the change, and the stream publisher puts it on the bus. An item
 * carrying an `event` attribute is an event to publish.
 */
import { randomUUID } from 'node:crypto';
import type { EventDefinition } from '#schemas/events/envelope.ts';
import type { Caller } from '#schemas/roles.ts';
import type * as z from '#schemas/zod.ts';

/** What the publisher puts on the bus, stored on the event item. */
export type OutboxEvent = { source: string; detailType: string; detail: Record<string, unknown> };

type DetailFields<D extends EventDefinition> = Omit<
  z.input<D['detail']>,
  'schemaVersion' | 'eventId' | 'occurredAt' | 'actor'
>;

/** A validated event with its envelope fields (id, time, actor, schema version). */
export const domainEvent = <D extends EventDefinition>(
  definition: D,
  fields: DetailFields<D>,
  actor: Caller,
  occurredAt: string,
): OutboxEvent & { eventId: string } => {
  const eventId = randomUUID();
  const detail = definition.detail.parse({
    schemaVersion: (
      definition.detail as unknown as z.ZodMiniObject<{ schemaVersion: z.ZodMiniLiteral<number> }>
    ).shape.schemaVersion.def.values[0],
    eventId,
    occurredAt,
    actor: { id: actor.id, name: actor.name },
    ...fields,
  }) as Record<string, unknown>;
  return { eventId, source: definition.source, detailType: definition.detailType, detail };
};

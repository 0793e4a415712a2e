/**
 * What every domain event carries. Events are named in the past tense, come from
 * `relais.<context>`, and version their detail so consumers can evolve at their own pace.
 * Details hold identifiers and facts, not personal data: consumers read the record if they
 * need more.
 */
import * as z from 'zod';
import { Id, IsoDateTime } from '../common.ts';

export const Actor = z.object({ id: z.string(), name: z.string() });

export const eventDetail = <V extends number, S extends z.ZodRawShape>(schemaVersion: V, shape: S) =>
  z.object({
    schemaVersion: z.literal(schemaVersion),
    eventId: Id,
    occurredAt: IsoDateTime,
    actor: Actor,
    ...shape,
  });

/** Declares an event: its EventBridge source, detail-type and detail schema. */
export type EventDefinition<D extends z.ZodType = z.ZodType> = {
  source: `relais.${string}`;
  detailType: string;
  detail: D;
};

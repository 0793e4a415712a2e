/**
 * What every domain event carries. Events are named in the past tense, come from
 * `relais.<context>`, and version their detail so consumers can evolve at their own pace.
 * Details hold identifiers and facts, not personal data: consumers read the record if they
 * need more.
 */

import { Id, IsoDateTime } from '../common.ts';
import * as z from '../zod.ts';

export const Actor = z.object({ id: z.string(), name: z.string() });

export const eventDetail = <V extends number, S extends z.core.$ZodLooseShape>(schemaVersion: V, shape: S) =>
  z.object({
    schemaVersion: z.literal(schemaVersion),
    eventId: Id,
    occurredAt: IsoDateTime,
    actor: Actor,
    ...shape,
  });

/** Declares an event: its EventBridge source, detail-type and detail schema. */
export type EventDefinition<D extends z.ZodMiniType = z.ZodMiniType> = {
  source: `relais.${string}`;
  detailType: string;
  detail: D;
};

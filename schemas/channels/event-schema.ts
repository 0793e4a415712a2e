/** Custom event types a developer registers: a name, a version and a JSON Schema of the properties. */

import { IsoDateTime } from '../common.ts';
import * as z from '../zod.ts';

export const EventSchemaDefinition = z
  .object({
    name: z.string().check(z.regex(/^[a-z][a-z0-9_]{2,63}$/)),
    version: z.number().check(z.int(), z.positive()),
    description: z.string().check(z.maxLength(300)),
    /** JSON Schema (draft 2020-12) of `properties`: an object schema. */
    jsonSchema: z.record(z.string(), z.unknown()),
    registeredAt: IsoDateTime,
    registeredBy: z.string(),
  })
  .register(z.globalRegistry, { id: 'EventSchemaDefinition' });
export type EventSchemaDefinition = z.infer<typeof EventSchemaDefinition>;

export const RegisterEventSchemaRequest = z
  .strictObject(z.pick(EventSchemaDefinition, { name: true, description: true, jsonSchema: true }).shape)
  .register(z.globalRegistry, { id: 'RegisterEventSchemaRequest' });

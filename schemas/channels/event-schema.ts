/** Custom event types a developer registers: a name, a version and a JSON Schema of the properties. */
import * as z from 'zod';
import { IsoDateTime } from '../common.ts';

export const EventSchemaDefinition = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_]{2,63}$/),
    version: z.number().int().positive(),
    description: z.string().max(300),
    /** JSON Schema (draft 2020-12) of `properties`: an object schema. */
    jsonSchema: z.record(z.string(), z.unknown()),
    registeredAt: IsoDateTime,
    registeredBy: z.string(),
  })
  .meta({ id: 'EventSchemaDefinition' });
export type EventSchemaDefinition = z.infer<typeof EventSchemaDefinition>;

export const RegisterEventSchemaRequest = EventSchemaDefinition.pick({
  name: true,
  description: true,
  jsonSchema: true,
})
  .strict()
  .meta({ id: 'RegisterEventSchemaRequest' });

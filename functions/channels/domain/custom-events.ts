/**
 * Custom event types, pure: a developer registers a JSON Schema of an event's `properties`;
 * it must describe an object, and zod must be able to build a validator from it
 * (`z.fromJSONSchema`), which is then what checks every custom event of that name.
 *
 * `fromJSONSchema` is classic zod's (zod/mini, which every schema here uses, has none): it is
 * loaded on the first schema to compile (`json-schema-validator.ts`), not at the function's
 * init, so only a function that meets a custom event pays for it.
 */
import type * as z from 'zod';
import { ValidationFailed } from '#shared/errors.ts';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The validator of a registered JSON Schema; a schema that is not an object schema, or that
 * zod cannot use (unknown type, remote `$ref`, bad pattern…), is a 400 naming `jsonSchema`.
 */
export const compileEventSchema = async (jsonSchema: Record<string, unknown>): Promise<z.ZodType> => {
  const refuse = (message: string): never => {
    throw new ValidationFailed([{ field: 'jsonSchema', message }]);
  };
  if (jsonSchema.type !== 'object') refuse('must describe an object: "type": "object"');
  if (jsonSchema.properties !== undefined) {
    if (!isRecord(jsonSchema.properties) || !Object.values(jsonSchema.properties).every(isRecord)) {
      refuse('"properties" must map each property name to a schema object');
    }
  }
  const { fromJSONSchema } = await import('./json-schema-validator.ts');
  try {
    const schema = fromJSONSchema(jsonSchema as Parameters<typeof fromJSONSchema>[0]);
    // A schema that cannot even check an empty object (e.g. a broken pattern) is refused now.
    schema.safeParse({});
    return schema;
  } catch (error) {
    return refuse(`is not a JSON Schema Relais can use: ${(error as Error).message}`);
  }
};

/** The next version of an event name, from the latest registered one. */
export const nextVersion = (latest: number | undefined): number => (latest ?? 0) + 1;

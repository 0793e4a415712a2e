/**
 * Building blocks shared by every schema: identifiers, dates, the base fields every record
 * carries, RFC 9457 problem details and cursor pages.
 */
import * as z from './zod.ts';

/** Opaque identifier (ULID-like or UUID); never a database key. */
export const Id = z
  .string()
  .check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only'));

/** Dates travel as ISO 8601 strings. */
export const IsoDateTime = z.iso.datetime({ offset: true });
export const IsoDate = z.iso.date();

/** Fields every stored record carries (audit and optimistic concurrency). */
export const BaseRecord = z.object({
  id: Id,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  createdBy: z.string(),
  updatedBy: z.string(),
  version: z
    .number()
    .check(z.int(), z.positive(), z.describe('Optimistic concurrency version; send it back on update.')),
});

/** RFC 9457 problem details, with the offending fields on a 400. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().check(z.int()),
    detail: z.optional(z.string()),
    instance: z.optional(z.string()),
    errors: z
      .optional(z.array(z.object({ field: z.string(), message: z.string() })))
      .check(z.describe('One entry per offending field (validation errors).')),
    currentVersion: z
      .optional(z.number().check(z.int()))
      .check(z.describe('On a 409: the version now stored.')),
  })
  .register(z.globalRegistry, { id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

/** Query parameters of a paginated list. */
export const PageQuery = z.object({
  cursor: z
    .optional(z.string().check(z.maxLength(2048)))
    .check(z.describe('Opaque cursor from the previous page.')),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
});

/** A page of items with the cursor of the next page (absent on the last page). */
export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.optional(z.string()) });

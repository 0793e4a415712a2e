/**
 * Building blocks shared by every schema: identifiers, dates, the base fields every record
 * carries, RFC 9457 problem details and cursor pages.
 */
import * as z from 'zod';

/** Opaque identifier (ULID-like or UUID); never a database key. */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');

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
  version: z.number().int().positive().describe('Optimistic concurrency version; send it back on update.'),
});

/** RFC 9457 problem details, with the offending fields on a 400. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .describe('One entry per offending field (validation errors).'),
    currentVersion: z.number().int().optional().describe('On a 409: the version now stored.'),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

/** Query parameters of a paginated list. */
export const PageQuery = z.object({
  cursor: z.string().max(2048).optional().describe('Opaque cursor from the previous page.'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** A page of items with the cursor of the next page (absent on the last page). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional() });

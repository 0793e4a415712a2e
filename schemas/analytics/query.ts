/** The analysts' saved queries and their runs (Athena in the cloud, DuckDB locally). */

import { IsoDateTime } from '../common.ts';
import * as z from '../zod.ts';

export const QueryParameter = z.object({
  name: z.string().check(z.regex(/^[a-z_][a-z0-9_]*$/)),
  type: z.enum(['date', 'string', 'integer']),
  label: z.object({ fr: z.string(), en: z.string() }),
  default: z.optional(z.union([z.string(), z.number()])),
});

export const SavedQuery = z
  .object({
    id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
    version: z.number().check(z.int(), z.positive()),
    title: z.object({ fr: z.string(), en: z.string() }),
    description: z.object({ fr: z.string(), en: z.string() }),
    parameters: z.array(QueryParameter),
    /** How the analyst screen charts the result. */
    chart: z.optional(z.object({ type: z.enum(['bar', 'line']), x: z.string(), y: z.string() })),
  })
  .register(z.globalRegistry, { id: 'SavedQuery' });
export type SavedQuery = z.infer<typeof SavedQuery>;

export const RunQueryRequest = z
  .strictObject({ parameters: z._default(z.record(z.string(), z.union([z.string(), z.number()])), {}) })
  .register(z.globalRegistry, { id: 'RunQueryRequest' });

export const QueryRun = z
  .object({
    runId: z.string(),
    queryId: z.string(),
    status: z.enum(['running', 'succeeded', 'failed']),
    engine: z.enum(['athena', 'duckdb']),
    startedAt: IsoDateTime,
    columns: z.optional(z.array(z.object({ name: z.string(), type: z.string() }))),
    rows: z.optional(z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])))),
    stats: z.optional(
      z.object({ durationMs: z.number(), bytesScanned: z.optional(z.number()), rowCount: z.number() }),
    ),
    error: z.optional(z.string()),
  })
  .register(z.globalRegistry, { id: 'QueryRun' });
export type QueryRun = z.infer<typeof QueryRun>;

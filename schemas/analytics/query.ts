/** The analysts' saved queries and their runs (Athena in the cloud, DuckDB locally). */
import * as z from 'zod';
import { IsoDateTime } from '../common.ts';

export const QueryParameter = z.object({
  name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  type: z.enum(['date', 'string', 'integer']),
  label: z.object({ fr: z.string(), en: z.string() }),
  default: z.union([z.string(), z.number()]).optional(),
});

export const SavedQuery = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.number().int().positive(),
    title: z.object({ fr: z.string(), en: z.string() }),
    description: z.object({ fr: z.string(), en: z.string() }),
    parameters: z.array(QueryParameter),
    /** How the analyst screen charts the result. */
    chart: z.object({ type: z.enum(['bar', 'line']), x: z.string(), y: z.string() }).optional(),
  })
  .meta({ id: 'SavedQuery' });
export type SavedQuery = z.infer<typeof SavedQuery>;

export const RunQueryRequest = z
  .object({ parameters: z.record(z.string(), z.union([z.string(), z.number()])).default({}) })
  .strict()
  .meta({ id: 'RunQueryRequest' });

export const QueryRun = z
  .object({
    runId: z.string(),
    queryId: z.string(),
    status: z.enum(['running', 'succeeded', 'failed']),
    engine: z.enum(['athena', 'duckdb']),
    startedAt: IsoDateTime,
    columns: z.array(z.object({ name: z.string(), type: z.string() })).optional(),
    rows: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))).optional(),
    stats: z
      .object({ durationMs: z.number(), bytesScanned: z.number().optional(), rowCount: z.number() })
      .optional(),
    error: z.string().optional(),
  })
  .meta({ id: 'QueryRun' });
export type QueryRun = z.infer<typeof QueryRun>;

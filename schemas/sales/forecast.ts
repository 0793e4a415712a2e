/**
 * A forecast (prévisions): for an advisor's or a branch's pipeline over a month or a quarter,
 * what is won, the open deals weighted by their stage's probability, the commit and the best case
 * (`functions/sales/objectives/forecast.ts`). Amounts are integer cents.
 */

import { Id } from '../common.ts';
import { ProductFamily } from '../customers/holding.ts';
import * as z from '../zod.ts';

export const ForecastQuery = z
  .object({
    period: z
      .string()
      .check(z.regex(/^\d{4}-((0[1-9]|1[0-2])|Q[1-4])$/, 'a month (2026-12) or a quarter (2026-Q4)')),
    ownerId: z.optional(Id),
    branchId: z.optional(Id),
    family: z.optional(ProductFamily),
  })
  .check(
    z.refine((query) => (query.ownerId === undefined) !== (query.branchId === undefined), {
      message: 'give exactly one of ownerId or branchId',
      path: ['ownerId'],
    }),
  );

const Cents = z.number().check(z.int(), z.nonnegative());

export const Forecast = z
  .object({
    wonCount: z.number().check(z.int()),
    wonCents: Cents,
    openCount: z.number().check(z.int()),
    weightedPipelineCents: Cents.check(z.describe('Open deals, each weighed by its stage’s probability.')),
    forecastCents: Cents.check(z.describe('Won plus the weighted pipeline.')),
    commitCents: Cents.check(z.describe('Won plus the deals at their pipeline’s last open stage.')),
    bestCaseCents: Cents.check(z.describe('Won plus every open deal.')),
  })
  .register(z.globalRegistry, { id: 'Forecast' });
export type Forecast = z.infer<typeof Forecast>;

export const ForecastAnswer = z
  .object({
    period: z.string(),
    from: z.iso.date(),
    until: z.iso.date().check(z.describe('The first day after the period.')),
    forecast: Forecast,
    byAdvisor: z
      .optional(z.record(z.string(), Forecast))
      .check(z.describe('For a branch: each advisor’s forecast, by advisor id.')),
  })
  .register(z.globalRegistry, { id: 'ForecastAnswer' });

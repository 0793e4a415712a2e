/**
 * A savings projection: a first deposit and a monthly one on a savings product, year by year, at
 * the catalogue's rate (a regulated rate is the State's of today: it may change). Amounts are
 * integer cents.
 */

import * as z from '../zod.ts';
import { ProductCode } from './product.ts';

const Cents = z.number().check(z.int(), z.nonnegative());

export const SavingsProjectionRequest = z
  .strictObject({
    productCode: ProductCode,
    initialCents: Cents,
    monthlyCents: z._default(Cents, 0),
    years: z.number().check(z.int(), z.minimum(1), z.maximum(40)),
  })
  .register(z.globalRegistry, { id: 'SavingsProjectionRequest' });
export type SavingsProjectionRequest = z.infer<typeof SavingsProjectionRequest>;

export const SavingsProjection = z
  .object({
    productCode: ProductCode,
    annualRatePercent: z.number(),
    regulated: z
      .boolean()
      .check(z.describe('The State sets the rate: the projection holds only while it does not change.')),
    ceilingCents: z.optional(Cents),
    years: z.array(
      z.object({
        year: z.number().check(z.int()),
        depositedCents: Cents,
        interestCents: Cents,
        balanceCents: Cents.check(z.describe('On 31 December, interest credited.')),
      }),
    ),
    totalDepositedCents: Cents,
    totalInterestCents: Cents,
    finalBalanceCents: Cents,
    ceilingReached: z.boolean().check(z.describe('The deposits stopped at the ceiling before the end.')),
  })
  .register(z.globalRegistry, { id: 'SavingsProjection' });
export type SavingsProjection = z.infer<typeof SavingsProjection>;

/**
 * A loan simulation (configurateur de vente): what the advisor enters — the product, the project's
 * amount less the down payment, the duration, the borrower's insurance and the customer's profile —
 * and what the simulator answers: the instalment, the amortisation schedule, the cost of the credit,
 * the TAEG and its check against the usury ceiling, and why the customer may not take the product
 * if they may not. Amounts are integer cents, rates per cent a year.
 */

import { IsoDate } from '../common.ts';
import { CustomerKind, Segment } from '../customers/customer.ts';
import * as z from '../zod.ts';
import { ProductCode } from './product.ts';

const Cents = z.number().check(z.int(), z.nonnegative());

/** A down payment (apport) is part of the project's price, never all of it. */
export const downPaymentBelowProject = z.refine<{ projectCents: number; downPaymentCents: number }>(
  (request) => request.downPaymentCents < request.projectCents,
  { message: 'the down payment must be less than the price of the project', path: ['downPaymentCents'] },
);

export const LoanSimulationRequest = z
  .strictObject({
    productCode: ProductCode,
    /** The project's price (the car, the home, the amount needed). */
    projectCents: Cents.check(z.positive()),
    downPaymentCents: z
      ._default(Cents, 0)
      .check(z.describe('The down payment (apport), taken off the amount lent.')),
    months: z.number().check(z.int(), z.minimum(1), z.maximum(480)),
    withInsurance: z
      ._default(z.boolean(), true)
      .check(z.describe('Borrower’s insurance; a product that requires it refuses false.')),
    customer: z._default(
      z.object({
        kind: z._default(CustomerKind, 'individual'),
        segment: z._default(Segment, 'mass_market'),
        birthDate: z.optional(IsoDate),
      }),
      { kind: 'individual', segment: 'mass_market' },
    ),
  })
  .check(downPaymentBelowProject)
  .register(z.globalRegistry, { id: 'LoanSimulationRequest' });
export type LoanSimulationRequest = z.infer<typeof LoanSimulationRequest>;

export const ScheduleLine = z.object({
  month: z.number().check(z.int()),
  paymentCents: Cents,
  interestCents: Cents,
  principalCents: Cents,
  insuranceCents: Cents,
  remainingCents: Cents,
});

const UsuryCategory = z.enum([
  'consumer-up-to-3000',
  'consumer-3000-to-6000',
  'consumer-over-6000',
  'mortgage-fixed-under-10y',
  'mortgage-fixed-10y-to-20y',
  'mortgage-fixed-20y-and-more',
  'mortgage-variable',
  'mortgage-bridging',
]);

/** The TAEG against the legal ceiling of the day's quarter (Code de la consommation, L314-6). */
export const UsuryVerdict = z.discriminatedUnion('status', [
  z.object({ status: z.literal('notApplicable') }),
  z.object({
    status: z.literal('unknown'),
    category: UsuryCategory,
    newestQuarter: IsoDate.check(
      z.describe('The newest quarter whose ceilings are known; the day is past it.'),
    ),
  }),
  z.object({
    status: z.enum(['within', 'above']),
    category: UsuryCategory,
    ceilingPercent: z.number(),
    quarter: IsoDate,
  }),
]);

export const LoanSimulation = z
  .object({
    productCode: ProductCode,
    principalCents: Cents,
    months: z.number().check(z.int()),
    annualRatePercent: z.number().check(z.describe('Nominal rate (taux débiteur).')),
    insuranceAnnualRatePercent: z.number(),
    monthlyPaymentCents: Cents.check(
      z.describe('Instalment without insurance; the last one absorbs the rounding.'),
    ),
    monthlyInsuranceCents: Cents,
    totalInterestCents: Cents,
    totalInsuranceCents: Cents,
    feesCents: Cents,
    totalCostCents: Cents,
    totalDueCents: Cents,
    taegPercent: z.number().check(z.describe('TAEG, two decimals (Directive 2008/48/EC, annex I).')),
    usury: UsuryVerdict,
    ineligibilities: z
      .array(z.enum(['customerKind', 'tooYoung', 'tooOld']))
      .check(z.describe('Why this customer may not take the product; empty when they may.')),
    schedule: z.array(ScheduleLine),
  })
  .register(z.globalRegistry, { id: 'LoanSimulation' });
export type LoanSimulation = z.infer<typeof LoanSimulation>;

/**
 * The bank's product catalogue as the sales context shows it: each product's family, its names in
 * French and English, who may hold it, and the parameters the simulator prices it with (loans:
 * amounts, durations, rate grid, fees, borrower's insurance; savings: rate and ceiling).
 * Amounts are integer cents, rates per cent a year.
 */

import { CustomerKind, Segment } from '../customers/customer.ts';
import { ProductFamily } from '../customers/holding.ts';
import * as z from '../zod.ts';

/** Product code, shared with the customer's holdings, e.g. `pret-conso`, `livret-a`. */
export const ProductCode = z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, 'lower-case letters, digits and -'));

/** A text in the two languages of the front end. */
export const Wording = z.object({ fr: z.string(), en: z.string() });

const Cents = z.number().check(z.int(), z.nonnegative());
const RatePercent = z.number().check(z.minimum(0), z.maximum(100));
const Months = z.number().check(z.int(), z.minimum(1), z.maximum(480));

/** Who may hold a product: kinds of customer and, where the product says so, an age range. */
export const Eligibility = z.object({
  customerKinds: z.array(CustomerKind),
  minAge: z.optional(z.number().check(z.int())),
  maxAge: z.optional(z.number().check(z.int(), z.describe('Last age at which the product may be opened.'))),
});

/** What a loan's price depends on: the duration, then the amount and the customer's segment. */
export const LoanParameters = z.object({
  kind: z.enum(['consumer', 'car', 'student', 'mortgage', 'professional']),
  minAmountCents: Cents,
  maxAmountCents: Cents,
  minMonths: Months,
  maxMonths: Months,
  /** Nominal rate by duration: the first band whose `upToMonths` covers the loan's. */
  rateGrid: z.array(z.object({ upToMonths: Months, annualRatePercent: RatePercent })),
  /** Added to the grid's rate below this amount (small loans cost more to run). */
  smallAmount: z.optional(z.object({ belowCents: Cents, addPercent: RatePercent })),
  /** Taken off the grid's rate for some segments (the bank's pricing policy). */
  segmentDiscountPercent: z.partialRecord(Segment, RatePercent),
  /** Arrangement fees: a share of the amount lent, within bounds. */
  fees: z.object({ percentOfAmount: RatePercent, minCents: Cents, maxCents: Cents }),
  /** Borrower's insurance, a yearly rate of the initial capital; required ones count in the TAEG either way. */
  insurance: z.object({ annualRatePercent: RatePercent, required: z.boolean() }),
});

/** A savings product's rate and ceiling (the rate of a regulated one is set by the State). */
export const SavingsParameters = z.object({
  annualRatePercent: RatePercent,
  ceilingCents: z.optional(Cents),
  regulated: z.boolean(),
});

export const Product = z
  .object({
    code: ProductCode,
    family: ProductFamily,
    name: Wording,
    description: Wording,
    eligibility: Eligibility,
    loan: z.optional(LoanParameters),
    savings: z.optional(SavingsParameters),
    /** What holding it costs a month (accounts, cards, insurance), in cents. */
    monthlyFeeCents: z.optional(Cents),
  })
  .register(z.globalRegistry, { id: 'Product' });
export type Product = z.infer<typeof Product>;
export type LoanParameters = z.infer<typeof LoanParameters>;
export type Eligibility = z.infer<typeof Eligibility>;

/**
 * How the catalogue prices a loan and who may take a product, pure: the nominal rate from the
 * product's grid (duration band, small-amount supplement, segment discount), the arrangement fees,
 * the usury category and the check of a TAEG against its quarter's ceiling, and a customer's
 * eligibility by kind and age.
 */
import type { Customer } from '#schemas/customers/customer.ts';
import type { Eligibility, LoanParameters } from '#schemas/sales/product.ts';
import { type UsuryCategory, usuryQuarters } from '../catalogue/usury-ceilings.ts';

/** The nominal annual rate in per cent for this amount, duration and segment (two decimals). */
export const loanRatePercent = (
  loan: LoanParameters,
  amountCents: number,
  months: number,
  segment: Customer['segment'],
): number => {
  const band = loan.rateGrid.find((line) => months <= line.upToMonths) ?? loan.rateGrid.at(-1);
  const small =
    loan.smallAmount && amountCents < loan.smallAmount.belowCents ? loan.smallAmount.addPercent : 0;
  const discount = loan.segmentDiscountPercent[segment] ?? 0;
  return Math.round(((band?.annualRatePercent ?? 0) + small - discount) * 100) / 100;
};

/** The arrangement fees: the product's share of the amount, within its bounds, in cents. */
export const loanFeesCents = (loan: LoanParameters, amountCents: number): number =>
  Math.min(
    loan.fees.maxCents,
    Math.max(loan.fees.minCents, Math.round((amountCents * loan.fees.percentOfAmount) / 100)),
  );

/** What a loan asks beyond the product's bounds: the amount lent, the duration, or both (empty when within). */
export const loanBoundsBreached = (
  loan: LoanParameters,
  amountCents: number,
  months: number,
): { bound: 'amount' | 'months'; message: string }[] => [
  ...(amountCents < loan.minAmountCents || amountCents > loan.maxAmountCents
    ? [
        {
          bound: 'amount' as const,
          message: `the amount lent must be between ${euros(loan.minAmountCents)} and ${euros(loan.maxAmountCents)} for this product`,
        },
      ]
    : []),
  ...(months < loan.minMonths || months > loan.maxMonths
    ? [
        {
          bound: 'months' as const,
          message: `the duration must be between ${loan.minMonths} and ${loan.maxMonths} months for this product`,
        },
      ]
    : []),
];

/** An amount as the API's messages write it, e.g. `1000.00 €`. */
export const euros = (cents: number) => `${(cents / 100).toFixed(2)} €`;

/**
 * The usury category of a loan (`usury-ceilings.ts`): consumer credit by the amount of credit,
 * fixed-rate mortgages by duration. Loans for a professional activity have none: only overdrafts
 * keep a ceiling there (Code monétaire et financier, L313-5-1).
 */
export const usuryCategoryOf = (
  kind: LoanParameters['kind'],
  amountCents: number,
  months: number,
): UsuryCategory | undefined => {
  if (kind === 'professional') return undefined;
  if (kind === 'mortgage') {
    if (months < 120) return 'mortgage-fixed-under-10y';
    return months < 240 ? 'mortgage-fixed-10y-to-20y' : 'mortgage-fixed-20y-and-more';
  }
  if (amountCents <= 300_000) return 'consumer-up-to-3000';
  return amountCents <= 600_000 ? 'consumer-3000-to-6000' : 'consumer-over-6000';
};

export type UsuryCheck =
  | { status: 'notApplicable' }
  /** No ceiling is known for that day: the newest quarter is older than three months. */
  | { status: 'unknown'; category: UsuryCategory; newestQuarter: string }
  | { status: 'within' | 'above'; category: UsuryCategory; ceilingPercent: number; quarter: string };

/**
 * A TAEG against the ceiling in force on `day` (ISO date): usurious only when it exceeds it
 * (L314-6, « excède »). A day past the three months of the newest quarter known has no ceiling:
 * the check says so rather than reuse old figures.
 */
export const usuryCheck = (
  category: UsuryCategory | undefined,
  taegPercent: number,
  day: string,
): UsuryCheck => {
  if (!category) return { status: 'notApplicable' };
  const quarter = usuryQuarters.find((candidate) => candidate.appliesFrom <= day);
  const newest = usuryQuarters[0]?.appliesFrom ?? '';
  if (!quarter || day >= monthsAfter(quarter.appliesFrom, 3)) {
    return { status: 'unknown', category, newestQuarter: newest };
  }
  const ceiling = quarter.ceilingsPercent[category];
  return {
    status: taegPercent > ceiling ? 'above' : 'within',
    category,
    ceilingPercent: ceiling,
    quarter: quarter.appliesFrom,
  };
};

/** The first day `months` months after an ISO date's (quarters start on the first of a month). */
const monthsAfter = (day: string, months: number): string => {
  const [year = 0, month = 1] = day.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
};

export type Ineligibility = 'customerKind' | 'tooYoung' | 'tooOld';

/** Why a customer may not take a product (empty when they may), by kind and by age on `day`. */
export const ineligibilities = (
  eligibility: Eligibility,
  customer: Pick<Customer, 'kind' | 'birthDate'>,
  day: string,
): Ineligibility[] => {
  const reasons: Ineligibility[] = [];
  if (!eligibility.customerKinds.includes(customer.kind)) reasons.push('customerKind');
  const age = customer.birthDate ? ageOn(customer.birthDate, day) : undefined;
  if (age !== undefined && eligibility.minAge !== undefined && age < eligibility.minAge)
    reasons.push('tooYoung');
  if (age !== undefined && eligibility.maxAge !== undefined && age > eligibility.maxAge)
    reasons.push('tooOld');
  return reasons;
};

/** Age in whole years on `day`: one more on each birthday (ISO dates compared as text). */
export const ageOn = (birthDate: string, day: string): number => {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) >= birthDate.slice(5) ? years : years - 1;
};

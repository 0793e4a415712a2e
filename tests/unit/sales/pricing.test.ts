/**
 * The catalogue's pricing and eligibility rules, on a product written here (not the catalogue's,
 * whose figures the bank changes): expected rates, fees, categories and ages worked out by hand;
 * the usury ceilings are the published ones of `usury-ceilings.ts` (1 January 2026 quarter).
 */
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  ineligibilities,
  loanBoundsBreached,
  loanFeesCents,
  loanRatePercent,
  usuryCategoryOf,
  usuryCheck,
} from '#functions/sales/simulator/pricing.ts';
import type { Eligibility, LoanParameters } from '#schemas/sales/product.ts';

const personalLoan: LoanParameters = {
  kind: 'consumer',
  minAmountCents: 100_000,
  maxAmountCents: 7_500_000,
  minMonths: 12,
  maxMonths: 84,
  rateGrid: [
    { upToMonths: 24, annualRatePercent: 4.9 },
    { upToMonths: 48, annualRatePercent: 5.4 },
    { upToMonths: 84, annualRatePercent: 5.9 },
  ],
  smallAmount: { belowCents: 300_000, addPercent: 1.5 },
  segmentDiscountPercent: { affluent: 0.2, private_banking: 0.4 },
  fees: { percentOfAmount: 1, minCents: 5_000, maxCents: 15_000 },
  insurance: { annualRatePercent: 0.3, required: false },
};

describe("a loan's price", () => {
  it('takes the first duration band that covers the loan, a band ending on the duration included', () => {
    expect(loanRatePercent(personalLoan, 1_000_000, 12, 'mass_market')).toBe(4.9);
    expect(loanRatePercent(personalLoan, 1_000_000, 24, 'mass_market')).toBe(4.9);
    expect(loanRatePercent(personalLoan, 1_000_000, 25, 'mass_market')).toBe(5.4);
    expect(loanRatePercent(personalLoan, 1_000_000, 84, 'mass_market')).toBe(5.9);
  });

  it('adds the small-amount supplement below its threshold and takes off the segment discount', () => {
    expect(loanRatePercent(personalLoan, 299_999, 24, 'mass_market')).toBe(6.4);
    expect(loanRatePercent(personalLoan, 300_000, 24, 'mass_market')).toBe(4.9);
    expect(loanRatePercent(personalLoan, 1_000_000, 36, 'private_banking')).toBe(5);
    expect(loanRatePercent(personalLoan, 1_000_000, 36, 'young')).toBe(5.4);
  });

  it('charges 1 % of the amount in fees, never under 50 € nor over 150 €', () => {
    expect(loanFeesCents(personalLoan, 1_000_000)).toBe(10_000);
    expect(loanFeesCents(personalLoan, 200_000)).toBe(5_000);
    expect(loanFeesCents(personalLoan, 5_000_000)).toBe(15_000);
  });

  it("names each field outside the product's bounds", () => {
    expect(loanBoundsBreached(personalLoan, 1_000_000, 36)).toEqual([]);
    expect(loanBoundsBreached(personalLoan, 99_999, 85)).toEqual([
      {
        bound: 'amount',
        message: 'the amount lent must be between 1000.00 € and 75000.00 € for this product',
      },
      { bound: 'months', message: 'the duration must be between 12 and 84 months for this product' },
    ]);
    expect(loanBoundsBreached(personalLoan, 7_500_000, 12)).toEqual([]);
  });
});

describe('the usury ceiling', () => {
  it('sorts consumer credit by amount (3,000 € and 6,000 € in the lower band) and mortgages by duration', () => {
    expect(usuryCategoryOf('consumer', 300_000, 24)).toBe('consumer-up-to-3000');
    expect(usuryCategoryOf('car', 300_001, 24)).toBe('consumer-3000-to-6000');
    expect(usuryCategoryOf('student', 600_000, 60)).toBe('consumer-3000-to-6000');
    expect(usuryCategoryOf('consumer', 600_001, 60)).toBe('consumer-over-6000');
    expect(usuryCategoryOf('mortgage', 20_000_000, 119)).toBe('mortgage-fixed-under-10y');
    expect(usuryCategoryOf('mortgage', 20_000_000, 120)).toBe('mortgage-fixed-10y-to-20y');
    expect(usuryCategoryOf('mortgage', 20_000_000, 240)).toBe('mortgage-fixed-20y-and-more');
    expect(usuryCategoryOf('professional', 20_000_000, 60)).toBeUndefined();
  });

  it('is exceeded only above the ceiling: 8.67 % is lawful over 6,000 € in the first quarter of 2026, 8.68 % is not', () => {
    expect(usuryCheck('consumer-over-6000', 8.67, '2026-02-15')).toEqual({
      status: 'within',
      category: 'consumer-over-6000',
      ceilingPercent: 8.67,
      quarter: '2026-01-01',
    });
    expect(usuryCheck('consumer-over-6000', 8.68, '2026-03-31')).toMatchObject({ status: 'above' });
    // The quarter before had its own figure: 8.73 %.
    expect(usuryCheck('consumer-over-6000', 8.7, '2025-12-31')).toMatchObject({
      status: 'within',
      ceilingPercent: 8.73,
    });
  });

  it('is unknown past the three months of the newest quarter, and absent for business loans', () => {
    expect(usuryCheck('mortgage-fixed-20y-and-more', 3.5, '2026-04-01')).toEqual({
      status: 'unknown',
      category: 'mortgage-fixed-20y-and-more',
      newestQuarter: '2026-01-01',
    });
    expect(usuryCheck(undefined, 30, '2026-02-01')).toEqual({ status: 'notApplicable' });
  });
});

describe("a customer's eligibility", () => {
  const youth: Eligibility = { customerKinds: ['individual', 'prospect'], minAge: 12, maxAge: 25 };

  it('counts age in whole years, one more on the birthday', () => {
    expect(ageOn('2000-06-15', '2026-06-14')).toBe(25);
    expect(ageOn('2000-06-15', '2026-06-15')).toBe(26);
  });

  it('refuses the wrong kind of customer and ages outside the range, and judges no age it does not know', () => {
    expect(ineligibilities(youth, { kind: 'individual', birthDate: '2001-06-15' }, '2026-06-14')).toEqual([]);
    expect(ineligibilities(youth, { kind: 'individual', birthDate: '2000-06-15' }, '2026-06-15')).toEqual([
      'tooOld',
    ]);
    expect(ineligibilities(youth, { kind: 'professional', birthDate: '2016-01-01' }, '2026-06-15')).toEqual([
      'customerKind',
      'tooYoung',
    ]);
    expect(ineligibilities(youth, { kind: 'prospect' }, '2026-06-15')).toEqual([]);
  });
});

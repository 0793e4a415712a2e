/**
 * The simulator's loan maths against figures worked out by hand (decimal arithmetic, cents
 * rounded half up: the schedule below was written row by row) and against the published worked
 * examples of the annual percentage rate in `taeg-worked-examples.ts`, each cited there.
 */
import { describe, expect, it } from 'vitest';
import {
  amortisationSchedule,
  annualPercentageRate,
  monthlyPayment,
  ratePercent,
  simulateLoan,
} from '#functions/sales/simulator/loan-maths.ts';
import { workedExamples } from './taeg-worked-examples.ts';

const toCents = (flows: readonly { amount: number; years: number }[]) =>
  flows.map((flow) => ({ cents: Math.round(flow.amount * 100), years: flow.years }));

describe('the annual percentage rate of charge (TAEG)', () => {
  for (const example of workedExamples) {
    it(`is the published ${example.publishedRatePercent} % of ${example.name}`, () => {
      const rate = annualPercentageRate(toCents(example.drawdowns), toCents(example.repayments));
      expect(ratePercent(rate, example.decimals)).toBe(example.publishedRatePercent);
    });
  }

  it('is the nominal rate compounded monthly when there are no fees: 6 % a year is 6.17 %', () => {
    // (1 + 0.06 / 12)^12 - 1 = 6.1678 %, by hand.
    expect(
      ratePercent(
        simulateLoan({ principalCents: 1_000_000, annualRate: 0.06, months: 12 }).annualPercentageRate,
      ),
    ).toBe(6.17);
  });

  it('is zero for a loan repaid as lent, and above zero once the lender keeps fees', () => {
    expect(
      ratePercent(simulateLoan({ principalCents: 120_000, annualRate: 0, months: 12 }).annualPercentageRate),
    ).toBe(0);
    const withFees = simulateLoan({
      principalCents: 120_000,
      annualRate: 0,
      months: 12,
      upfrontFeesCents: 3_000,
    });
    expect(withFees.annualPercentageRate).toBeGreaterThan(0.04);
  });

  it("charges the decree's 30.42 € a month for 1,000 € lent at 0.5 % a month over 36 months", () => {
    // Décret 2002-928, annexe, cinquième exemple (taeg-worked-examples.ts). Its 36 equal payments fall
    // short of the capital; the last instalment here is 30.50 € (by hand), hence 6.17 %, not 6.16 %.
    const loan = simulateLoan({ principalCents: 100_000, annualRate: 0.06, months: 36 });
    expect(loan.monthlyPaymentCents).toBe(3_042);
    expect(loan.schedule[35]?.paymentCents).toBe(3_050);
    expect(ratePercent(loan.annualPercentageRate)).toBe(6.17);
  });

  it('rounds as the annex says: a following figure of 5 or more rounds up', () => {
    expect(ratePercent(0.12345)).toBe(12.35);
    expect(ratePercent(0.123449)).toBe(12.34);
    expect(ratePercent(0.12955, 1)).toBe(13);
  });
});

describe('a loan of 10,000.00 € at 6 % over 12 months', () => {
  const terms = { principalCents: 1_000_000, annualRate: 0.06, months: 12 };

  it('is repaid by 860.66 € a month, the last instalment absorbing the rounding (860.70 €)', () => {
    expect(monthlyPayment(1_000_000, 0.06, 12)).toBe(86_066);
    const schedule = amortisationSchedule(terms);
    expect(schedule).toHaveLength(12);
    expect(schedule.slice(0, 2)).toEqual([
      {
        month: 1,
        paymentCents: 86_066,
        interestCents: 5_000,
        principalCents: 81_066,
        insuranceCents: 0,
        remainingCents: 918_934,
      },
      {
        month: 2,
        paymentCents: 86_066,
        interestCents: 4_595,
        principalCents: 81_471,
        insuranceCents: 0,
        remainingCents: 837_463,
      },
    ]);
    expect(schedule[10]).toMatchObject({
      interestCents: 854,
      principalCents: 85_212,
      remainingCents: 85_642,
    });
    expect(schedule[11]).toMatchObject({
      paymentCents: 86_070,
      interestCents: 428,
      principalCents: 85_642,
      remainingCents: 0,
    });
  });

  it('costs 327.96 € of interest, and with 150 € of fees and insurance at 0.36 % a year, 513.96 € in all', () => {
    expect(simulateLoan(terms).totalInterestCents).toBe(32_796);
    const insured = simulateLoan({ ...terms, insuranceAnnualRate: 0.0036, upfrontFeesCents: 15_000 });
    // Insurance: 10,000 € × 0.36 % / 12 = 3.00 € a month, 36.00 € in all.
    expect(insured.monthlyInsuranceCents).toBe(300);
    expect(insured.totalInsuranceCents).toBe(3_600);
    expect(insured.totalCostCents).toBe(32_796 + 3_600 + 15_000);
    expect(insured.totalDueCents).toBe(1_000_000 + 51_396);
    // Fees and insurance cost the borrower more than the nominal rate says.
    expect(ratePercent(insured.annualPercentageRate)).toBeGreaterThan(6.17);
  });
});

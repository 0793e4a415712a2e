/**
 * The savings projection against figures worked out by hand: interest within the year is simple
 * (a month's deposit earns for the months left), credited on 31 December.
 */
import { describe, expect, it } from 'vitest';
import { projectSavings } from '#functions/sales/simulator/savings-maths.ts';

describe('a savings projection', () => {
  it('credits 33.00 € the first year on 1,000 € and 100 € a month at 2 %, then earns on it', () => {
    // Year 1: 1,000 × 2 % = 20.00; deposits 100 × 2 % × (12 + 11 + … + 1) / 12 = 13.00.
    // Year 2: 2,233.00 × 2 % = 44.66; deposits 13.00 again.
    expect(
      projectSavings({ initialCents: 100_000, monthlyCents: 10_000, annualRate: 0.02, years: 2 }),
    ).toEqual([
      { year: 1, depositedCents: 220_000, interestCents: 3_300, balanceCents: 223_300 },
      { year: 2, depositedCents: 120_000, interestCents: 5_766, balanceCents: 349_066 },
    ]);
  });

  it('stops the deposits at the ceiling, and lets credited interest go beyond it', () => {
    // 1,500 € then 50 € a month under a 1,600 € ceiling: two deposits, then none.
    // Year 1: 30.00 + 50 × 2 % × 12/12 + 50 × 2 % × 11/12 = 31.9167 → 31.92. Year 2: 1,631.92 × 2 % = 32.64.
    expect(
      projectSavings({
        initialCents: 150_000,
        monthlyCents: 5_000,
        annualRate: 0.02,
        years: 2,
        ceilingCents: 160_000,
      }),
    ).toEqual([
      { year: 1, depositedCents: 160_000, interestCents: 3_192, balanceCents: 163_192 },
      { year: 2, depositedCents: 0, interestCents: 3_264, balanceCents: 166_456 },
    ]);
  });

  it('takes no more of a first deposit than the ceiling allows', () => {
    const [first] = projectSavings({
      initialCents: 500_000,
      monthlyCents: 0,
      annualRate: 0,
      years: 1,
      ceilingCents: 160_000,
    });
    expect(first).toEqual({ year: 1, depositedCents: 160_000, interestCents: 0, balanceCents: 160_000 });
  });
});

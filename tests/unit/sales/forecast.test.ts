/**
 * Forecast maths on a handful of deals written here, every expected figure added up by hand:
 * credit probabilities 10 / 25 / 50 / 75 %, savings 20 / 40 / 70 %.
 */
import { describe, expect, it } from 'vitest';
import {
  type ForecastDeal,
  forecastOf,
  periodBounds,
  progressTowards,
  rollUp,
} from '#functions/sales/objectives/forecast.ts';

const deal = (fields: Partial<ForecastDeal>): ForecastDeal => ({
  ownerId: 'camille',
  branchId: 'paris',
  family: 'loan',
  amountCents: 1_000_000,
  stage: 'qualification',
  expectedCloseOn: '2026-12-15',
  ...fields,
});

const deals: ForecastDeal[] = [
  // Camille, Paris: won 20,000 € in December; 10,000 € at proposal (50 %), 30,000 € in negotiation (75 %).
  deal({ amountCents: 2_000_000, stage: 'won', closedOn: '2026-12-03', expectedCloseOn: '2026-12-20' }),
  deal({ amountCents: 1_000_000, stage: 'proposal' }),
  deal({ amountCents: 3_000_000, stage: 'negotiation', expectedCloseOn: '2026-12-31' }),
  // Lost in December: counts for nothing.
  deal({ amountCents: 5_000_000, stage: 'lost', closedOn: '2026-12-02' }),
  // Expected in January: not December's.
  deal({ amountCents: 4_000_000, stage: 'negotiation', expectedCloseOn: '2027-01-05' }),
  // Won in November, expected in December: counted when it closed.
  deal({ amountCents: 700_000, stage: 'won', closedOn: '2026-11-28' }),
  // Hugo, Paris: savings, 5,000 € at proposal (70 %), the savings pipeline's last open stage.
  deal({ ownerId: 'hugo', family: 'savings', amountCents: 500_000, stage: 'proposal' }),
  // Léa, Lyon: won 8,000 € of credit.
  deal({ ownerId: 'lea', branchId: 'lyon', amountCents: 800_000, stage: 'won', closedOn: '2026-12-10' }),
];

describe('a forecast', () => {
  it("adds won deals, weighs open ones, and commits the deals at their pipeline's last stage", () => {
    // Won 20,000 + 8,000 = 28,000 €; weighted 10,000 × 50 % + 30,000 × 75 % + 5,000 × 70 % = 31,000 €.
    // Commit: won + 30,000 (negotiation) + 5,000 (savings proposal) = 63,000 €; best case: won + 45,000 = 73,000 €.
    expect(forecastOf(deals, '2026-12')).toEqual({
      wonCount: 2,
      wonCents: 2_800_000,
      openCount: 3,
      weightedPipelineCents: 3_100_000,
      forecastCents: 5_900_000,
      commitCents: 6_300_000,
      bestCaseCents: 7_300_000,
    });
  });

  it('keeps to one product family when asked, and to the whole quarter for a quarter', () => {
    expect(forecastOf(deals, '2026-12', 'savings')).toMatchObject({
      wonCents: 0,
      weightedPipelineCents: 350_000,
    });
    // Q4 adds November's 7,000 € won.
    expect(forecastOf(deals, '2026-Q4')).toMatchObject({ wonCount: 3, wonCents: 3_500_000 });
  });

  it('rolls up advisor → branch → network from the same deals', () => {
    const rolled = rollUp(deals, '2026-12');
    expect(rolled.byAdvisor.camille).toMatchObject({ wonCents: 2_000_000, weightedPipelineCents: 2_750_000 });
    expect(rolled.byAdvisor.hugo).toMatchObject({ wonCents: 0, weightedPipelineCents: 350_000 });
    expect(rolled.byBranch.paris).toMatchObject({ wonCents: 2_000_000, weightedPipelineCents: 3_100_000 });
    expect(rolled.byBranch.lyon).toMatchObject({ wonCents: 800_000, weightedPipelineCents: 0 });
    expect(rolled.network.forecastCents).toBe(5_900_000);
  });
});

describe('progress towards an objective', () => {
  it('says how much of the target is won and where the forecast would take it', () => {
    const december = forecastOf(deals, '2026-12');
    // Target 4 deals and 50,000 €: 2 won = 50 %, 28,000 € = 56 %, forecast 59,000 € = 118 %.
    expect(progressTowards({ countTarget: 4, amountTargetCents: 5_000_000 }, december)).toEqual({
      countPercent: 50,
      amountPercent: 56,
      forecastAmountPercent: 118,
    });
    expect(progressTowards({ countTarget: 0, amountTargetCents: 0 }, december).countPercent).toBe(100);
  });
});

describe('a period', () => {
  it('is a calendar month or quarter, its end the first day after it', () => {
    expect(periodBounds('2026-12')).toEqual({ from: '2026-12-01', until: '2027-01-01' });
    expect(periodBounds('2026-Q4')).toEqual({ from: '2026-10-01', until: '2027-01-01' });
    expect(periodBounds('2027-Q1')).toEqual({ from: '2027-01-01', until: '2027-04-01' });
    expect(() => periodBounds('2026-13')).toThrow();
  });
});

/**
 * Objectives and forecasts, pure: what a period has won, what its pipeline is worth weighted by
 * each stage's probability, the commit (won, plus the deals at their pipeline's last open stage:
 * those the advisor expects to sign) and the best case (won, plus every open deal), per product
 * family, for an advisor, a branch or the whole network; and how far they go towards an objective
 * in count and amount. Periods are calendar months (`2026-12`) or quarters (`2026-Q4`); a deal
 * counts in the period it closed in, or for an open one, the period it is expected to close in.
 */
import type { Forecast } from '#schemas/sales/forecast.ts';
import { type ProductFamily, pipelines, probabilityPercent, type Stage } from '#schemas/sales/pipeline.ts';

export type Period = string;

export type ForecastDeal = {
  ownerId: string;
  branchId: string;
  family: ProductFamily;
  amountCents: number;
  stage: Stage;
  /** For an open deal, when the advisor expects to sign (ISO date). */
  expectedCloseOn: string;
  /** For a won or lost deal, the day it was (ISO date). */
  closedOn?: string;
};

/** The first day of `period` and the first day after it, as ISO dates. */
export const periodBounds = (period: Period): { from: string; until: string } => {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  const [year, first, length] = month
    ? [Number(month[1]), Number(month[2]), 1]
    : quarter
      ? [Number(quarter[1]), (Number(quarter[2]) - 1) * 3 + 1, 3]
      : [Number.NaN, Number.NaN, 0];
  if (!Number.isInteger(year) || first < 1 || first > 12)
    throw new Error(`not a month or a quarter: ${period}`);
  const day = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
  const start = year * 12 + first - 1;
  return { from: day(start), until: day(start + length) };
};

/** Whether a deal counts in the period: closed in it, or still open and expected to close in it. */
const inPeriod = (deal: ForecastDeal, { from, until }: { from: string; until: string }) => {
  const day = deal.stage === 'won' || deal.stage === 'lost' ? deal.closedOn : deal.expectedCloseOn;
  return day !== undefined && day >= from && day < until;
};

const lastOpenStage = (family: ProductFamily) => pipelines[family].at(-1)?.stage;

/** The forecast of `deals` over `period`, for one product family or all of them. */
export const forecastOf = (
  deals: readonly ForecastDeal[],
  period: Period,
  family?: ProductFamily,
): Forecast => {
  const bounds = periodBounds(period);
  const counted = deals.filter((deal) => inPeriod(deal, bounds) && (!family || deal.family === family));
  const won = counted.filter((deal) => deal.stage === 'won');
  const open = counted.filter((deal) => deal.stage !== 'won' && deal.stage !== 'lost');
  const wonCents = sum(won.map((deal) => deal.amountCents));
  const weightedPipelineCents = Math.round(
    sum(open.map((deal) => (deal.amountCents * probabilityPercent(deal.family, deal.stage)) / 100)),
  );
  return {
    wonCount: won.length,
    wonCents,
    openCount: open.length,
    weightedPipelineCents,
    forecastCents: wonCents + weightedPipelineCents,
    commitCents:
      wonCents +
      sum(open.filter((deal) => deal.stage === lastOpenStage(deal.family)).map((deal) => deal.amountCents)),
    bestCaseCents: wonCents + sum(open.map((deal) => deal.amountCents)),
  };
};

export type RolledUp = {
  network: Forecast;
  byBranch: Record<string, Forecast>;
  byAdvisor: Record<string, Forecast>;
};

/** The forecast of each advisor, each branch and the network, from the same deals. */
export const rollUp = (deals: readonly ForecastDeal[], period: Period, family?: ProductFamily): RolledUp => {
  // Map.groupBy is Node 21's; the sandbox runs Node 20.
  const groups = (key: (deal: ForecastDeal) => string) => {
    const byKey = new Map<string, ForecastDeal[]>();
    for (const deal of deals) byKey.set(key(deal), [...(byKey.get(key(deal)) ?? []), deal]);
    return Object.fromEntries([...byKey].map(([id, group]) => [id, forecastOf(group, period, family)]));
  };
  return {
    network: forecastOf(deals, period, family),
    byBranch: groups((deal) => deal.branchId),
    byAdvisor: groups((deal) => deal.ownerId),
  };
};

export type Objective = { countTarget: number; amountTargetCents: number };

export type Progress = {
  /** Won so far, in per cent of the target (one decimal). */
  countPercent: number;
  amountPercent: number;
  /** Where the forecast would take the amount, in per cent of the target. */
  forecastAmountPercent: number;
};

/** How far a forecast goes towards an objective. A target of zero is met: 100 %. */
export const progressTowards = (objective: Objective, forecast: Forecast): Progress => ({
  countPercent: percentOf(forecast.wonCount, objective.countTarget),
  amountPercent: percentOf(forecast.wonCents, objective.amountTargetCents),
  forecastAmountPercent: percentOf(forecast.forecastCents, objective.amountTargetCents),
});

const percentOf = (value: number, target: number) =>
  target === 0 ? 100 : Math.round((value * 1000) / target) / 10;

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/**
 * The opportunity pipeline (affaires), shared by the API and the web front end: the stages a
 * deal passes through for its product family, each with its win probability and the days after
 * which a deal sitting there is stalled, and the moves allowed between them. A deal moves forward
 * one stage at a time (each stage is work done with the customer: no proposal without the needs
 * analysed), back to any earlier open stage, to `lost` from any open stage (with a reason), and to
 * `won` from its pipeline's last open stage only. `won` and `lost` are final: a customer who comes
 * back is a new opportunity, so the record of what was lost, and why, stays as it was.
 */
import type { Holding } from '../customers/holding.ts';
import * as z from '../zod.ts';

export const openStages = ['qualification', 'needs_analysis', 'proposal', 'negotiation'] as const;
export type OpenStage = (typeof openStages)[number];
export const Stage = z.enum([...openStages, 'won', 'lost']);
export type Stage = z.infer<typeof Stage>;
export type ProductFamily = Holding['family'];

export const lostReasons = [
  'price',
  'competitor',
  'customer_declined',
  'not_eligible',
  'no_response',
  'other',
] as const;
export const LostReason = z.enum(lostReasons);
export type LostReason = z.infer<typeof LostReason>;

export type PipelineStage = {
  stage: OpenStage;
  /** Chance of winning a deal at this stage, in per cent: the forecast weighs the amount by it. */
  probabilityPercent: number;
  /** Days at this stage after which the deal is stalled (the advisor is reminded). */
  stalledAfterDays: number;
};

/**
 * The pipeline of each product family, in order. Credit goes through every stage (a proposal is
 * a priced quote, then terms are negotiated); savings and insurance are not negotiated; a current
 * account or a card is proposed once the need is known.
 */
export const pipelines: Record<ProductFamily, readonly PipelineStage[]> = {
  loan: [
    { stage: 'qualification', probabilityPercent: 10, stalledAfterDays: 14 },
    { stage: 'needs_analysis', probabilityPercent: 25, stalledAfterDays: 14 },
    { stage: 'proposal', probabilityPercent: 50, stalledAfterDays: 21 },
    { stage: 'negotiation', probabilityPercent: 75, stalledAfterDays: 14 },
  ],
  savings: [
    { stage: 'qualification', probabilityPercent: 20, stalledAfterDays: 14 },
    { stage: 'needs_analysis', probabilityPercent: 40, stalledAfterDays: 14 },
    { stage: 'proposal', probabilityPercent: 70, stalledAfterDays: 21 },
  ],
  insurance: [
    { stage: 'qualification', probabilityPercent: 20, stalledAfterDays: 14 },
    { stage: 'needs_analysis', probabilityPercent: 40, stalledAfterDays: 14 },
    { stage: 'proposal', probabilityPercent: 60, stalledAfterDays: 21 },
  ],
  account: [
    { stage: 'qualification', probabilityPercent: 30, stalledAfterDays: 7 },
    { stage: 'proposal', probabilityPercent: 70, stalledAfterDays: 14 },
  ],
  card: [
    { stage: 'qualification', probabilityPercent: 30, stalledAfterDays: 7 },
    { stage: 'proposal', probabilityPercent: 70, stalledAfterDays: 14 },
  ],
};

/** The stage a new deal of this family starts at. */
export const firstStage = (family: ProductFamily): OpenStage =>
  pipelines[family][0]?.stage ?? 'qualification';

/** The win probability of a deal at `stage`, in per cent: 100 once won, 0 once lost. */
export const probabilityPercent = (family: ProductFamily, stage: Stage): number => {
  if (stage === 'won') return 100;
  if (stage === 'lost') return 0;
  return pipelines[family].find((line) => line.stage === stage)?.probabilityPercent ?? 0;
};

/** The stages a deal at `from` may move to, in the pipeline's order, `won` and `lost` last. */
export const allowedMoves = (family: ProductFamily, from: Stage): Stage[] => {
  if (from === 'won' || from === 'lost') return [];
  const stages = pipelines[family].map((line) => line.stage);
  const at = stages.indexOf(from);
  if (at < 0) return [];
  const next = stages[at + 1];
  return [...stages.slice(0, at), ...(next ? [next] : ['won' as const]), 'lost'];
};

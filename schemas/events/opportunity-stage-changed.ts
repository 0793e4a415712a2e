import { Id } from '../common.ts';
import { ProductFamily } from '../customers/holding.ts';
import { LostReason, Stage } from '../sales/pipeline.ts';
import * as z from '../zod.ts';
import { type EventDefinition, eventDetail } from './envelope.ts';

const moved = {
  opportunityId: Id,
  customerId: Id,
  branchId: Id,
  ownerId: Id,
  productCode: z.string(),
  family: ProductFamily,
  amountCents: z.number().check(z.int(), z.positive()),
  version: z.number().check(z.int(), z.positive()),
};

/** A deal moved from one stage to another (won and lost included); who moved it is the actor. */
export const OpportunityStageChangedV1 = eventDetail(1, {
  ...moved,
  from: Stage,
  to: Stage,
  probabilityPercent: z.number().check(z.int(), z.minimum(0), z.maximum(100)),
}).register(z.globalRegistry, { id: 'OpportunityStageChangedV1' });

export const OpportunityStageChanged = {
  source: 'relais.sales',
  detailType: 'OpportunityStageChanged',
  detail: OpportunityStageChangedV1,
} satisfies EventDefinition;

/** A deal won: the customer signed. */
export const OpportunityWonV1 = eventDetail(1, {
  ...moved,
  closedOn: z.iso.date(),
  holdingId: z.optional(Id).check(z.describe('The holding the deal opened on the customer.')),
}).register(z.globalRegistry, {
  id: 'OpportunityWonV1',
});

export const OpportunityWon = {
  source: 'relais.sales',
  detailType: 'OpportunityWon',
  detail: OpportunityWonV1,
} satisfies EventDefinition;

/** A deal lost, with its reason (the note, free text, stays on the deal). */
export const OpportunityLostV1 = eventDetail(1, {
  ...moved,
  closedOn: z.iso.date(),
  lostReason: LostReason,
}).register(z.globalRegistry, { id: 'OpportunityLostV1' });

export const OpportunityLost = {
  source: 'relais.sales',
  detailType: 'OpportunityLost',
  detail: OpportunityLostV1,
} satisfies EventDefinition;

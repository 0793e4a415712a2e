import { Id, IsoDate } from '../common.ts';
import { ProductFamily } from '../customers/holding.ts';
import { OpportunitySource } from '../sales/opportunity.ts';
import { Stage } from '../sales/pipeline.ts';
import * as z from '../zod.ts';
import { type EventDefinition, eventDetail } from './envelope.ts';

/** A deal opened for a customer; who opened it is the actor. */
export const OpportunityCreatedV1 = eventDetail(1, {
  opportunityId: Id,
  customerId: Id,
  branchId: Id,
  ownerId: Id,
  productCode: z.string(),
  family: ProductFamily,
  amountCents: z.number().check(z.int(), z.positive()),
  expectedCloseOn: IsoDate,
  source: OpportunitySource,
  campaignId: z.optional(Id),
  stage: Stage,
}).register(z.globalRegistry, { id: 'OpportunityCreatedV1' });
export type OpportunityCreatedV1 = z.infer<typeof OpportunityCreatedV1>;

export const OpportunityCreated = {
  source: 'relais.sales',
  detailType: 'OpportunityCreated',
  detail: OpportunityCreatedV1,
} satisfies EventDefinition;

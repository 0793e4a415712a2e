import { Id } from '../common.ts';
import * as z from '../zod.ts';
import { type EventDefinition, eventDetail } from './envelope.ts';

/** An open deal's details changed (its owner, amount, expected closing or title); who did is the actor. */
export const OpportunityUpdatedV1 = eventDetail(1, {
  opportunityId: Id,
  customerId: Id,
  branchId: Id,
  ownerId: Id,
  previousOwnerId: z.optional(Id),
  changedFields: z.array(z.enum(['title', 'amountCents', 'expectedCloseOn', 'ownerId'])),
  version: z.number().check(z.int(), z.positive()),
}).register(z.globalRegistry, { id: 'OpportunityUpdatedV1' });

export const OpportunityUpdated = {
  source: 'relais.sales',
  detailType: 'OpportunityUpdated',
  detail: OpportunityUpdatedV1,
} satisfies EventDefinition;

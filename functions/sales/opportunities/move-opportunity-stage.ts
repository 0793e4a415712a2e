/**
 * Moves an opportunity of a customer the caller may see to another stage, from the version they
 * read: OpportunityStageChanged, and OpportunityWon or OpportunityLost when it closes, go with it.
 * A move someone made first is a 409 with the version now stored. Audited.
 */
import {
  OpportunityLost,
  OpportunityStageChanged,
  OpportunityWon,
} from '#schemas/events/opportunity-stage-changed.ts';
import type { Caller } from '#schemas/roles.ts';
import type { Route } from '#schemas/routes.ts';
import type { Opportunity } from '#schemas/sales/opportunity.ts';
import { recordAccess } from '#shared/audit.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { domainEvent } from '#shared/outbox.ts';
import { applyStageMove } from './apply-stage-move.ts';
import { saveOpportunity, visibleOpportunity } from './visible-opportunity.ts';

export const moveOpportunityStage: RouteHandler<Route<'moveOpportunityStage'>> = async ({
  params,
  body,
  caller,
  expectedVersion,
  accessReason,
}) => {
  const current = await visibleOpportunity(caller, params, accessReason);
  const next = applyStageMove(current, body, caller, expectedVersion, new Date().toISOString());
  await saveOpportunity(current, next, stageEvents(current, next, caller));
  await recordAccess(caller, current.customerId, 'opportunity.stageChange', accessReason);
  return next;
};

/** The events of a move: the stage change, and the win or the loss when it closes the deal. */
const stageEvents = (current: Opportunity, next: Opportunity, caller: Caller) => {
  const facts = {
    opportunityId: next.id,
    customerId: next.customerId,
    branchId: next.branchId,
    ownerId: next.ownerId,
    productCode: next.productCode,
    family: next.family,
    amountCents: next.amountCents,
    version: next.version,
  };
  const changed = domainEvent(
    OpportunityStageChanged,
    { ...facts, from: current.stage, to: next.stage, probabilityPercent: next.probabilityPercent },
    caller,
    next.updatedAt,
  );
  if (next.stage === 'won' && next.closedOn) {
    return [
      changed,
      domainEvent(OpportunityWon, { ...facts, closedOn: next.closedOn }, caller, next.updatedAt),
    ];
  }
  if (next.stage === 'lost' && next.closedOn && next.lostReason) {
    return [
      changed,
      domainEvent(
        OpportunityLost,
        { ...facts, closedOn: next.closedOn, lostReason: next.lostReason },
        caller,
        next.updatedAt,
      ),
    ];
  }
  return [changed];
};

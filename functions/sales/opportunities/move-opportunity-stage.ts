/**
 * Moves an opportunity of a customer the caller may see to another stage, from the version they
 * read: OpportunityStageChanged, and OpportunityWon or OpportunityLost when it closes, go with it;
 * a won deal opens its holding on the customer in the same transaction (`won-holding.ts`).
 * A move someone made first is a 409 with the version now stored. Audited.
 */
import { randomUUID } from 'node:crypto';
import { holdingItem } from '#functions/customers/access.ts';
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
import { productByCode } from '../catalogue/catalogue.ts';
import { getQuote } from '../store/quotes-store.ts';
import { applyStageMove } from './apply-stage-move.ts';
import { saveOpportunity, visibleOpportunity } from './visible-opportunity.ts';
import { wonHolding } from './won-holding.ts';

export const moveOpportunityStage: RouteHandler<Route<'moveOpportunityStage'>> = async ({
  params,
  body,
  caller,
  expectedVersion,
  accessReason,
}) => {
  const current = await visibleOpportunity(caller, params, accessReason);
  const moved = applyStageMove(current, body, caller, expectedVersion, new Date().toISOString());
  const holding = await holdingOpenedBy(moved);
  const next = holding ? { ...moved, holdingId: holding.id } : moved;
  await saveOpportunity(
    current,
    next,
    stageEvents(current, next, caller),
    holding ? [holdingItem(next.customerId, holding)] : [],
  );
  await recordAccess(caller, current.customerId, 'opportunity.stageChange', accessReason);
  return next;
};

/** The holding a deal just won opens (from its accepted quote, for a loan); none otherwise. */
const holdingOpenedBy = async (deal: Opportunity) => {
  if (deal.stage !== 'won' || !deal.closedOn) return undefined;
  const product = productByCode(deal.productCode);
  if (!product)
    throw new Error(`deal ${deal.id} is on product ${deal.productCode}, no longer in the catalogue`);
  const quote =
    deal.acceptedQuote === undefined
      ? undefined
      : await getQuote(deal.customerId, deal.id, deal.acceptedQuote);
  return wonHolding({ ...deal, closedOn: deal.closedOn }, product, quote, `h-${randomUUID()}`);
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
      domainEvent(
        OpportunityWon,
        { ...facts, closedOn: next.closedOn, ...(next.holdingId ? { holdingId: next.holdingId } : {}) },
        caller,
        next.updatedAt,
      ),
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

/**
 * The one way a use case reaches an opportunity: through its customer, within the caller's
 * branch scope (another branch's customer is a 404, the attempt audited), or a 404 when the
 * customer holds no such deal.
 */
import { visibleCustomer } from '#functions/customers/access.ts';
import type { AccessReason } from '#schemas/audit.ts';
import type { Customer } from '#schemas/customers/customer.ts';
import type { Caller } from '#schemas/roles.ts';
import type { Opportunity } from '#schemas/sales/opportunity.ts';
import { Conflict, NotFound, ValidationFailed } from '#shared/errors.ts';
import type { OutboxEvent } from '#shared/outbox.ts';
import { getOpportunity, replaceOpportunity } from '../store/opportunities-store.ts';

export const visibleOpportunity = async (
  caller: Caller,
  params: { customerId: string; opportunityId: string },
  reason: AccessReason,
): Promise<Opportunity> => (await visibleDeal(caller, params, reason)).opportunity;

/** The opportunity with its customer (whose profile prices a quote). */
export const visibleDeal = async (
  caller: Caller,
  params: { customerId: string; opportunityId: string },
  reason: AccessReason,
): Promise<{ customer: Customer; opportunity: Opportunity }> => {
  const customer = await visibleCustomer(caller, params.customerId, reason);
  const opportunity = await getOpportunity(customer.id, params.opportunityId);
  if (!opportunity) throw new NotFound('This opportunity');
  return { customer, opportunity };
};

/** A quote is issued and accepted on an open deal only. */
export const refuseClosed = (opportunity: Opportunity) => {
  if (opportunity.stage === 'won' || opportunity.stage === 'lost') {
    throw new ValidationFailed([
      {
        field: 'opportunityId',
        message: `this deal is ${opportunity.stage}: its quotes can no longer change`,
      },
    ]);
  }
};

/**
 * Stores `next` and its events if the deal is still as the caller read it; otherwise a 409 with
 * the version now stored (someone changed it in between: the database's version condition).
 */
export const saveOpportunity = async (
  current: Opportunity,
  next: Opportunity,
  events: readonly (OutboxEvent & { eventId: string })[],
  alsoPut: readonly Record<string, unknown>[] = [],
): Promise<Opportunity> => {
  if (await replaceOpportunity(current, next, events, alsoPut)) return next;
  const stored = await getOpportunity(current.customerId, current.id);
  throw new Conflict(
    'Someone changed this opportunity at the same moment. Reload it and try again.',
    stored?.version,
  );
};

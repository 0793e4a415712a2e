/**
 * Records that the customer accepted one of an open deal's quotes, from the deal's version the
 * caller read: the deal's amount becomes the amount lent, and winning it opens that loan. An offer
 * past its day is refused (issue a new one). QuoteAccepted goes with it. Audited.
 */
import { QuoteAccepted } from '#schemas/events/quote-issued.ts';
import type { Route } from '#schemas/routes.ts';
import { recordAccess } from '#shared/audit.ts';
import { Conflict, NotFound, ValidationFailed } from '#shared/errors.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { domainEvent } from '#shared/outbox.ts';
import { refuseClosed, saveOpportunity, visibleOpportunity } from '../opportunities/visible-opportunity.ts';
import { getQuote } from '../store/quotes-store.ts';
import { quoteFacts } from './quote-facts.ts';

export const acceptQuote: RouteHandler<Route<'acceptQuote'>> = async ({
  params,
  caller,
  expectedVersion,
  accessReason,
}) => {
  const current = await visibleOpportunity(caller, params, accessReason);
  if (current.version !== expectedVersion) {
    throw new Conflict(
      `This deal changed since you read it (you read version ${expectedVersion}, it is now ${current.version}). Reload it and check the quote again.`,
      current.version,
    );
  }
  refuseClosed(current);
  const quote = await getQuote(current.customerId, current.id, params.number);
  if (!quote) throw new NotFound('This quote');
  const now = new Date().toISOString();
  if (quote.validUntil < now.slice(0, 10)) {
    throw new ValidationFailed([
      { field: 'number', message: `this offer held until ${quote.validUntil}: issue a new quote` },
    ]);
  }
  const next = {
    ...current,
    acceptedQuote: quote.number,
    amountCents: quote.terms.principalCents,
    updatedAt: now,
    updatedBy: caller.id,
    version: current.version + 1,
  };
  await saveOpportunity(current, next, [domainEvent(QuoteAccepted, quoteFacts(next, quote), caller, now)]);
  await recordAccess(caller, current.customerId, 'quote.accept', accessReason);
  return next;
};

/** A deal's quotes, the first one first, for a customer the caller may see. Audited. */
import type { Route } from '#schemas/routes.ts';
import { recordAccess } from '#shared/audit.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { visibleOpportunity } from '../opportunities/visible-opportunity.ts';
import { listQuotes as quotesOf } from '../store/quotes-store.ts';

export const listQuotes: RouteHandler<Route<'listQuotes'>> = async ({ params, caller, accessReason }) => {
  const deal = await visibleOpportunity(caller, params, accessReason);
  const [items] = await Promise.all([
    quotesOf(deal.customerId, deal.id),
    recordAccess(caller, deal.customerId, 'quote.list', accessReason),
  ]);
  return { items };
};

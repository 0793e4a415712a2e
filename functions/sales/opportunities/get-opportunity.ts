/** One opportunity of a customer the caller may see (audited: it shows the file). */
import { visibleCustomer } from '#functions/customers/access.ts';
import type { Route } from '#schemas/routes.ts';
import { recordAccess } from '#shared/audit.ts';
import { NotFound } from '#shared/errors.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { getOpportunity as stored } from '../store/opportunities-store.ts';

export const getOpportunity: RouteHandler<Route<'getOpportunity'>> = async ({
  params,
  caller,
  accessReason,
}) => {
  const customer = await visibleCustomer(caller, params.customerId, accessReason);
  const opportunity = await stored(customer.id, params.opportunityId);
  if (!opportunity) throw new NotFound('This opportunity');
  await recordAccess(caller, customer.id, 'opportunity.read', accessReason);
  return opportunity;
};

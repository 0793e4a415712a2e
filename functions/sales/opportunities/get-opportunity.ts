/** One opportunity of a customer the caller may see (audited: it shows the file). */
import type { Route } from '#schemas/routes.ts';
import { recordAccess } from '#shared/audit.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { visibleOpportunity } from './visible-opportunity.ts';

export const getOpportunity: RouteHandler<Route<'getOpportunity'>> = async ({
  params,
  caller,
  accessReason,
}) => {
  const opportunity = await visibleOpportunity(caller, params, accessReason);
  await recordAccess(caller, opportunity.customerId, 'opportunity.read', accessReason);
  return opportunity;
};

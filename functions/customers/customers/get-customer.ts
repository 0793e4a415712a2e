/** Reads a customer file (audited). */
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { recordAccess } from '../audit/record-access.ts';
import { visibleCustomer } from './visible-customer.ts';

export const getCustomer: RouteHandler<Route<'getCustomer'>> = async ({ params, caller, accessReason }) => {
  const customer = await visibleCustomer(caller, params.customerId, accessReason);
  await recordAccess(caller, customer.id, 'customer.read', accessReason);
  return customer;
};

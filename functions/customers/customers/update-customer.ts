/** Updates a customer's own details (names, contact points, address), guarded by its version. */
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { applyUpdate } from '../domain/customer.ts';
import { saveChange } from './save-change.ts';
import { visibleCustomer } from './visible-customer.ts';

export const updateCustomer: RouteHandler<Route<'updateCustomer'>> = async ({
  params,
  body,
  caller,
  expectedVersion,
  accessReason,
}) => {
  const current = await visibleCustomer(caller, params.customerId, accessReason);
  const change = applyUpdate(current, body, caller, expectedVersion, new Date().toISOString());
  return saveChange(caller, current, change, { action: 'customer.update', reason: accessReason });
};

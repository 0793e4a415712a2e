/** The customer's timeline page by page, from the 360° file's `timelineCursor` on (audited). */
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { recordAccess } from '../audit/record-access.ts';
import { listTimeline } from '../store/customers-store.ts';
import { visibleCustomer } from './visible-customer.ts';

export const listCustomerTimeline: RouteHandler<Route<'listCustomerTimeline'>> = async ({
  params,
  query,
  caller,
  accessReason,
}) => {
  const customer = await visibleCustomer(caller, params.customerId, accessReason);
  const [page] = await Promise.all([
    listTimeline(customer.id, query.cursor, query.limit),
    recordAccess(caller, customer.id, 'customer.readTimeline', accessReason),
  ]);
  return page;
};

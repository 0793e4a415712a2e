/** Who read or changed a customer file, newest first (administrators). */
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { listAudit } from '../store/audit-store.ts';

export const listCustomerAudit: RouteHandler<Route<'listCustomerAudit'>> = async ({ params, query }) =>
  listAudit(params.customerId, query.cursor, query.limit);

/** Who read or changed a customer file, newest first (administrators). */
import type { Route } from '#schemas/routes.ts';
import { listAudit } from '#shared/audit.ts';
import type { RouteHandler } from '#shared/http/api.ts';

export const listCustomerAudit: RouteHandler<Route<'listCustomerAudit'>> = async ({ params, query }) =>
  listAudit(params.customerId, query.cursor, query.limit);

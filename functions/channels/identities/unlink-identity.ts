/** Undoes a visitor's link to a customer (a shared device, a mistaken login); idempotent. */
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { unlinkVisitor } from '../identity-links.ts';

export const unlinkIdentity: RouteHandler<Route<'unlinkIdentity'>> = async ({ params, caller }) => {
  await unlinkVisitor(caller, params.customerId, params.anonymousId);
};

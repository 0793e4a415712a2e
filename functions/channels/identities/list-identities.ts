/** The visitor ids (devices, browsers) linked to a customer, within the caller's scope. */
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { identitiesOf } from '../identity-links.ts';

export const listIdentities: RouteHandler<Route<'listIdentities'>> = async ({ params, caller }) => ({
  items: await identitiesOf(caller, params.customerId),
});

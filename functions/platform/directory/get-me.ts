/** Who the caller is, as their token says: name, roles, branch. */
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';

export const getMe: RouteHandler<Route<'getMe'>> = async ({ caller }) => caller;

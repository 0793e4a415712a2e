/** Registers a custom event's schema (a new version if the name exists), with who and when. */
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { registerEventSchema as storeSchema } from '../store/event-schemas-store.ts';

export const registerEventSchema: RouteHandler<Route<'registerEventSchema'>> = async ({ body, caller }) =>
  storeSchema({ ...body, registeredAt: new Date().toISOString(), registeredBy: caller.id });

/** The registered custom event schemas, every version. */
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { listEventSchemas as storedSchemas } from '../store/event-schemas-store.ts';

export const listEventSchemas: RouteHandler<Route<'listEventSchemas'>> = async () => ({
  items: await storedSchemas(),
});

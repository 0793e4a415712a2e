/** The saved queries, latest version of each, with their defaults resolved for today. */
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { savedQueries } from '../queries/catalogue.ts';
import { describeSavedQuery } from '../queries/parameters.ts';

export const listSavedQueries: RouteHandler<Route<'listSavedQueries'>> = async () => ({
  items: savedQueries()
    .latest()
    .map((entry) => describeSavedQuery(entry, new Date())),
});

/** The bank's branches. */
import type { Route } from '#schemas/routes.ts';
import { listBranches as directoryBranches } from '#shared/directory.ts';
import type { RouteHandler } from '#shared/http/api.ts';

export const listBranches: RouteHandler<Route<'listBranches'>> = async () => ({
  items: await directoryBranches(),
});

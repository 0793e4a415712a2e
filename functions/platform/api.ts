/**
 * The platform context over HTTP: the API's root and document, the caller's identity, the
 * branch directory and its advisors. Composes one handler per use case, nothing else.
 */
import { platformRoutes } from '#schemas/platform/routes.ts';
import { httpApi } from '#shared/http/api.ts';
import { getApiRoot } from './api-description/get-api-root.ts';
import { getOpenApi } from './api-description/get-open-api.ts';
import { getMe } from './directory/get-me.ts';
import { listBranchAdvisors } from './directory/list-branch-advisors.ts';
import { listBranches } from './directory/list-branches.ts';

export const handler = httpApi(platformRoutes, {
  getApiRoot,
  getOpenApi,
  getMe,
  listBranches,
  listBranchAdvisors,
});

/** The platform context over HTTP: the API's root and document, the caller's identity, the branch directory and its advisors. */
import type { openApiDocument } from '#schemas/openapi.ts';
import { platformRoutes } from '#schemas/platform/routes.ts';
import { listBranchAdvisors, listBranches } from '#shared/directory.ts';
import { Forbidden } from '#shared/errors.ts';
import { httpApi } from '#shared/http/api.ts';
import { canSeeBranch } from '#shared/scope.ts';

/**
 * Loaded and built on its first request, then kept for the execution environment (the route
 * table does not change at run time): the generator and every context's schemas are not
 * evaluated at init.
 */
let document: ReturnType<typeof openApiDocument> | undefined;

const apiRoot = {
  service: 'Relais API',
  description:
    'The API of the Relais CRM. Its routes, schemas and errors are described at /openapi.json; every route but this one and the document needs a bearer token from the sign-in service (or a write key, for channel events).',
  openapi: '/openapi.json',
};

export const handler = httpApi(platformRoutes, {
  getApiRoot: async () => apiRoot,
  getOpenApi: async () => {
    document ??= (await import('#schemas/openapi.ts')).openApiDocument();
    return document;
  },
  getMe: async ({ caller }) => caller,
  listBranches: async () => ({ items: await listBranches() }),
  listBranchAdvisors: async ({ params, caller }) => {
    if (!canSeeBranch(caller, params.branchId)) {
      throw new Forbidden("You can only see your own branch's advisors.");
    }
    return { items: await listBranchAdvisors(params.branchId) };
  },
});

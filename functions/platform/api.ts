/** The platform context over HTTP: the caller's identity, the branch directory, the API document. */
import { openApiDocument } from '#schemas/openapi.ts';
import { platformRoutes } from '#schemas/platform/routes.ts';
import { listBranches } from '#shared/directory.ts';
import { httpApi } from '#shared/http/api.ts';

/** Built once per execution environment: the route table does not change at run time. */
const document = openApiDocument();

export const handler = httpApi(platformRoutes, {
  getOpenApi: async () => document,
  getMe: async ({ caller }) => caller,
  listBranches: async () => ({ items: await listBranches() }),
});

/**
 * The OpenAPI document, loaded and built on its first request, then kept for the execution
 * environment (the route table does not change at run time): the generator and every context's
 * schemas are not evaluated at init.
 */
import type { openApiDocument } from '#schemas/openapi.ts';
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';

let document: ReturnType<typeof openApiDocument> | undefined;

export const getOpenApi: RouteHandler<Route<'getOpenApi'>> = async () => {
  document ??= (await import('#schemas/openapi.ts')).openApiDocument();
  return document;
};

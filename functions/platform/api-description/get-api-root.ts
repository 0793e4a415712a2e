/** What the API's root answers a person who opens it: what this is, and where it is described. */
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';

const apiRoot = {
  service: 'Relais API',
  description:
    'The API of the Relais CRM. Its routes, schemas and errors are described at /openapi.json; every route but this one and the document needs a bearer token from the sign-in service (or a write key, for channel events).',
  openapi: '/openapi.json',
};

export const getApiRoot: RouteHandler<Route<'getApiRoot'>> = async () => apiRoot;

/**
 * The route table: every HTTP route of Relais, the concatenation of each context's
 * `schemas/<context>/routes.ts`. The CDK HTTP API, the sandbox's gateway, the authorisation
 * tests and the OpenAPI document read it; a context's Lambda reads only its own routes.
 */
import { analyticsRoutes } from './analytics/routes.ts';
import { channelRoutes } from './channels/routes.ts';
import { customerRoutes } from './customers/routes.ts';
import { platformRoutes } from './platform/routes.ts';
import { salesDocumentRoutes, salesRoutes } from './sales/routes.ts';

export const routes = [
  ...platformRoutes,
  ...customerRoutes,
  ...channelRoutes,
  ...analyticsRoutes,
  ...salesRoutes,
  ...salesDocumentRoutes,
] as const;

export type RouteId = (typeof routes)[number]['id'];
export type Route<I extends RouteId = RouteId> = Extract<(typeof routes)[number], { id: I }>;

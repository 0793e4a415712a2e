/** The product catalogue, as advisors and the contact centre browse it. */
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { catalogue } from './catalogue.ts';

export const listProducts: RouteHandler<Route<'listProducts'>> = async () => ({ items: [...catalogue] });

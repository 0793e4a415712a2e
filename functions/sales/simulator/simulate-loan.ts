/**
 * A loan simulation: the product's price for this amount, duration and customer, the schedule and
 * the TAEG, checked against the usury ceiling of the day. Nothing is stored and no customer file is
 * read (the advisor gives the profile), so nothing is audited; a saved quote is.
 */
import type { Route } from '#schemas/routes.ts';
import { NotFound } from '#shared/errors.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { productByCode } from '../catalogue/catalogue.ts';
import { priceLoan } from './price-loan.ts';

export const simulateLoan: RouteHandler<Route<'simulateLoan'>> = async ({ body }) => {
  const product = productByCode(body.productCode);
  if (!product) throw new NotFound('Product');
  return priceLoan(product, body, new Date().toISOString().slice(0, 10));
};

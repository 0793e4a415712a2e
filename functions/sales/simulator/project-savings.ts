/**
 * A savings projection on a product of the catalogue, at its rate of today. Market investments
 * (PEA, PER, securities) have no rate to project and are refused; so is a first deposit over the
 * product's ceiling. Nothing is stored or read about a customer.
 */
import type { Route } from '#schemas/routes.ts';
import { NotFound, ValidationFailed } from '#shared/errors.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { productByCode } from '../catalogue/catalogue.ts';
import { euros } from './pricing.ts';
import { projectSavings as projected } from './savings-maths.ts';

export const projectSavings: RouteHandler<Route<'projectSavings'>> = async ({ body }) => {
  const product = productByCode(body.productCode);
  if (!product) throw new NotFound('Product');
  const savings = product.savings;
  if (!savings) {
    const message =
      product.family === 'savings'
        ? 'a market investment has no rate to project'
        : 'this product is not a savings product';
    throw new ValidationFailed([{ field: 'productCode', message }]);
  }
  if (savings.ceilingCents !== undefined && body.initialCents > savings.ceilingCents) {
    throw new ValidationFailed([
      {
        field: 'initialCents',
        message: `the first deposit is over the ceiling of ${euros(savings.ceilingCents)}`,
      },
    ]);
  }
  const years = projected({
    initialCents: body.initialCents,
    monthlyCents: body.monthlyCents,
    annualRate: savings.annualRatePercent / 100,
    years: body.years,
    ...(savings.ceilingCents === undefined ? {} : { ceilingCents: savings.ceilingCents }),
  });
  const totalDepositedCents = years.reduce((total, line) => total + line.depositedCents, 0);
  const totalInterestCents = years.reduce((total, line) => total + line.interestCents, 0);
  return {
    productCode: product.code,
    annualRatePercent: savings.annualRatePercent,
    regulated: savings.regulated,
    ...(savings.ceilingCents === undefined ? {} : { ceilingCents: savings.ceilingCents }),
    years,
    totalDepositedCents,
    totalInterestCents,
    finalBalanceCents: years.at(-1)?.balanceCents ?? body.initialCents,
    ceilingReached: totalDepositedCents < body.initialCents + body.monthlyCents * 12 * body.years,
  };
};

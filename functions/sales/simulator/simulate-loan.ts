/**
 * A loan simulation: the product's price for this amount, duration and customer, the schedule and
 * the TAEG, checked against the usury ceiling of the day. Nothing is stored and no customer file is
 * read (the advisor gives the profile), so nothing is audited; a saved quote will be.
 */
import type { Route } from '#schemas/routes.ts';
import { NotFound, ValidationFailed } from '#shared/errors.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { productByCode } from '../catalogue/catalogue.ts';
import { ratePercent, simulateLoan as simulated } from './loan-maths.ts';
import {
  ineligibilities,
  loanBoundsBreached,
  loanFeesCents,
  loanRatePercent,
  usuryCategoryOf,
  usuryCheck,
} from './pricing.ts';

export const simulateLoan: RouteHandler<Route<'simulateLoan'>> = async ({ body }) => {
  const product = productByCode(body.productCode);
  if (!product) throw new NotFound('Product');
  const loan = product.loan;
  if (!loan) throw new ValidationFailed([{ field: 'productCode', message: 'this product is not a loan' }]);
  const principalCents = body.projectCents - body.downPaymentCents;
  const breached: { bound: keyof typeof fieldOf; message: string }[] = loanBoundsBreached(
    loan,
    principalCents,
    body.months,
  );
  if (!body.withInsurance && loan.insurance.required) {
    breached.push({ bound: 'insurance', message: "this product requires the borrower's insurance" });
  }
  if (breached.length > 0) {
    throw new ValidationFailed(breached.map(({ bound, message }) => ({ field: fieldOf[bound], message })));
  }
  const annualRatePercent = loanRatePercent(loan, principalCents, body.months, body.customer.segment);
  const insuranceAnnualRatePercent = body.withInsurance ? loan.insurance.annualRatePercent : 0;
  const simulation = simulated({
    principalCents,
    annualRate: annualRatePercent / 100,
    months: body.months,
    insuranceAnnualRate: insuranceAnnualRatePercent / 100,
    upfrontFeesCents: loanFeesCents(loan, principalCents),
  });
  const taegPercent = ratePercent(simulation.annualPercentageRate);
  const today = new Date().toISOString().slice(0, 10);
  return {
    productCode: product.code,
    principalCents,
    months: body.months,
    annualRatePercent,
    insuranceAnnualRatePercent,
    monthlyPaymentCents: simulation.monthlyPaymentCents,
    monthlyInsuranceCents: simulation.monthlyInsuranceCents,
    totalInterestCents: simulation.totalInterestCents,
    totalInsuranceCents: simulation.totalInsuranceCents,
    feesCents: simulation.upfrontFeesCents,
    totalCostCents: simulation.totalCostCents,
    totalDueCents: simulation.totalDueCents,
    taegPercent,
    usury: usuryCheck(usuryCategoryOf(loan.kind, principalCents, body.months), taegPercent, today),
    ineligibilities: ineligibilities(product.eligibility, body.customer, today),
    schedule: simulation.schedule,
  };
};

/** The request's field each refused bound is about. */
const fieldOf = { amount: 'projectCents', months: 'months', insurance: 'withInsurance' } as const;

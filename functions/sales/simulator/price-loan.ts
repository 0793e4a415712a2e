/**
 * A loan of the catalogue priced for a customer on a day: the bounds and the insurance rule
 * checked (a 400 naming the field), the rate of the product's grid, the schedule, the TAEG and
 * its check against the usury ceiling, and why this customer may not take it. The simulator
 * answers it; a quote keeps it.
 */
import type { LoanSimulation, LoanSimulationRequest } from '#schemas/sales/loan-simulation.ts';
import type { Product } from '#schemas/sales/product.ts';
import { ValidationFailed } from '#shared/errors.ts';
import { ratePercent, simulateLoan } from './loan-maths.ts';
import {
  ineligibilities,
  loanBoundsBreached,
  loanFeesCents,
  loanRatePercent,
  usuryCategoryOf,
  usuryCheck,
} from './pricing.ts';

export const priceLoan = (
  product: Product,
  request: LoanSimulationRequest,
  today: string,
): LoanSimulation => {
  const loan = product.loan;
  if (!loan) throw new ValidationFailed([{ field: 'productCode', message: 'this product is not a loan' }]);
  const principalCents = request.projectCents - request.downPaymentCents;
  const breached: { bound: keyof typeof fieldOf; message: string }[] = loanBoundsBreached(
    loan,
    principalCents,
    request.months,
  );
  if (!request.withInsurance && loan.insurance.required) {
    breached.push({ bound: 'insurance', message: "this product requires the borrower's insurance" });
  }
  if (breached.length > 0) {
    throw new ValidationFailed(breached.map(({ bound, message }) => ({ field: fieldOf[bound], message })));
  }
  const annualRatePercent = loanRatePercent(loan, principalCents, request.months, request.customer.segment);
  const insuranceAnnualRatePercent = request.withInsurance ? loan.insurance.annualRatePercent : 0;
  const simulation = simulateLoan({
    principalCents,
    annualRate: annualRatePercent / 100,
    months: request.months,
    insuranceAnnualRate: insuranceAnnualRatePercent / 100,
    upfrontFeesCents: loanFeesCents(loan, principalCents),
  });
  const taegPercent = ratePercent(simulation.annualPercentageRate);
  return {
    productCode: product.code,
    principalCents,
    months: request.months,
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
    usury: usuryCheck(usuryCategoryOf(loan.kind, principalCents, request.months), taegPercent, today),
    ineligibilities: ineligibilities(product.eligibility, request.customer, today),
    schedule: simulation.schedule,
  };
};

/** The request's field each refused bound is about. */
const fieldOf = { amount: 'projectCents', months: 'months', insurance: 'withInsurance' } as const;

/**
 * A quote as the PDF the customer takes home, in French or English, its schedule worked out again
 * from the terms kept (the same terms give the same schedule, to the cent). Audited.
 */
import type { Route } from '#schemas/routes.ts';
import { recordAccess } from '#shared/audit.ts';
import { NotFound } from '#shared/errors.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { visibleOpportunity } from '../opportunities/visible-opportunity.ts';
import { amortisationSchedule } from '../simulator/loan-maths.ts';
import { getQuote } from '../store/quotes-store.ts';
import { quotePdf } from './quote-pdf.ts';

export const printQuote: RouteHandler<Route<'printQuote'>> = async ({
  params,
  query,
  caller,
  accessReason,
}) => {
  const deal = await visibleOpportunity(caller, params, accessReason);
  const quote = await getQuote(deal.customerId, deal.id, params.number);
  if (!quote) throw new NotFound('This quote');
  const { terms } = quote;
  const schedule = amortisationSchedule({
    principalCents: terms.principalCents,
    annualRate: terms.annualRatePercent / 100,
    months: terms.months,
    insuranceAnnualRate: terms.insuranceAnnualRatePercent / 100,
    upfrontFeesCents: terms.feesCents,
  });
  const [content] = await Promise.all([
    quotePdf(quote, schedule, query.lang),
    recordAccess(caller, deal.customerId, 'quote.print', accessReason),
  ]);
  return { fileName: `offre-${quote.number}-${deal.id}.pdf`, content };
};

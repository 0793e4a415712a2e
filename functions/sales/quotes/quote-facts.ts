/** What QuoteIssued and QuoteAccepted say of a quote and its deal. */
import type { Opportunity } from '#schemas/sales/opportunity.ts';
import type { Quote } from '#schemas/sales/quote.ts';

export const quoteFacts = (deal: Opportunity, quote: Quote) => ({
  opportunityId: deal.id,
  customerId: deal.customerId,
  branchId: deal.branchId,
  ownerId: deal.ownerId,
  productCode: deal.productCode,
  quoteNumber: quote.number,
  principalCents: quote.terms.principalCents,
  months: quote.terms.months,
  taegPercent: quote.terms.taegPercent,
  version: deal.version,
});

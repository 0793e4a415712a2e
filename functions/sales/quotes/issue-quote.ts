/**
 * Issues a quote on an open loan deal of a customer the caller may see: the server prices the
 * deal's product for the customer of the file (kind, segment, age) on the day, refuses what the
 * bank may not offer (a customer the product excludes, a TAEG above the usury ceiling), and keeps
 * the terms, numbered after the deal's earlier quotes, with QuoteIssued. Audited.
 */
import { QuoteIssued } from '#schemas/events/quote-issued.ts';
import type { Route } from '#schemas/routes.ts';
import type { Quote } from '#schemas/sales/quote.ts';
import { recordAccess } from '#shared/audit.ts';
import { listBranches } from '#shared/directory.ts';
import { Conflict, ValidationFailed } from '#shared/errors.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { domainEvent } from '#shared/outbox.ts';
import { productByCode } from '../catalogue/catalogue.ts';
import { refuseClosed, visibleDeal } from '../opportunities/visible-opportunity.ts';
import { priceLoan } from '../simulator/price-loan.ts';
import { addQuote } from '../store/quotes-store.ts';
import { quoteFacts } from './quote-facts.ts';

/** How long an offer holds, in days (the bank's policy; a mortgage offer must hold 30 days at least). */
const validForDays = 30;

export const issueQuote: RouteHandler<Route<'issueQuote'>> = async ({
  params,
  body,
  caller,
  accessReason,
}) => {
  const { customer, opportunity } = await visibleDeal(caller, params, accessReason);
  refuseClosed(opportunity);
  const product = productByCode(opportunity.productCode);
  if (!product?.loan) {
    throw new ValidationFailed([{ field: 'opportunityId', message: 'only a loan deal takes a quote' }]);
  }
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  const {
    schedule: _schedule,
    ineligibilities,
    ...terms
  } = priceLoan(
    product,
    {
      ...body,
      productCode: product.code,
      customer: {
        kind: customer.kind,
        segment: customer.segment,
        ...(customer.birthDate ? { birthDate: customer.birthDate } : {}),
      },
    },
    today,
  );
  refuseUnlawful(ineligibilities, terms.usury);
  const branch = (await listBranches()).find((candidate) => candidate.id === opportunity.branchId);
  const number = (opportunity.quoteCount ?? 0) + 1;
  const quote: Quote = {
    opportunityId: opportunity.id,
    customerId: opportunity.customerId,
    number,
    customerName: opportunity.customerName,
    productName: product.name,
    projectCents: body.projectCents,
    downPaymentCents: body.downPaymentCents,
    terms,
    issuedAt: now.toISOString(),
    issuedBy: caller.id,
    issuedByName: caller.name,
    branchName: branch?.name ?? opportunity.branchId,
    validUntil: new Date(now.getTime() + validForDays * 86_400_000).toISOString().slice(0, 10),
  };
  const next = {
    ...opportunity,
    quoteCount: number,
    updatedAt: quote.issuedAt,
    updatedBy: caller.id,
    version: opportunity.version + 1,
  };
  const event = domainEvent(QuoteIssued, quoteFacts(next, quote), caller, quote.issuedAt);
  if (!(await addQuote(opportunity, next, quote, event))) {
    throw new Conflict('Someone changed this deal at the same moment. Reload it and issue the quote again.');
  }
  await recordAccess(caller, opportunity.customerId, 'quote.issue', accessReason);
  return quote;
};

/** The bank may not offer a product the customer may not hold, nor above the usury ceiling. */
const refuseUnlawful = (ineligibilities: readonly string[], usury: Quote['terms']['usury']) => {
  const why = {
    customerKind: 'this product is not for this kind of customer',
    tooYoung: 'the customer is too young for this product',
    tooOld: 'the customer is past the age limit of this product',
  } as const;
  const refusals: { field: string; message: string }[] = ineligibilities.map((reason) => ({
    field: 'opportunityId',
    message: why[reason as keyof typeof why],
  }));
  if (usury.status === 'above') {
    refusals.push({
      field: 'months',
      message: `the TAEG would be above the usury ceiling of ${usury.ceilingPercent} %: the bank may not offer it`,
    });
  }
  if (refusals.length > 0) throw new ValidationFailed(refusals);
};

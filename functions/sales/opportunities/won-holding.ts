/**
 * The holding a won deal opens on its customer, pure: a loan as its accepted quote says (the
 * amount lent, the duration), any other product as the deal says. Opened on the day the deal
 * was won.
 */
import { balanceBandOf, type Holding } from '#schemas/customers/holding.ts';
import type { Opportunity } from '#schemas/sales/opportunity.ts';
import type { Product } from '#schemas/sales/product.ts';
import type { Quote } from '#schemas/sales/quote.ts';

export const wonHolding = (
  deal: Opportunity & { closedOn: string },
  product: Product,
  acceptedQuote: Quote | undefined,
  id: string,
): Holding => {
  const amountCents = acceptedQuote?.terms.principalCents ?? deal.amountCents;
  return {
    id,
    family: deal.family,
    product: deal.productCode,
    label: acceptedQuote
      ? `${product.name.fr} — ${euros(amountCents)} sur ${acceptedQuote.terms.months} mois`
      : product.name.fr,
    openedOn: deal.closedOn,
    balanceBand: balanceBandOf(amountCents),
  };
};

/** `15 000 €`: whole euros, as a holding's label shows them. */
const euros = (cents: number) =>
  `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }).format(cents / 100).replace(/\s/g, ' ')} €`;

import { describe, expect, it } from 'vitest';
import { productByCode } from '#functions/sales/catalogue/catalogue.ts';
import { wonHolding } from '#functions/sales/opportunities/won-holding.ts';
import type { Quote } from '#schemas/sales/quote.ts';
import { aDeal } from './fixtures.ts';

const carLoan = productByCode('pret-auto')!;
const accepted = { terms: { principalCents: 1_250_000, months: 60 } } as Quote;

describe('the holding a won deal opens', () => {
  it('is the loan its accepted quote says: amount lent and term in the label, its band, the day won', () => {
    const deal = { ...aDeal({ stage: 'won' }), closedOn: '2026-12-04' };
    expect(wonHolding(deal, carLoan, accepted, 'ho-1')).toEqual({
      id: 'ho-1',
      family: 'loan',
      product: 'pret-auto',
      label: 'Crédit auto — 12 500 € sur 60 mois',
      openedOn: '2026-12-04',
      balanceBand: '10k-50k',
    });
  });

  it('is the deal’s product and amount when no quote priced it', () => {
    const deal = { ...aDeal({ stage: 'won', amountCents: 900_000 }), closedOn: '2026-12-04' };
    expect(wonHolding(deal, carLoan, undefined, 'ho-2')).toMatchObject({
      label: 'Crédit auto',
      balanceBand: '1k-10k',
    });
  });
});

/** The open-deal form's checks and the API's refusals on its fields, expected answers by hand. */
import { describe, expect, it } from 'vitest';
import { catalogue } from '#functions/sales/catalogue/catalogue.ts';
import { apiDealErrors, checkDeal, initialDealValues } from '#web/src/features/sales/utils/deal-form.ts';

const now = new Date('2026-12-04T10:00:00.000Z');

describe('the open-deal form', () => {
  it('names every problem at once', () => {
    const check = checkDeal(
      { ...initialDealValues(), amount: '15 000 €x', expectedCloseOn: '2026-12-03', source: 'campaign' },
      catalogue,
      'fr',
      now,
    );
    expect(check).toEqual({
      ok: false,
      errors: { product: 'required', amount: 'amount', closeOn: 'past', campaignId: 'required' },
    });
  });

  it('makes the request from an amount typed the French way, a campaign id only with the campaign source', () => {
    const values = {
      productCode: 'pret-auto',
      amount: '15 000,50',
      expectedCloseOn: '2027-01-29',
      campaignId: 'c-42',
    };
    expect(checkDeal({ ...values, source: 'branch' }, catalogue, 'fr', now)).toEqual({
      ok: true,
      request: {
        productCode: 'pret-auto',
        amountCents: 1_500_050,
        expectedCloseOn: '2027-01-29',
        source: 'branch',
      },
    });
    expect(checkDeal({ ...values, source: 'campaign' }, catalogue, 'fr', now)).toMatchObject({
      ok: true,
      request: { source: 'campaign', campaignId: 'c-42' },
    });
  });

  it('refuses zero, a day that does not exist, and takes today as a signing day', () => {
    const base = { ...initialDealValues(), productCode: 'livret-a' };
    expect(checkDeal({ ...base, amount: '0', expectedCloseOn: '2027-02-30' }, catalogue, 'fr', now)).toEqual({
      ok: false,
      errors: { amount: 'positive', closeOn: 'date' },
    });
    expect(
      checkDeal({ ...base, amount: '500', expectedCloseOn: '2026-12-04' }, catalogue, 'fr', now).ok,
    ).toBe(true);
  });

  it("puts the API's refusals on the form's fields, the owner's apart", () => {
    expect(
      apiDealErrors([
        { field: 'amountCents', message: 'Too big' },
        { field: 'ownerId', message: "the owner must be an advisor of the customer's branch" },
        { field: 'body', message: 'the body is not valid JSON' },
      ]),
    ).toEqual({ errors: { amount: 'amount' }, owner: true, unmapped: true });
  });
});

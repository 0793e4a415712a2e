/**
 * Quotes on a loan deal through the local HTTP API against the emulator, as an advisor and the
 * customer use them: a simulation saved on the deal and priced for the customer of the file,
 * numbered 1, 2, … once per Idempotency-Key; the PDF the customer takes home; the customer's
 * acceptance from the deal's version read; and winning the deal, which opens the loan in the
 * customer's file. Figures by hand from the demo catalogue (a car loan costs 4.80 % over 37 to
 * 60 months, 0.20 point less for an affluent customer; insurance 0.30 % a year; no fees), the
 * instalment and TAEG those of `sales-simulator.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import type { Customer360 } from '#schemas/customers/customer-360.ts';
import type { TimelineEntry } from '#schemas/customers/timeline.ts';
import type { Opportunity } from '#schemas/sales/opportunity.ts';
import type { Quote } from '#schemas/sales/quote.ts';
import { eventually } from '../support/eventually.ts';
import { pdfPages } from '../support/pdf-text.ts';
import { sandboxPerFile } from '../support/sandbox.ts';

const { bank, as, staffMember } = sandboxPerFile();

const [home, other] = bank.branches;
const advisor = staffMember('advisor', home!.id);
const otherAdvisor = staffMember('advisor', other!.id);
const adults = bank.customers
  .map((c) => c.customer)
  .filter((c) => c.branchId === home!.id && c.kind === 'individual' && c.birthDate !== undefined);
const massMarket = adults.filter((c) => c.segment === 'mass_market');
const affluent = adults.find((c) => c.segment === 'affluent')!;

type Problem = { status: number; errors?: { field: string; message: string }[] };
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const openDeal = async (customerId: string, productCode = 'pret-auto') => {
  const api = await as(advisor);
  const { body } = await api.request<Opportunity>('POST', `/v1/customers/${customerId}/opportunities`, {
    body: { productCode, amountCents: 1_500_000, expectedCloseOn: '2027-01-29', source: 'branch' },
  });
  return body;
};
const quotesOf = (deal: Opportunity) => `/v1/customers/${deal.customerId}/opportunities/${deal.id}/quotes`;
const issue = async (deal: Opportunity, headers?: Record<string, string>, caller = advisor) =>
  (await as(caller)).request<Quote & Problem>('POST', quotesOf(deal), {
    body: { projectCents: 2_000_000, downPaymentCents: 500_000, months: 48 },
    ...(headers ? { headers } : {}),
  });
const readDeal = async (deal: Opportunity) =>
  (
    await (
      await as(advisor)
    ).request<Opportunity>('GET', `/v1/customers/${deal.customerId}/opportunities/${deal.id}`)
  ).body;
const move = async (deal: Opportunity, to: string) =>
  (await as(advisor)).request<Opportunity & Problem>(
    'POST',
    `/v1/customers/${deal.customerId}/opportunities/${deal.id}/stage`,
    { body: { to, version: deal.version } },
  );

describe('issuing a quote on a loan deal', () => {
  it('prices the deal’s product for the customer of the file, valid 30 days, numbered after the others', async () => {
    const deal = await openDeal(massMarket[0]!.id);
    const first = await issue(deal, { 'Idempotency-Key': `quote-${deal.id}-1` });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      number: 1,
      opportunityId: deal.id,
      projectCents: 2_000_000,
      downPaymentCents: 500_000,
      issuedBy: advisor.sub,
      validUntil: inDays(30),
      productName: { fr: 'Crédit auto', en: 'Car loan' },
      terms: {
        principalCents: 1_500_000,
        months: 48,
        annualRatePercent: 4.8,
        monthlyPaymentCents: 34_408,
        monthlyInsuranceCents: 375,
        totalDueCents: 1_669_594,
        taegPercent: 5.48,
      },
    });
    // The same request again (a retry) is the same quote; a new one is number 2.
    const retried = await issue(deal, { 'Idempotency-Key': `quote-${deal.id}-1` });
    expect(retried.body.number).toBe(1);
    expect((await issue(deal)).body.number).toBe(2);
    const list = await (await as(advisor)).request<{ items: Quote[] }>('GET', quotesOf(deal));
    expect(list.body.items.map((quote) => quote.number)).toEqual([1, 2]);
    expect(await readDeal(deal)).toMatchObject({ quoteCount: 2, version: 3 });
  });

  it('gives an affluent customer their 0.20 point off, whatever the advisor would have typed', async () => {
    const deal = await openDeal(affluent.id);
    const { body } = await issue(deal);
    expect(body.terms.annualRatePercent).toBe(4.6);
  });

  it('refuses a deal that is not a loan, and another branch’s deal as if it did not exist', async () => {
    const savings = await openDeal(massMarket[1]!.id, 'livret-a');
    const notALoan = await issue(savings);
    expect(notALoan.status).toBe(400);
    expect(notALoan.body.errors).toEqual([
      { field: 'opportunityId', message: 'only a loan deal takes a quote' },
    ]);
    const deal = await openDeal(massMarket[1]!.id);
    expect((await issue(deal, undefined, otherAdvisor)).status).toBe(404);
    const elsewhere = await (await as(otherAdvisor)).request('GET', quotesOf(deal));
    expect(elsewhere.status).toBe(404);
  });
});

describe('the quote the customer takes home', () => {
  it('is a PDF of the offer, in French or English, never kept by a cache, its printing audited', async () => {
    const customer = massMarket[2]!;
    const deal = await openDeal(customer.id);
    await issue(deal);
    const api = await as(advisor);
    const french = await api.request('GET', `${quotesOf(deal)}/1/pdf`);
    expect(french.status).toBe(200);
    expect(french.headers.get('content-type')).toBe('application/pdf');
    expect(french.headers.get('content-disposition')).toBe(`attachment; filename="offre-1-${deal.id}.pdf"`);
    expect(french.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(french.bytes!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [offer] = await pdfPages(french.bytes!);
    const texts = offer!.map((item) => item.text);
    expect(texts).toEqual(expect.arrayContaining(['Offre de prêt — Crédit auto', '5,48 %', '344,08 €']));
    const english = await api.request('GET', `${quotesOf(deal)}/1/pdf?lang=en`);
    expect((await pdfPages(english.bytes!))[0]!.map((item) => item.text)).toContain('Loan offer — Car loan');
    expect((await api.request('GET', `${quotesOf(deal)}/7/pdf`)).status).toBe(404);
    const trail = await eventually(
      async () =>
        (
          await (
            await as('admin')
          ).request<{ items: { action: string; actorId: string }[] }>(
            'GET',
            `/v1/customers/${customer.id}/audit?limit=100`,
          )
        ).body.items,
      (items) =>
        items.filter((item) => item.action === 'quote.print').length >= 2 &&
        items.some((item) => item.action === 'quote.issue'),
    );
    expect(
      trail.filter((item) => item.action === 'quote.print' && item.actorId === advisor.sub),
    ).toHaveLength(2);
    expect(trail.map((item) => item.action)).toContain('quote.issue');
  });
});

describe('the customer accepts, the deal is won', () => {
  it('refuses to win a loan no quote of which was accepted', async () => {
    let deal = await openDeal(massMarket[3]!.id);
    for (const to of ['needs_analysis', 'proposal', 'negotiation']) deal = (await move(deal, to)).body;
    const refused = await move(deal, 'won');
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      {
        field: 'to',
        message: 'a loan is signed on an offer: the customer must accept one of its quotes first',
      },
    ]);
  });

  it('records the acceptance from the version read, then winning opens the loan in the customer’s file', async () => {
    const customer = massMarket[4]!;
    let deal = await openDeal(customer.id);
    await issue(deal);
    const api = await as(advisor);
    // Read before the quote was issued: version 1 is stale.
    const stale = await api.request<Problem & { currentVersion?: number }>(
      'POST',
      `${quotesOf(deal)}/1/accept`,
      {
        body: { version: 1 },
      },
    );
    expect(stale.status).toBe(409);
    const accepted = await api.request<Opportunity>('POST', `${quotesOf(deal)}/1/accept`, {
      body: { version: 2 },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ acceptedQuote: 1, amountCents: 1_500_000, version: 3 });
    deal = accepted.body;
    for (const to of ['needs_analysis', 'proposal', 'negotiation', 'won']) {
      const moved = await move(deal, to);
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      deal = moved.body;
    }
    expect(deal.holdingId).toMatch(/.+/);
    const file = await api.request<Customer360>('GET', `/v1/customers/${customer.id}/360`);
    expect(file.body.holdings).toContainEqual({
      id: deal.holdingId,
      family: 'loan',
      product: 'pret-auto',
      label: 'Crédit auto — 15 000 € sur 48 mois',
      openedOn: today(),
      balanceBand: '10k-50k',
    });
    const history = await eventually(
      async () =>
        (await api.request<{ items: TimelineEntry[] }>('GET', `/v1/customers/${customer.id}/timeline`)).body
          .items,
      (items) => items.some((entry) => entry.type === 'OpportunityWon'),
    );
    expect(history.map((entry) => entry.type)).toEqual(
      expect.arrayContaining(['QuoteIssued', 'QuoteAccepted']),
    );
    // Won, its quotes no longer change.
    const late = await issue(deal);
    expect(late.status).toBe(400);
  });
});

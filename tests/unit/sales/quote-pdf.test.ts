import { describe, expect, it } from 'vitest';
import { quotePdf } from '#functions/sales/quotes/quote-pdf.ts';
import type { ScheduleLine } from '#functions/sales/simulator/loan-maths.ts';
import type { Quote } from '#schemas/sales/quote.ts';
import { pdfPages } from '../../support/pdf-text.ts';

// A car loan offer written by hand: the document prints what the quote says, it computes nothing.
const quote: Quote = {
  opportunityId: 'op-1',
  customerId: 'cu-000000000001',
  number: 2,
  customerName: 'DUPONT Marie',
  productName: { fr: 'Crédit auto', en: 'Car loan' },
  projectCents: 2_000_000,
  downPaymentCents: 500_000,
  terms: {
    productCode: 'pret-auto',
    principalCents: 1_500_000,
    months: 48,
    annualRatePercent: 4.9,
    insuranceAnnualRatePercent: 0.3,
    monthlyPaymentCents: 34_476,
    monthlyInsuranceCents: 375,
    totalInterestCents: 154_848,
    totalInsuranceCents: 18_000,
    feesCents: 15_000,
    totalCostCents: 187_848,
    totalDueCents: 1_687_848,
    taegPercent: 5.63,
    usury: { status: 'within', category: 'consumer-over-6000', ceilingPercent: 8.72, quarter: '2026-01-01' },
  },
  issuedAt: '2026-12-04T10:00:00.000Z',
  issuedBy: 'st-camille',
  issuedByName: 'Camille Martin',
  branchName: 'Paris Opéra',
  validUntil: '2027-01-03',
};

const scheduleOf = (months: number): ScheduleLine[] =>
  Array.from({ length: months }, (_, index) => ({
    month: index + 1,
    paymentCents: 34_476,
    interestCents: 6_125,
    principalCents: 28_351,
    insuranceCents: 375,
    remainingCents: 1_471_649,
  }));

const textsOf = async (bytes: Uint8Array) =>
  (await pdfPages(bytes)).map((page) => page.map((item) => item.text));

describe('the quote the customer takes home', () => {
  it('says who offers what to whom, with the TAEG in bold and the consumer credit mention', async () => {
    const [first] = await pdfPages(await quotePdf(quote, scheduleOf(48), 'fr'));
    const texts = first!.map((item) => item.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Offre de prêt — Crédit auto',
        'Proposition n° 2',
        'DUPONT Marie',
        'Paris Opéra',
        'Camille Martin',
        '4 décembre 2026',
        '3 janvier 2027',
        '20 000,00 €',
        '5 000,00 €',
        '15 000,00 €',
        '48 mois',
        '4,90 %',
        '344,76 €',
        '16 878,48 €',
        'Inférieur au taux d’usure en vigueur (8,72 %).',
        'Document non contractuel, remis à titre d’information.',
      ]),
    );
    const taeg = first!.filter((item) => item.bold).map((item) => item.text);
    expect(taeg).toEqual(expect.arrayContaining(['Taux annuel effectif global (TAEG)', '5,63 %']));
    // Code de la consommation L312-5: the mention every consumer credit offer carries.
    expect(texts.join(' ')).toContain(
      'Un crédit vous engage et doit être remboursé. Vérifiez vos capacités de remboursement avant de vous engager.',
    );
  });

  it('prints the whole schedule over numbered pages: 300 months take 7 pages after the offer', async () => {
    const pages = await textsOf(await quotePdf(quote, scheduleOf(300), 'fr'));
    expect(pages).toHaveLength(8);
    expect(pages[0]).toContain('Page 1 / 8');
    expect(pages[7]).toContain('Page 8 / 8');
    expect(pages[1]).toEqual(
      expect.arrayContaining(['Tableau d’amortissement — Proposition n° 2', 'Capital restant dû']),
    );
    const months = pages
      .slice(1)
      .flat()
      .filter((text) => /^\d+$/.test(text));
    expect(months).toHaveLength(300);
    expect(months.at(-1)).toBe('300');
  });

  it('speaks English when asked, and names a mortgage’s ten days of reflection', async () => {
    const mortgage: Quote = {
      ...quote,
      productName: { fr: 'Prêt immobilier', en: 'Mortgage' },
      terms: {
        ...quote.terms,
        usury: { status: 'unknown', category: 'mortgage-fixed-20y-and-more', newestQuarter: '2026-01-01' },
      },
    };
    const [first] = await textsOf(await quotePdf(mortgage, scheduleOf(12), 'en'));
    expect(first).toEqual(
      expect.arrayContaining(['Loan offer — Mortgage', 'Proposal no. 2', '€15,000.00', '4 December 2026']),
    );
    expect(first!.join(' ')).toContain(
      'The borrower may accept a mortgage offer only ten days after receiving it.',
    );
    expect(first!.join(' ')).toContain(
      'This quarter’s usury ceiling is not yet in the tool: to be checked before signing.',
    );
    expect(first!.join(' ')).not.toContain('A loan commits you');
  });

  it('gives the same bytes for the same quote, whenever it is printed', async () => {
    const once = await quotePdf(quote, scheduleOf(48), 'fr');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const again = await quotePdf(quote, scheduleOf(48), 'fr');
    expect(Buffer.from(again).equals(Buffer.from(once))).toBe(true);
  });
});

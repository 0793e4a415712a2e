/**
 * The loan simulator and the catalogue through the local HTTP API, as an advisor uses them.
 * Expected figures worked out by hand (decimal arithmetic, cents rounded half up, the TAEG solved
 * separately), from the demo bank's catalogue: a car loan costs 4.80 % over 37 to 60 months, its
 * optional insurance 0.30 % a year, no fees.
 */
import { describe, expect, it } from 'vitest';
import type { LoanSimulation } from '#schemas/sales/loan-simulation.ts';
import type { Product } from '#schemas/sales/product.ts';
import type { SavingsProjection } from '#schemas/sales/savings-projection.ts';
import { sandboxPerFile } from '../support/sandbox.ts';

const { as } = sandboxPerFile();

type Problem = { status: number; errors?: { field: string; message: string }[] };

const simulate = async (body: Record<string, unknown>) =>
  (await as('advisor')).request<LoanSimulation & Problem>('POST', '/v1/simulations/loans', { body });

describe('a loan simulation', () => {
  it('prices 15,000 € of car loan over 48 months: 344.08 € a month, 3.75 € of insurance, TAEG 5.48 %', async () => {
    const { status, body } = await simulate({
      productCode: 'pret-auto',
      projectCents: 2_000_000,
      downPaymentCents: 500_000,
      months: 48,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      productCode: 'pret-auto',
      principalCents: 1_500_000,
      annualRatePercent: 4.8,
      insuranceAnnualRatePercent: 0.3,
      monthlyPaymentCents: 34_408,
      monthlyInsuranceCents: 375,
      totalInterestCents: 151_594,
      totalInsuranceCents: 18_000,
      feesCents: 0,
      totalCostCents: 169_594,
      totalDueCents: 1_669_594,
      taegPercent: 5.48,
      ineligibilities: [],
    });
    expect(body.schedule).toHaveLength(48);
    expect(body.schedule.at(-1)).toMatchObject({ month: 48, paymentCents: 34_418, remainingCents: 0 });
  });

  it("says when no usury ceiling is known for today's quarter rather than judge with old figures", async () => {
    const { body } = await simulate({ productCode: 'pret-auto', projectCents: 1_500_000, months: 48 });
    // The catalogue's newest quarter is 1 January 2026: later days have no known ceiling until the bank adds one.
    expect(body.usury).toEqual({
      status: 'unknown',
      category: 'consumer-over-6000',
      newestQuarter: '2026-01-01',
    });
  });

  it('names each field a product cannot take, all at once', async () => {
    const { status, body } = await simulate({
      productCode: 'pret-immo',
      projectCents: 2_000_000,
      months: 360,
      withInsurance: false,
    });
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.field).sort()).toEqual([
      'months',
      'projectCents',
      'withInsurance',
    ]);
  });

  it('refuses a down payment as large as the project, a product that is not a loan, and an unknown one', async () => {
    const tooMuchDown = await simulate({
      productCode: 'pret-auto',
      projectCents: 1_000_000,
      downPaymentCents: 1_000_000,
      months: 24,
    });
    expect(tooMuchDown.status).toBe(400);
    expect(tooMuchDown.body.errors?.map((error) => error.field)).toEqual(['downPaymentCents']);
    const savings = await simulate({ productCode: 'livret-a', projectCents: 1_000_000, months: 24 });
    expect(savings.status).toBe(400);
    expect(savings.body.errors?.map((error) => error.field)).toEqual(['productCode']);
    expect((await simulate({ productCode: 'pret-lune', projectCents: 1_000_000, months: 24 })).status).toBe(
      404,
    );
  });

  it("tells the advisor why this customer may not take the product, and prices the customer's segment", async () => {
    const student = await simulate({
      productCode: 'pret-etudiant',
      projectCents: 1_000_000,
      months: 60,
      customer: { kind: 'individual', birthDate: '1990-05-01' },
    });
    expect(student.body.ineligibilities).toEqual(['tooOld']);
    const business = await simulate({ productCode: 'pret-pro', projectCents: 5_000_000, months: 60 });
    expect(business.body.ineligibilities).toEqual(['customerKind']);
    // Business loans have no usury ceiling (Code monétaire et financier, L313-5-1).
    expect(business.body.usury).toEqual({ status: 'notApplicable' });
    const privateBanking = await simulate({
      productCode: 'pret-auto',
      projectCents: 1_500_000,
      months: 48,
      customer: { segment: 'private_banking' },
    });
    expect(privateBanking.body.annualRatePercent).toBe(4.4);
  });
});

describe('a savings projection', () => {
  const project = async (body: Record<string, unknown>) =>
    (await as('advisor')).request<SavingsProjection & Problem>('POST', '/v1/simulations/savings', { body });

  it('projects a Livret A at 1.70 %: 1,000 € then 100 € a month make 3,476.98 € after two years', async () => {
    // Year 1: 17.00 + 100 × 1.7 % × 78 / 12 = 28.05; year 2: 2,228.05 × 1.7 % + 11.05 = 48.93 (by hand).
    const { status, body } = await project({
      productCode: 'livret-a',
      initialCents: 100_000,
      monthlyCents: 10_000,
      years: 2,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      annualRatePercent: 1.7,
      regulated: true,
      ceilingCents: 2_295_000,
      years: [
        { year: 1, depositedCents: 220_000, interestCents: 2_805, balanceCents: 222_805 },
        { year: 2, depositedCents: 120_000, interestCents: 4_893, balanceCents: 347_698 },
      ],
      totalDepositedCents: 340_000,
      totalInterestCents: 7_698,
      finalBalanceCents: 347_698,
      ceilingReached: false,
    });
  });

  it('refuses a market investment, a product that is not savings, and a first deposit over the ceiling', async () => {
    const pea = await project({ productCode: 'pea', initialCents: 100_000, years: 5 });
    expect(pea.status).toBe(400);
    expect(pea.body.errors).toEqual([
      { field: 'productCode', message: 'a market investment has no rate to project' },
    ]);
    expect((await project({ productCode: 'compte-courant', initialCents: 100_000, years: 5 })).status).toBe(
      400,
    );
    const over = await project({ productCode: 'livret-a', initialCents: 3_000_000, years: 5 });
    expect(over.body.errors).toEqual([
      { field: 'initialCents', message: 'the first deposit is over the ceiling of 22950.00 €' },
    ]);
  });
});

describe('the product catalogue', () => {
  it("lists the bank's products with their names in French and English and their loan parameters", async () => {
    const { status, body } = await (await as('service_agent')).request<{ items: Product[] }>(
      'GET',
      '/v1/products',
    );
    expect(status).toBe(200);
    const mortgage = body.items.find((product) => product.code === 'pret-immo');
    expect(mortgage?.name).toEqual({ fr: 'Prêt immobilier', en: 'Mortgage' });
    expect(mortgage?.loan?.insurance.required).toBe(true);
    expect(body.items.map((product) => product.family)).toEqual(
      expect.arrayContaining(['account', 'card', 'loan', 'savings', 'insurance']),
    );
  });
});

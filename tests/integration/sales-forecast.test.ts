/**
 * The forecast of a pipeline through the local HTTP API, on deals this file opens (its own
 * sandbox: no other deals). Figures added up by hand: credit at qualification weighs 10 %, savings
 * at proposal 70 % (the savings pipeline's last open stage: the commit counts it).
 */
import { describe, expect, it } from 'vitest';
import type { Forecast } from '#schemas/sales/forecast.ts';
import type { Opportunity } from '#schemas/sales/opportunity.ts';
import { sandboxPerFile } from '../support/sandbox.ts';

const { bank, as, staffMember } = sandboxPerFile();

const [home, other] = bank.branches;
const advisor = staffMember('advisor', home!.id);
const manager = staffMember('branch_manager', home!.id);
const homeCustomers = bank.customers.map((c) => c.customer).filter((c) => c.branchId === home!.id);

type Answer = { period: string; forecast: Forecast; byAdvisor?: Record<string, Forecast> };

const open = async (customerIndex: number, body: Record<string, unknown>) =>
  (
    await (
      await as(advisor)
    ).request<Opportunity>('POST', `/v1/customers/${homeCustomers[customerIndex]!.id}/opportunities`, {
      body: { source: 'branch', ...body },
    })
  ).body;

const move = async (deal: Opportunity, to: string) =>
  (
    await (
      await as(advisor)
    ).request<Opportunity>('POST', `/v1/customers/${deal.customerId}/opportunities/${deal.id}/stage`, {
      body: { to, version: deal.version },
    })
  ).body;

const forecast = async (query: string, caller = manager) =>
  (await as(caller)).request<Answer & { status: number }>('GET', `/v1/forecasts?${query}`);

describe("a pipeline's forecast", () => {
  it('adds the won deals, weighs the open ones of the period, commits and best-cases them', async () => {
    // March 2031: 10,000 € of credit at qualification (10 %) and 5,000 € of savings at proposal (70 %).
    await open(0, { productCode: 'pret-auto', amountCents: 1_000_000, expectedCloseOn: '2031-03-10' });
    let savings = await open(1, {
      productCode: 'livret-a',
      amountCents: 500_000,
      expectedCloseOn: '2031-03-20',
    });
    savings = await move(savings, 'needs_analysis');
    savings = await move(savings, 'proposal');
    // April 2031: not March's.
    await open(2, { productCode: 'pret-auto', amountCents: 2_000_000, expectedCloseOn: '2031-04-02' });
    const march = await forecast(`period=2031-03&ownerId=${advisor.sub}`);
    expect(march.status).toBe(200);
    expect(march.body.forecast).toEqual({
      wonCount: 0,
      wonCents: 0,
      openCount: 2,
      weightedPipelineCents: 100_000 + 350_000,
      forecastCents: 450_000,
      commitCents: 500_000,
      bestCaseCents: 1_500_000,
    });
    // The quarter holds April's too: 20,000 € more at 10 %.
    const quarter = await forecast(`period=2031-Q1&ownerId=${advisor.sub}`);
    expect(quarter.body.forecast.openCount).toBe(2);
    const q2 = await forecast(`period=2031-Q2&ownerId=${advisor.sub}`);
    expect(q2.body.forecast).toMatchObject({ openCount: 1, weightedPipelineCents: 200_000 });
    // By family: the savings deal alone.
    const savingsOnly = await forecast(`period=2031-03&ownerId=${advisor.sub}&family=savings`);
    expect(savingsOnly.body.forecast).toMatchObject({ openCount: 1, weightedPipelineCents: 350_000 });
  });

  it("counts a won deal in the month it was signed, and splits a branch's forecast by advisor", async () => {
    let won = await open(3, { productCode: 'livret-a', amountCents: 800_000, expectedCloseOn: '2031-06-30' });
    for (const to of ['needs_analysis', 'proposal', 'won']) won = await move(won, to);
    const thisMonth = new Date().toISOString().slice(0, 7);
    const branch = await forecast(`period=${thisMonth}&branchId=${home!.id}`);
    expect(branch.body.forecast).toMatchObject({ wonCount: 1, wonCents: 800_000 });
    expect(branch.body.byAdvisor?.[advisor.sub]).toMatchObject({ wonCount: 1, wonCents: 800_000 });
  });

  it("refuses another branch's forecast as if it did not exist, and a period that is not one", async () => {
    expect((await forecast(`period=2031-03&branchId=${other!.id}`, advisor)).status).toBe(404);
    expect((await forecast(`period=2031-13&branchId=${home!.id}`)).status).toBe(400);
    expect((await forecast('period=2031-03')).status).toBe(400);
  });
});

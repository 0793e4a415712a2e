/**
 * The demo pipeline `npm start` writes: every deal one the API would have made — valid, owned by
 * its customer's advisor, on a product the customer may hold, its history walking the allowed
 * moves, closed ones in the past year and open ones ahead.
 */
import { describe, expect, it } from 'vitest';
import { catalogue } from '#functions/sales/catalogue/catalogue.ts';
import { generateDemoBank } from '#local/seed/demo-bank.ts';
import { generateDemoPipeline } from '#local/seed/demo-pipeline.ts';
import { Opportunity } from '#schemas/sales/opportunity.ts';
import { allowedMoves } from '#schemas/sales/pipeline.ts';

const bank = generateDemoBank({ customers: 400 });
const asOf = new Date('2026-12-04T10:00:00.000Z');
const deals = generateDemoPipeline(bank, asOf);
const customers = new Map(bank.customers.map(({ customer }) => [customer.id, customer]));

describe('the demo pipeline', () => {
  it('gives about one customer in four with an advisor a deal or two, the same for the same seed', () => {
    const withAdvisor = bank.customers.filter(({ customer }) => customer.advisorId).length;
    const dealt = new Set(deals.map((deal) => deal.customerId)).size;
    expect(dealt / withAdvisor).toBeGreaterThan(0.15);
    expect(dealt / withAdvisor).toBeLessThan(0.35);
    expect(generateDemoPipeline(bank, asOf)).toEqual(deals);
  });

  it('holds deals the API would have made: valid, owned by the advisor, on a product the customer may hold', () => {
    for (const deal of deals) {
      expect(Opportunity.safeParse(deal).success, deal.id).toBe(true);
      const customer = customers.get(deal.customerId)!;
      expect(deal.ownerId).toBe(customer.advisorId);
      expect(deal.branchId).toBe(customer.branchId);
      const product = catalogue.find((candidate) => candidate.code === deal.productCode)!;
      expect(product.eligibility.customerKinds).toContain(customer.kind);
    }
  });

  it('walks each history through allowed moves, closed deals in the past year, open ones ahead', () => {
    const today = '2026-12-04';
    for (const deal of deals) {
      for (const [step, line] of deal.history.entries()) {
        if (step === 0) expect(line.to, deal.id).toBe('qualification');
        else expect(allowedMoves(deal.family, line.from ?? 'won'), deal.id).toContain(line.to);
      }
      expect(deal.history.at(-1)?.to).toBe(deal.stage);
      expect(deal.version).toBe(deal.history.length);
      if (deal.stage === 'won' || deal.stage === 'lost') {
        expect(deal.closedOn! < today && deal.closedOn! > '2025-12-01', deal.id).toBe(true);
      } else {
        expect(deal.expectedCloseOn > today, deal.id).toBe(true);
      }
      if (deal.stage === 'lost') expect(deal.lostReason).toBeDefined();
    }
    expect(new Set(deals.map((deal) => deal.stage)).size).toBe(6);
  });
});

/**
 * The catalogue is data the bank edits: these checks catch an entry the simulator could not price
 * or that the API would refuse to describe.
 */
import { describe, expect, it } from 'vitest';
import { catalogue, productByCode } from '#functions/sales/catalogue/catalogue.ts';
import { Product } from '#schemas/sales/product.ts';

describe('the product catalogue', () => {
  it('describes every product as the API documents it, each code once', () => {
    for (const product of catalogue) expect(Product.safeParse(product).success, product.code).toBe(true);
    expect(new Set(catalogue.map((product) => product.code)).size).toBe(catalogue.length);
  });

  it('gives loans, and only loans, a price; a rate only to savings (market investments have none)', () => {
    for (const product of catalogue) {
      expect(product.loan !== undefined, product.code).toBe(product.family === 'loan');
      if (product.savings) expect(product.family, product.code).toBe('savings');
    }
  });

  it("prices every duration a loan allows: bounds in order, the grid's last band reaching the longest", () => {
    for (const { code, loan } of catalogue) {
      if (!loan) continue;
      expect(loan.minAmountCents, code).toBeLessThan(loan.maxAmountCents);
      expect(loan.minMonths, code).toBeLessThanOrEqual(loan.maxMonths);
      expect(loan.rateGrid.at(-1)?.upToMonths, code).toBeGreaterThanOrEqual(loan.maxMonths);
      expect(loan.fees.minCents, code).toBeLessThanOrEqual(loan.fees.maxCents);
    }
  });

  it('finds a product by its code, and nothing for an unknown one', () => {
    expect(productByCode('pret-immo')?.name.fr).toBe('Prêt immobilier');
    expect(productByCode('pret-inconnu')).toBeUndefined();
  });
});

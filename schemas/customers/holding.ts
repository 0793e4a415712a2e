/** Products a customer holds: accounts, cards, loans, savings, insurance. */

import { Id, IsoDate } from '../common.ts';
import * as z from '../zod.ts';

export const ProductFamily = z.enum(['account', 'card', 'loan', 'savings', 'insurance']);
/** Balances are shown as bands: enough to advise, without exposing exact amounts. */
export const BalanceBand = z.enum(['<1k', '1k-10k', '10k-50k', '50k-200k', '>200k']);

export const Holding = z
  .object({
    id: Id,
    family: ProductFamily,
    product: z
      .string()
      .check(z.minLength(1), z.maxLength(80), z.describe('Product code, e.g. livret-a, pret-immo.')),
    label: z.string().check(z.minLength(1), z.maxLength(120)),
    openedOn: IsoDate,
    closedOn: z.optional(IsoDate),
    balanceBand: BalanceBand,
  })
  .register(z.globalRegistry, { id: 'Holding' });
export type Holding = z.infer<typeof Holding>;

/** The band of an amount in cents (upper bounds excluded: 1 000 € is `1k-10k`). */
export const balanceBandOf = (cents: number): z.infer<typeof BalanceBand> =>
  cents < 100_000
    ? '<1k'
    : cents < 1_000_000
      ? '1k-10k'
      : cents < 5_000_000
        ? '10k-50k'
        : cents < 20_000_000
          ? '50k-200k'
          : '>200k';

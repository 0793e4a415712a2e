/** Products a customer holds: accounts, cards, loans, savings, insurance. */
import * as z from 'zod';
import { Id, IsoDate } from '../common.ts';

export const ProductFamily = z.enum(['account', 'card', 'loan', 'savings', 'insurance']);
/** Balances are shown as bands: enough to advise, without exposing exact amounts. */
export const BalanceBand = z.enum(['<1k', '1k-10k', '10k-50k', '50k-200k', '>200k']);

export const Holding = z
  .object({
    id: Id,
    family: ProductFamily,
    product: z.string().min(1).max(80).describe('Product code, e.g. livret-a, pret-immo.'),
    label: z.string().min(1).max(120),
    openedOn: IsoDate,
    closedOn: IsoDate.optional(),
    balanceBand: BalanceBand,
  })
  .meta({ id: 'Holding' });
export type Holding = z.infer<typeof Holding>;

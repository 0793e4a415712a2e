/** The staff and the deal the sales unit tests start from, written once. */
import type { Caller } from '#schemas/roles.ts';
import type { Opportunity } from '#schemas/sales/opportunity.ts';

export const advisor: Caller = {
  id: 'st-camille',
  name: 'Camille Martin',
  roles: ['advisor'],
  branchId: 'br-paris',
};
export const manager: Caller = {
  id: 'st-helene',
  name: 'Hélène Rousseau',
  roles: ['branch_manager'],
  branchId: 'br-paris',
};

/** When the deal below was opened, and the moment the tests act. */
export const openedAt = '2026-11-02T09:00:00.000Z';
export const now = '2026-12-04T10:00:00.000Z';

/** A car loan of 15,000 € owned by Camille, version 3, at `stage` (proposal unless given). */
export const aDeal = (fields: Partial<Opportunity> = {}): Opportunity => ({
  id: 'op-1',
  customerId: 'cu-000000000001',
  customerName: 'DUPONT Marie',
  branchId: 'br-paris',
  ownerId: 'st-camille',
  productCode: 'pret-auto',
  family: 'loan',
  title: 'Crédit auto',
  amountCents: 1_500_000,
  expectedCloseOn: '2026-12-31',
  source: 'branch',
  stage: 'proposal',
  stageEnteredAt: openedAt,
  probabilityPercent: 50,
  history: [{ to: fields.stage ?? 'proposal', by: 'st-camille', at: openedAt }],
  createdAt: openedAt,
  updatedAt: openedAt,
  createdBy: 'st-camille',
  updatedBy: 'st-camille',
  version: 3,
  ...fields,
});

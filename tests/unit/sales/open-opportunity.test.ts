/** Opening an opportunity: its owner, first stage, probability and history, written by hand. */
import { describe, expect, it } from 'vitest';
import { productByCode } from '#functions/sales/catalogue/catalogue.ts';
import { defaultOwnerId, openOpportunity } from '#functions/sales/opportunities/open-opportunity.ts';
import { ValidationFailed } from '#shared/errors.ts';
import { advisor, manager, now } from './fixtures.ts';

const customer = {
  id: 'cu-000000000001',
  branchId: 'br-paris',
  advisorId: 'st-hugo',
  firstName: 'Marie',
  lastName: 'Dupont-Lefèvre',
};
const request = {
  productCode: 'livret-a',
  amountCents: 500_000,
  expectedCloseOn: '2026-12-31',
  source: 'phone' as const,
};
const camille = {
  id: 'st-camille',
  name: 'Camille Martin',
  roles: ['advisor' as const],
  branchId: 'br-paris',
};

describe('opening an opportunity', () => {
  it("goes to the calling advisor, else to the customer's advisor", () => {
    expect(defaultOwnerId(advisor, customer)).toBe('st-camille');
    expect(defaultOwnerId(manager, customer)).toBe('st-hugo');
    expect(defaultOwnerId(manager, { advisorId: undefined })).toBeUndefined();
  });

  it("starts at the first stage of the family's pipeline, with its probability and one history line", () => {
    const product = productByCode('livret-a')!;
    const opened = openOpportunity(request, {
      id: 'op-1',
      customer,
      product,
      owner: camille,
      caller: manager,
      now,
    });
    expect(opened).toMatchObject({
      ownerId: 'st-camille',
      customerName: 'DUPONT-LEFÈVRE Marie',
      branchId: 'br-paris',
      family: 'savings',
      title: 'Livret A',
      stage: 'qualification',
      probabilityPercent: 20,
      stageEnteredAt: now,
      history: [{ to: 'qualification', by: 'st-helene', at: now }],
      version: 1,
    });
  });

  it("refuses an owner who is not an advisor of the customer's branch", () => {
    const product = productByCode('livret-a')!;
    const open = (owner: typeof camille | undefined) => () =>
      openOpportunity(request, { id: 'op-1', customer, product, owner, caller: manager, now });
    expect(open({ ...camille, branchId: 'br-lyon' })).toThrow(ValidationFailed);
    expect(open({ ...camille, roles: ['service_agent' as never] })).toThrow(ValidationFailed);
    expect(open(undefined)).toThrow(ValidationFailed);
  });
});

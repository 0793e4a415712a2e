/** Changing an open deal: what changes, who may give it away, and what is refused, by hand. */
import { describe, expect, it } from 'vitest';
import { applyUpdate } from '#functions/sales/opportunities/apply-update.ts';
import { Conflict, Forbidden, ValidationFailed } from '#shared/errors.ts';
import { aDeal, advisor, manager, now } from './fixtures.ts';

const hugo = { id: 'st-hugo', name: 'Hugo Petit', roles: ['advisor' as const], branchId: 'br-paris' };
const deal = aDeal();

describe("changing a deal's details", () => {
  it('changes what is asked and differs, and names it', () => {
    const { next, changedFields } = applyUpdate(
      deal,
      { amountCents: 1_800_000, title: 'Crédit auto' },
      { caller: advisor, newOwner: undefined, expectedVersion: 3, now },
    );
    expect(changedFields).toEqual(['amountCents']);
    expect(next).toEqual({
      ...deal,
      amountCents: 1_800_000,
      updatedAt: now,
      updatedBy: 'st-camille',
      version: 4,
    });
  });

  it('gives the deal to another advisor of the branch when the manager asks, never when an advisor does', () => {
    const given = applyUpdate(
      deal,
      { ownerId: 'st-hugo' },
      { caller: manager, newOwner: hugo, expectedVersion: 3, now },
    );
    expect(given.changedFields).toEqual(['ownerId']);
    expect(given.next.ownerId).toBe('st-hugo');
    expect(() =>
      applyUpdate(deal, { ownerId: 'st-hugo' }, { caller: advisor, newOwner: hugo, expectedVersion: 3, now }),
    ).toThrow(Forbidden);
    expect(() =>
      applyUpdate(
        deal,
        { ownerId: 'st-hugo' },
        { caller: manager, newOwner: { ...hugo, branchId: 'br-lyon' }, expectedVersion: 3, now },
      ),
    ).toThrow(ValidationFailed);
    // Naming the owner it has already is no change of owner.
    expect(
      applyUpdate(
        deal,
        { ownerId: 'st-camille' },
        { caller: advisor, newOwner: undefined, expectedVersion: 3, now },
      ).changedFields,
    ).toEqual([]);
  });

  it('refuses a stale version with the stored one, and any change of a closed deal', () => {
    expect(() =>
      applyUpdate(
        deal,
        { amountCents: 1 },
        { caller: advisor, newOwner: undefined, expectedVersion: 2, now },
      ),
    ).toThrow(Conflict);
    expect(() =>
      applyUpdate(
        { ...deal, stage: 'won', closedOn: '2026-12-01' },
        { amountCents: 1 },
        { caller: advisor, newOwner: undefined, expectedVersion: 3, now },
      ),
    ).toThrow(ValidationFailed);
  });
});

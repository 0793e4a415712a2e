import { describe, expect, it } from 'vitest';
import {
  type AssignmentFacts,
  applyKycDecision,
  applyReassignment,
  applyUpdate,
  compactName,
  newCustomer,
  normaliseName,
  searchName,
  searchTerms,
} from '#functions/customers/domain/customer.ts';
import { type CreateCustomerRequest, UpdateCustomerRequest } from '#schemas/customers/customer.ts';
import type { Caller } from '#schemas/roles.ts';
import { Conflict, Forbidden, ValidationFailed } from '#shared/errors.ts';

const advisor: Caller = { id: 'u-1', name: 'Camille Martin', roles: ['advisor'], branchId: 'br-lyon' };
const agent: Caller = { id: 'u-2', name: 'Inès Roy', roles: ['service_agent'] };
const manager: Caller = {
  id: 'u-3',
  name: 'Stéphane Girard',
  roles: ['branch_manager'],
  branchId: 'br-lyon',
};
const admin: Caller = { id: 'u-4', name: 'Olivier Mercier', roles: ['admin'] };
const compliance: Caller = { id: 'u-5', name: 'Agnès Moreau', roles: ['compliance_officer'] };
const lyonAdvisor = { id: 'u-1', roles: ['advisor'] as const, branchId: 'br-lyon' };
const lilleAdvisor = { id: 'u-9', roles: ['advisor'] as const, branchId: 'br-lille' };
const lyon: AssignmentFacts = { branchExists: true };
const input: CreateCustomerRequest = {
  kind: 'individual',
  firstName: 'Hélène',
  lastName: 'Lefèvre',
  contact: { email: 'helene.lefevre@exemple.fr' },
  segment: 'mass_market',
  branchId: 'br-lyon',
  advisorId: 'u-1',
};
const ids = { id: 'cu-1', customerNumber: 'C0000000001' };
const created = newCustomer(
  input,
  advisor,
  ids,
  { branchExists: true, advisor: lyonAdvisor },
  '2026-11-23T10:00:00.000Z',
);

describe('customer names for search', () => {
  it('ignores accents, case and extra spaces', () => {
    expect(normaliseName('  ÉLOÏSE  Le Goff ')).toBe('eloise le goff');
    expect(normaliseName('N’Diaye')).toBe("n'diaye");
  });

  it('sorts by last name then first name', () => {
    expect(searchName({ lastName: 'Lefèvre', firstName: 'Hélène' })).toBe('lefevre helene');
  });

  it('finds a customer by first name, last name, company and names typed without apostrophes or spaces', () => {
    // Act
    const terms = searchTerms({
      lastName: "Le Goff-N'Diaye",
      firstName: 'Éloïse',
      companyName: 'Boulangerie du Port',
    });
    // Assess
    expect(terms).toEqual([
      'legoffndiayeeloise',
      'eloiselegoffndiaye',
      'le',
      'goff',
      'ndiaye',
      'boulangerieduport',
      'boulangerie',
      'du',
      'port',
    ]);
    expect(compactName("l'Hôte Dupré")).toBe('lhotedupre');
  });
});

describe('creating a customer', () => {
  it('starts at version 1, stamped with its creator, KYC pending', () => {
    expect(created).toMatchObject({
      id: 'cu-1',
      version: 1,
      createdBy: 'u-1',
      updatedBy: 'u-1',
      kycStatus: 'pending',
    });
  });

  it('refuses an advisor creating a customer in another branch', () => {
    const act = () =>
      newCustomer({ ...input, branchId: 'br-lille', advisorId: undefined }, advisor, ids, lyon, 'now');
    expect(act).toThrow(Forbidden);
  });

  it('refuses a branch that does not exist', () => {
    const act = () =>
      newCustomer({ ...input, advisorId: undefined }, admin, ids, { branchExists: false }, 'now');
    expect(act).toThrow(ValidationFailed);
  });

  it('refuses an advisor of another branch, or one that does not exist', () => {
    const ofLille = () =>
      newCustomer(
        { ...input, advisorId: 'u-9' },
        advisor,
        ids,
        { branchExists: true, advisor: lilleAdvisor },
        'now',
      );
    const unknown = () => newCustomer({ ...input, advisorId: 'u-404' }, advisor, ids, lyon, 'now');
    expect(ofLille).toThrow(/advisorId: no advisor of this branch has this id/);
    expect(unknown).toThrow(/advisorId: no advisor of this branch has this id/);
  });

  it('refuses a staff member who is not an advisor as the assigned advisor', () => {
    const marketer = { id: 'u-7', roles: ['marketer'] as const, branchId: 'br-lyon' };
    const act = () =>
      newCustomer(
        { ...input, advisorId: 'u-7' },
        advisor,
        ids,
        { branchExists: true, advisor: marketer },
        'now',
      );
    expect(act).toThrow(ValidationFailed);
  });

  it('needs a company name for a professional', () => {
    const act = () =>
      newCustomer({ ...input, kind: 'professional', advisorId: undefined }, advisor, ids, lyon, 'now');
    expect(act).toThrow(ValidationFailed);
  });
});

describe('updating a customer', () => {
  it('applies the change, bumps the version and lists the changed fields', () => {
    // Act
    const { next, changedFields } = applyUpdate(
      created,
      { lastName: 'Bénard', version: 1 },
      agent,
      1,
      '2026-11-23T11:00:00.000Z',
    );
    // Assess
    expect(next).toMatchObject({ lastName: 'Bénard', version: 2, updatedBy: 'u-2', createdBy: 'u-1' });
    expect(changedFields).toEqual(['lastName']);
  });

  it('refuses a stale version with the current one', () => {
    const act = () => applyUpdate({ ...created, version: 3 }, { lastName: 'Bénard' }, agent, 2, 'now');
    expect(act).toThrow(Conflict);
    try {
      act();
    } catch (error) {
      expect((error as Conflict).currentVersion).toBe(3);
    }
  });

  it('changes nothing when nothing differs', () => {
    const { next, changedFields } = applyUpdate(created, { lastName: 'Lefèvre' }, agent, 1, 'later');
    expect(changedFields).toEqual([]);
    expect(next).toBe(created);
  });
});

describe('the update request', () => {
  it('leaves out what the user did not send (no creation defaults)', () => {
    expect(UpdateCustomerRequest.parse({ firstName: 'Anne', version: 3 })).toEqual({
      firstName: 'Anne',
      version: 3,
    });
  });

  it.each(['kycStatus', 'segment', 'branchId', 'advisorId'])('refuses %s: not a free field', (field) => {
    const result = UpdateCustomerRequest.safeParse({ [field]: 'verified', version: 1 });
    expect(result.success).toBe(false);
  });
});

describe('a KYC decision', () => {
  it('sets the status with a new version', () => {
    const { next, changedFields } = applyKycDecision(
      created,
      { status: 'verified', reason: 'ID card and proof of address checked' },
      compliance,
      1,
      '2026-11-24T09:00:00.000Z',
    );
    expect(next).toMatchObject({ kycStatus: 'verified', version: 2, updatedBy: 'u-5' });
    expect(changedFields).toEqual(['kycStatus']);
  });

  it('refuses a stale version', () => {
    const act = () =>
      applyKycDecision(created, { status: 'rejected', reason: 'forged document' }, manager, 4, 'now');
    expect(act).toThrow(Conflict);
  });
});

describe('reassigning a customer', () => {
  it('lets a branch manager assign an advisor of the branch and set the segment', () => {
    const other = { id: 'u-8', roles: ['advisor'] as const, branchId: 'br-lyon' };
    const { next, changedFields } = applyReassignment(
      created,
      { advisorId: 'u-8', segment: 'affluent' },
      manager,
      { branchExists: true, advisor: other },
      1,
      'later',
    );
    expect(next).toMatchObject({ advisorId: 'u-8', segment: 'affluent', branchId: 'br-lyon', version: 2 });
    expect(changedFields.sort()).toEqual(['advisorId', 'segment']);
  });

  it('refuses an advisor of another branch', () => {
    const act = () =>
      applyReassignment(
        created,
        { advisorId: 'u-9' },
        manager,
        { branchExists: true, advisor: lilleAdvisor },
        1,
        'later',
      );
    expect(act).toThrow(ValidationFailed);
  });

  it('refuses a branch manager moving a customer to another branch', () => {
    const act = () =>
      applyReassignment(created, { branchId: 'br-lille' }, manager, { branchExists: true }, 1, 'later');
    expect(act).toThrow(Forbidden);
  });

  it('lets an administrator move a customer, unassigned unless an advisor of the new branch is named', () => {
    const moved = applyReassignment(
      created,
      { branchId: 'br-lille' },
      admin,
      { branchExists: true },
      1,
      'later',
    );
    expect(moved.next.branchId).toBe('br-lille');
    expect(moved.next.advisorId).toBeUndefined();
    expect(moved.changedFields.sort()).toEqual(['advisorId', 'branchId']);

    const withAdvisor = applyReassignment(
      created,
      { branchId: 'br-lille', advisorId: 'u-9' },
      admin,
      { branchExists: true, advisor: lilleAdvisor },
      1,
      'later',
    );
    expect(withAdvisor.next).toMatchObject({ branchId: 'br-lille', advisorId: 'u-9' });
  });

  it('refuses a branch that does not exist', () => {
    const act = () =>
      applyReassignment(created, { branchId: 'br-nowhere' }, admin, { branchExists: false }, 1, 'later');
    expect(act).toThrow(/branchId: no branch has this id/);
  });

  it('removes the advisor on null', () => {
    const { next } = applyReassignment(created, { advisorId: null }, manager, lyon, 1, 'later');
    expect(next.advisorId).toBeUndefined();
    expect(next.version).toBe(2);
  });
});

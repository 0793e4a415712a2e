import { describe, expect, it } from 'vitest';
import { applyUpdate, newCustomer, normaliseName, searchName } from '#functions/customers/domain/customer.ts';
import { type CreateCustomerRequest, UpdateCustomerRequest } from '#schemas/customers/customer.ts';
import type { Caller } from '#schemas/roles.ts';
import { Conflict, Forbidden, ValidationFailed } from '#shared/errors.ts';

const advisor: Caller = { id: 'u-1', name: 'Camille Martin', roles: ['advisor'], branchId: 'br-lyon' };
const agent: Caller = { id: 'u-2', name: 'Inès Roy', roles: ['service_agent'] };
const input: CreateCustomerRequest = {
  kind: 'individual',
  firstName: 'Hélène',
  lastName: 'Lefèvre',
  contact: { email: 'helene.lefevre@exemple.fr' },
  segment: 'mass_market',
  branchId: 'br-lyon',
  kycStatus: 'pending',
};
const created = newCustomer(
  input,
  advisor,
  { id: 'cu-1', customerNumber: 'C0000000001' },
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
});

describe('creating a customer', () => {
  it('starts at version 1, stamped with its creator', () => {
    expect(created).toMatchObject({ id: 'cu-1', version: 1, createdBy: 'u-1', updatedBy: 'u-1' });
  });

  it('refuses an advisor creating a customer in another branch', () => {
    // Act
    const act = () =>
      newCustomer({ ...input, branchId: 'br-lille' }, advisor, { id: 'x', customerNumber: 'C1' }, 'now');
    // Assess
    expect(act).toThrow(Forbidden);
  });

  it('needs a company name for a professional', () => {
    const act = () =>
      newCustomer({ ...input, kind: 'professional' }, advisor, { id: 'x', customerNumber: 'C1' }, 'now');
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

  it('does not let an advisor move a customer to another branch', () => {
    const act = () => applyUpdate(created, { branchId: 'br-lille' }, advisor, 1, 'later');
    expect(act).toThrow(Forbidden);
  });
});

describe('the update request', () => {
  it('leaves out what the user did not send (no creation defaults)', () => {
    expect(UpdateCustomerRequest.parse({ firstName: 'Anne', version: 3 })).toEqual({
      firstName: 'Anne',
      version: 3,
    });
  });
});

describe('changing contact points', () => {
  const withPhone = { ...created, contact: { email: 'a@exemple.fr', mobilePhone: '+33611223344' } };

  it('keeps the contact points that were not sent', () => {
    const { next } = applyUpdate(withPhone, { contact: { email: 'b@exemple.fr' } }, agent, 1, 'later');
    expect(next.contact).toEqual({ email: 'b@exemple.fr', mobilePhone: '+33611223344' });
  });

  it('removes a contact point sent as null', () => {
    const { next, changedFields } = applyUpdate(
      withPhone,
      { contact: { mobilePhone: null } },
      agent,
      1,
      'later',
    );
    expect(next.contact).toEqual({ email: 'a@exemple.fr' });
    expect(changedFields).toEqual(['contact']);
  });
});

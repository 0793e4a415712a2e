/** The edit form sends what changed, whole where a partial object would lose data. */
import { describe, expect, it } from 'vitest';
import {
  buildCustomerPatch,
  draftFieldOf,
  draftFromCustomer,
} from '#web/src/features/customers/utils/customer-patch.ts';
import { formatPhone } from '#web/src/features/customers/utils/phone.ts';
import { marieDupont } from './support/customer.ts';

const customer = marieDupont({
  email: 'marie.dupont@exemple.fr',
  mobilePhone: '+33612345678',
  homePhone: '+33144556677',
});

describe('buildCustomerPatch', () => {
  it('sends nothing when the form was left as it was', () => {
    // Act
    const patch = buildCustomerPatch(customer, draftFromCustomer(customer));

    // Assess
    expect(patch).toEqual({});
  });

  it('sends the whole contact when only the email changed, so the phones are kept', () => {
    // Prepare
    const draft = { ...draftFromCustomer(customer), email: ' marie@nouveau.fr ' };

    // Act
    const patch = buildCustomerPatch(customer, draft);

    // Assess
    expect(patch).toEqual({
      contact: { email: 'marie@nouveau.fr', mobilePhone: '+33612345678', homePhone: '+33144556677' },
    });
  });

  it('writes a French mobile typed with spaces as E.164', () => {
    // Prepare
    const draft = { ...draftFromCustomer(customer), mobilePhone: '07 98 76 54 32' };

    // Act
    const patch = buildCustomerPatch(customer, draft);

    // Assess
    expect(patch.contact?.mobilePhone).toBe('+33798765432');
  });

  it('sends the changed scalar fields and the address with its country', () => {
    // Prepare
    const draft = {
      ...draftFromCustomer(customer),
      lastName: 'Durand',
      city: 'Lyon',
      postalCode: '69002',
    };

    // Act
    const patch = buildCustomerPatch(customer, draft);

    // Assess
    expect(patch).toEqual({
      lastName: 'Durand',
      address: { line1: '3 rue de la Paix', postalCode: '69002', city: 'Lyon', country: 'FR' },
    });
  });

  it('sends a French postal code typed with a space as its five digits', () => {
    // Prepare
    const draft = { ...draftFromCustomer(customer), postalCode: ' 69 002 ', city: 'Lyon' };

    // Act
    const patch = buildCustomerPatch(customer, draft);

    // Assess
    expect(patch.address?.postalCode).toBe('69002');
  });
});

describe('draftFieldOf', () => {
  it('puts API field errors next to the matching form field', () => {
    // Act
    const fields = ['contact.email', 'body.contact.mobilePhone', '/address/postalCode', 'branchId'].map(
      draftFieldOf,
    );

    // Assess
    expect(fields).toEqual(['email', 'mobilePhone', 'postalCode', undefined]);
  });
});

describe('formatPhone', () => {
  it('spaces French numbers as people read them and leaves others alone', () => {
    // Act
    const shown = [formatPhone('+33612345678'), formatPhone('+3247012345')];

    // Assess
    expect(shown).toEqual(['+33 6 12 34 56 78', '+3247012345']);
  });
});

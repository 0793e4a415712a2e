/**
 * The edit form's checks before saving: French postal codes, and every field checked at once,
 * with the server's own rules (the schema agrees with what the form lets through).
 */
import { describe, expect, it } from 'vitest';
import { Address, ContactPoints, Phone } from '#schemas/customers/customer.ts';
import { draftFromCustomer } from '#web/src/features/customers/utils/customer-patch.ts';
import {
  checkDraft,
  emailPattern,
  firstInvalidField,
  postcodeError,
} from '#web/src/features/customers/utils/customer-rules.ts';
import { normalisePhone } from '#web/src/features/customers/utils/phone.ts';
import { isFrenchPostcode } from '#web/src/features/customers/utils/postcode.ts';
import { marieDupont } from './support/customer.ts';

const customer = marieDupont({ email: 'marie.dupont@exemple.fr', mobilePhone: '+33612345678' });
const { address: _address, ...withoutAddress } = customer;

describe('isFrenchPostcode', () => {
  it('accepts the five digits of a metropolitan département, 01 to 95', () => {
    // Act
    const verdicts = ['01000', '75002', '69002', '13008', '95000', '59800'].map(isFrenchPostcode);

    // Assess
    expect(verdicts).toEqual([true, true, true, true, true, true]);
  });

  it('accepts Corsica as written in postal codes (20…), not as its département codes 2A and 2B', () => {
    // Act
    const verdicts = ['20000', '20200', '20090', '2A004', '2B033'].map(isFrenchPostcode);

    // Assess
    expect(verdicts).toEqual([true, true, true, false, false]);
  });

  it('accepts overseas codes 971 to 976 and 984 to 988, and no other 97… or 98…', () => {
    // Act
    const accepted = ['97100', '97200', '97300', '97400', '97500', '97600', '98400', '98600', '98800'].map(
      isFrenchPostcode,
    );
    const refused = ['97000', '97700', '97900', '98000', '98300', '98900'].map(isFrenchPostcode);

    // Assess
    expect(accepted).toEqual([true, true, true, true, true, true, true, true, true]);
    expect(refused).toEqual([false, false, false, false, false, false]);
  });

  it('refuses département 00, 96 and 99, and anything but five digits', () => {
    // Act
    const verdicts = ['00100', '96000', '99000', '7500', '750022', '75OO2', '', 'Paris'].map(
      isFrenchPostcode,
    );

    // Assess
    expect(verdicts).toEqual([false, false, false, false, false, false, false, false]);
  });

  it('reads a code typed with spaces, as people write it on envelopes', () => {
    // Act
    const verdicts = [' 75 002 ', '97 1 00'].map(isFrenchPostcode);

    // Assess
    expect(verdicts).toEqual([true, true]);
  });
});

describe('postcodeError', () => {
  it('holds French addresses to the French rule and others to the API’s 2 to 10 characters', () => {
    // Act
    const errors = [
      postcodeError('96000', 'FR'),
      postcodeError('75002', 'FR'),
      postcodeError('1000', 'BE'),
      postcodeError('SW1A 1AA', 'GB'),
      postcodeError('1', 'BE'),
    ];

    // Assess
    expect(errors).toEqual(['postalCodeFrance', undefined, undefined, undefined, 'postalCodeOther']);
  });
});

describe('checkDraft', () => {
  it('finds nothing to correct in the file as it is', () => {
    // Act
    const errors = checkDraft(customer, draftFromCustomer(customer));

    // Assess
    expect(errors).toEqual({});
  });

  it('reports every field in error at once, each with its own reason', () => {
    // Prepare
    const draft = {
      firstName: ' ',
      lastName: 'D'.repeat(81),
      email: 'marie.dupont@',
      mobilePhone: '06 12',
      line1: '',
      line2: 'Bâtiment B',
      postalCode: '96000',
      city: 'Paris',
    };

    // Act
    const errors = checkDraft(customer, draft);

    // Assess
    expect(errors).toEqual({
      firstName: 'required',
      lastName: 'tooLong',
      email: 'email',
      mobilePhone: 'phone',
      line1: 'addressIncomplete',
      postalCode: 'postalCodeFrance',
    });
    expect(firstInvalidField(errors)).toBe('firstName');
  });

  it('asks for the names and for a complete address', () => {
    // Prepare
    const draft = { ...draftFromCustomer(customer), firstName: ' ', city: '' };

    // Act
    const errors = checkDraft(customer, draft);

    // Assess
    expect(errors).toEqual({ firstName: 'required', city: 'addressIncomplete' });
  });

  it('lets a customer without an address stay so, and asks for all of it once a part is typed', () => {
    // Prepare
    const none = { ...draftFromCustomer(withoutAddress), email: 'marie@nouveau.fr' };
    const started = { ...draftFromCustomer(withoutAddress), postalCode: '69002' };

    // Act
    const noneErrors = checkDraft(withoutAddress, none);
    const startedErrors = checkDraft(withoutAddress, started);

    // Assess
    expect(noneErrors).toEqual({});
    expect(startedErrors).toEqual({ line1: 'addressIncomplete', city: 'addressIncomplete' });
    expect(firstInvalidField(startedErrors)).toBe('line1');
  });

  it('checks the postal code of a foreign address with the API’s rule only', () => {
    // Prepare
    const belgian = { ...customer, address: { ...customer.address!, postalCode: '1000', country: 'BE' } };
    const draft = { ...draftFromCustomer(belgian), postalCode: '1050', city: 'Ixelles' };

    // Act
    const errors = checkDraft(belgian, draft);

    // Assess
    expect(errors).toEqual({});
  });

  it('leaves an untouched address alone, even with a code from before the French rule', () => {
    // Prepare
    const legacy = { ...customer, address: { ...customer.address!, postalCode: '7500' } };
    const draft = { ...draftFromCustomer(legacy), email: 'marie@nouveau.fr' };

    // Act
    const errors = checkDraft(legacy, draft);

    // Assess
    expect(errors).toEqual({});
  });

  it('accepts a French mobile typed with spaces and an address at the longest the API allows', () => {
    // Prepare
    const draft = {
      ...draftFromCustomer(customer),
      mobilePhone: '07 98 76 54 32',
      line1: 'r'.repeat(120),
      city: 'c'.repeat(80),
    };

    // Act
    const errors = checkDraft(customer, draft);

    // Assess
    expect(errors).toEqual({});
  });
});

describe('the form’s rules and the API’s schema', () => {
  it('lets through only what the schema accepts', () => {
    // Prepare
    const emails = ['marie.dupont@exemple.fr', 'a+b@x.io', 'jean-luc.o_neil@banque.example.com'];
    const phones = ['06 12 34 56 78', '+33 6 12 34 56 78', '0032 470 12 34 56'];
    const postcodes = ['75002', '20200', '97100', '98800'];

    // Act
    const refusedByServer = [
      ...emails.filter(
        (email) => emailPattern.test(email) && !ContactPoints.shape.email.safeParse(email).success,
      ),
      ...phones.filter((phone) => !Phone.safeParse(normalisePhone(phone)).success),
      ...postcodes.filter(
        (postalCode) => !Address.safeParse({ line1: '1 rue', postalCode, city: 'X', country: 'FR' }).success,
      ),
    ];

    // Assess
    expect(refusedByServer).toEqual([]);
  });

  it('refuses the e-mail addresses the schema refuses', () => {
    // Prepare
    const emails = ['marie.dupont@', 'marie@exemple', 'marie dupont@exemple.fr', '.marie@exemple.fr'];

    // Act
    const verdicts = emails.map((email) => [
      emailPattern.test(email),
      ContactPoints.shape.email.safeParse(email).success,
    ]);

    // Assess
    expect(verdicts).toEqual([
      [false, false],
      [false, false],
      [false, false],
      [false, false],
    ]);
  });
});

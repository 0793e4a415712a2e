/**
 * The customer's keys in the single table, in one place. A customer is an item collection under
 * `CUSTOMER#<id>`: the profile, holdings and consents sort under `P#`, the timeline under
 * `A#TL#<time>`; a descending Query therefore returns the whole file first, then the newest
 * timeline entries (the 360° view in one request). Indexes: gsi1 = branch by name, gsi2 =
 * advisor portfolio by name, gsi3 = every customer by name prefix; lookups by e-mail, phone
 * and customer number are items of their own.
 */
import type { Customer } from '#schemas/customers/customer.ts';
import { normaliseEmail, searchName } from '../domain/customer.ts';

export const customerPk = (id: string) => `CUSTOMER#${id}`;
export const profileSk = 'P#PROFILE';
export const consentsSk = 'P#CONSENTS';
export const holdingSk = (id: string) => `P#HOLDING#${id}`;
export const timelineSk = (occurredAt: string, eventId: string) => `A#TL#${occurredAt}#${eventId}`;

/** Name-prefix searches across all branches are spread over partitions by the first two letters. */
export const namePartition = (normalisedPrefix: string) => `NAME#${normalisedPrefix.slice(0, 2)}`;

export const profileIndexKeys = (customer: Customer) => {
  const name = searchName(customer);
  return {
    gsi1pk: `BRANCH#${customer.branchId}`,
    gsi1sk: `NAME#${name}#${customer.id}`,
    ...(customer.advisorId
      ? { gsi2pk: `ADVISOR#${customer.advisorId}`, gsi2sk: `NAME#${name}#${customer.id}` }
      : {}),
    gsi3pk: namePartition(name),
    gsi3sk: `${name}#${customer.id}`,
  };
};

export type LookupKind = 'email' | 'phone' | 'number';
export const lookupPk = (kind: LookupKind, value: string) => `LOOKUP#${kind}#${value}`;

/** The lookup items a customer needs: e-mail and phones shared by several customers, a unique number. */
export const lookupKeys = (customer: Customer): { pk: string; sk: string }[] => {
  const phones = [customer.contact.mobilePhone, customer.contact.homePhone].filter((p): p is string => !!p);
  return [
    { pk: lookupPk('number', customer.customerNumber), sk: 'UNIQUE' },
    ...(customer.contact.email
      ? [{ pk: lookupPk('email', normaliseEmail(customer.contact.email)), sk: customerPk(customer.id) }]
      : []),
    ...[...new Set(phones)].map((phone) => ({ pk: lookupPk('phone', phone), sk: customerPk(customer.id) })),
  ];
};

export const counterKey = { pk: 'COUNTER', sk: 'customerNumber' };

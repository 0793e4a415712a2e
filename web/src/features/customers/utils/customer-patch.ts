/**
 * The edit form's model: a flat draft of the editable fields, the PATCH body holding only what
 * changed (contact and address are sent whole, so no sub-field is lost whatever merge the API
 * does), and where an API field error belongs in the form. The checks before sending are in
 * `customer-rules.ts`.
 */
import type { Customer, UpdateCustomerRequest } from '#schemas/customers/customer.ts';
import { formatPhone, normalisePhone } from './phone.ts';
import { compactPostcode } from './postcode.ts';

export type CustomerDraft = {
  firstName: string;
  lastName: string;
  email: string;
  mobilePhone: string;
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
};
export type DraftField = keyof CustomerDraft;
export type CustomerPatch = Omit<UpdateCustomerRequest, 'version'>;

/** The draft a customer starts the form with. */
export const draftFromCustomer = (customer: Customer): CustomerDraft => ({
  firstName: customer.firstName,
  lastName: customer.lastName,
  email: customer.contact.email ?? '',
  mobilePhone: customer.contact.mobilePhone ? formatPhone(customer.contact.mobilePhone) : '',
  line1: customer.address?.line1 ?? '',
  line2: customer.address?.line2 ?? '',
  postalCode: customer.address?.postalCode ?? '',
  city: customer.address?.city ?? '',
});

const compact = <T extends Record<string, unknown>>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields changed by the draft, ready for `PATCH /v1/customers/{id}` (plus `version`). */
export const buildCustomerPatch = (customer: Customer, draft: CustomerDraft): CustomerPatch => {
  const patch: CustomerPatch = {};
  const firstName = draft.firstName.trim();
  const lastName = draft.lastName.trim();
  if (firstName !== customer.firstName) patch.firstName = firstName;
  if (lastName !== customer.lastName) patch.lastName = lastName;

  const contact = compact({
    ...customer.contact,
    email: draft.email.trim() || undefined,
    mobilePhone: normalisePhone(draft.mobilePhone) || undefined,
  });
  if (!sameJson(compact({ ...customer.contact }), contact)) patch.contact = contact;

  const typedAddress = [draft.line1, draft.line2, draft.postalCode, draft.city].some((v) => v.trim());
  if (typedAddress) {
    const country = customer.address?.country ?? 'FR';
    const address = compact({
      line1: draft.line1.trim(),
      line2: draft.line2.trim() || undefined,
      // French codes are five digits: `75 002` is sent as `75002`.
      postalCode: country === 'FR' ? compactPostcode(draft.postalCode) : draft.postalCode.trim(),
      city: draft.city.trim(),
      country,
    });
    if (!sameJson(customer.address ? compact({ ...customer.address }) : undefined, address)) {
      patch.address = {
        ...address,
        line1: address.line1,
        postalCode: address.postalCode,
        city: address.city,
      };
    }
  }

  return patch;
};

const apiFieldToDraft: Record<string, DraftField> = {
  firstName: 'firstName',
  lastName: 'lastName',
  contact: 'email',
  'contact.email': 'email',
  'contact.mobilePhone': 'mobilePhone',
  address: 'line1',
  'address.line1': 'line1',
  'address.line2': 'line2',
  'address.postalCode': 'postalCode',
  'address.city': 'city',
};

/** The form field an API error's `field` (e.g. `contact.email`, `/contact/email`) points at. */
export const draftFieldOf = (apiField: string): DraftField | undefined =>
  apiFieldToDraft[
    apiField
      .replace(/^\//, '')
      .replace(/\//g, '.')
      .replace(/^body\./, '')
  ];

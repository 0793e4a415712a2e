/**
 * What the edit form checks before asking the API, every field at once. The rules are the
 * server's (`schemas/customers/customer.ts`: lengths, the e-mail pattern, E.164 phones, a whole
 * address or none), written out here so that the bundle does not carry the schema library; the
 * unit tests hold both to the same verdicts. One rule is the form's own: a French address
 * (country FR) needs a French postal code, where the API takes any 2 to 10 characters.
 */
import type { Customer } from '#schemas/customers/customer.ts';
import { type CustomerDraft, type DraftField, draftFromCustomer } from './customer-patch.ts';
import { normalisePhone } from './phone.ts';
import { compactPostcode, isFrenchPostcode } from './postcode.ts';

export type FieldError =
  | 'required'
  | 'addressIncomplete'
  | 'tooLong'
  | 'email'
  | 'phone'
  | 'postalCodeFrance'
  | 'postalCodeOther';
export type DraftErrors = Partial<Record<DraftField, FieldError>>;

/** The form's fields in the order they are shown: the first in error takes the focus. */
export const draftFields: readonly DraftField[] = [
  'firstName',
  'lastName',
  'email',
  'mobilePhone',
  'line1',
  'line2',
  'postalCode',
  'city',
];

/** The longest value the API accepts for each field (`max` in the schema). */
export const maxLength: Record<DraftField, number> = {
  firstName: 80,
  lastName: 80,
  email: 254,
  mobilePhone: 16,
  line1: 120,
  line2: 120,
  postalCode: 10,
  city: 80,
};

/** `z.email()`'s pattern (zod 4), the one the API checks addresses with. */
export const emailPattern =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
/** The schema's `Phone`: E.164. */
export const phonePattern = /^\+[1-9]\d{6,14}$/;

const addressFields = ['line1', 'line2', 'postalCode', 'city'] as const;
const requiredAddressFields = ['line1', 'postalCode', 'city'] as const;

/** The address's country, as the patch will send it. */
export const addressCountry = (customer: Customer): string => customer.address?.country ?? 'FR';

/** Whether a postal code is one the form accepts for the country. */
export const postcodeError = (postcode: string, country: string): FieldError | undefined => {
  if (country === 'FR') return isFrenchPostcode(postcode) ? undefined : 'postalCodeFrance';
  const code = compactPostcode(postcode);
  return code.length >= 2 && code.length <= maxLength.postalCode ? undefined : 'postalCodeOther';
};

/**
 * Every problem of the draft at once, one per field (the first that applies): required names,
 * lengths, the e-mail and phone formats, a whole address or none, the postal code. The postal
 * code is checked when the address changes: an untouched address is not sent, so a file from
 * before this rule can still have its e-mail corrected.
 */
export const checkDraft = (customer: Customer, draft: CustomerDraft): DraftErrors => {
  const errors: DraftErrors = {};
  const value = (field: DraftField) => draft[field].trim();
  const tooLong = (field: DraftField) => value(field).length > maxLength[field];

  for (const field of ['firstName', 'lastName'] as const) {
    if (!value(field)) errors[field] = 'required';
    else if (tooLong(field)) errors[field] = 'tooLong';
  }

  if (value('email')) {
    if (tooLong('email')) errors.email = 'tooLong';
    else if (!emailPattern.test(value('email'))) errors.email = 'email';
  }
  if (value('mobilePhone') && !phonePattern.test(normalisePhone(draft.mobilePhone))) {
    errors.mobilePhone = 'phone';
  }

  const initial = draftFromCustomer(customer);
  const typed = addressFields.some((field) => value(field));
  const changed = addressFields.some((field) => draft[field] !== initial[field]);
  if (customer.address || typed) {
    for (const field of requiredAddressFields) if (!value(field)) errors[field] = 'addressIncomplete';
  }
  for (const field of ['line1', 'line2', 'city'] as const) {
    if (!errors[field] && tooLong(field)) errors[field] = 'tooLong';
  }
  if (changed && value('postalCode')) {
    const postcode = postcodeError(draft.postalCode, addressCountry(customer));
    if (postcode) errors.postalCode = postcode;
  }
  return errors;
};

/** The first field in error, in the form's order. */
export const firstInvalidField = (errors: DraftErrors): DraftField | undefined =>
  draftFields.find((field) => errors[field]);

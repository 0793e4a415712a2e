/**
 * The shape of a customer id: `cu-` and 12 lower-case letters or digits, made by
 * `functions/customers/customers/create-customer.ts` (and the demo seed). The lake looks for
 * it in free text, where a customer id must not survive.
 */
export const customerIdPrefix = 'cu-';
export const customerIdLength = 12;

/** Every customer id inside a text (a URL, a search query). */
export const customerIdInText = new RegExp(`\\b${customerIdPrefix}[a-z0-9]{${customerIdLength}}\\b`, 'g');

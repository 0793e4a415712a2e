/**
 * What the user typed in the one search box, turned into the one API parameter it means:
 * `@` → email, `+…` or 9+ digits → phone, `C123…` → customer number, otherwise a name prefix.
 */
import { normalisePhone } from './phone.ts';

export type CustomerSearchBy = 'name' | 'email' | 'phone' | 'number';
export type CustomerSearch = { by: CustomerSearchBy; value: string };

/** The API's query parameter for each kind of search. */
export const searchParameter: Record<CustomerSearchBy, 'q' | 'email' | 'phone' | 'number'> = {
  name: 'q',
  email: 'email',
  phone: 'phone',
  number: 'number',
};

/** Reads the search box; undefined when there is not enough to search (a name under 2 chars). */
export const detectSearch = (input: string): CustomerSearch | undefined => {
  const text = input.trim().replace(/\s+/g, ' ');
  if (!text) return undefined;
  if (text.includes('@')) return { by: 'email', value: text.toLowerCase() };
  const compact = text.replace(/[\s.\-()]/g, '');
  if (/^\+\d+$/.test(compact) || /^\d{9,}$/.test(compact))
    return { by: 'phone', value: normalisePhone(text) };
  if (/^C\d+$/i.test(text)) return { by: 'number', value: text.toUpperCase() };
  if (text.length < 2) return undefined;
  return { by: 'name', value: text };
};

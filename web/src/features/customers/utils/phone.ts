/** Phone numbers as the API stores them: E.164. */

/**
 * French national numbers (`06 12 34 56 78`) become E.164 (`+33612345678`), the form the API
 * stores; separators (spaces, dots, dashes, brackets) go. Anything else is only stripped.
 */
export const normalisePhone = (input: string): string => {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  if (compact.startsWith('00')) return `+${compact.slice(2)}`;
  if (/^0[1-9]\d{8}$/.test(compact)) return `+33${compact.slice(1)}`;
  return compact;
};

/** E.164 as people read it: `+33612345678` → `+33 6 12 34 56 78`; other numbers as stored. */
export const formatPhone = (e164: string): string => {
  const french = /^\+33(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(e164);
  return french ? `+33 ${french.slice(1).join(' ')}` : e164;
};

/**
 * Amounts as an advisor types them, turned into the integer cents the API takes. French first:
 * « 15 000 », « 15000,50 », « 15 000 € », « 15.000 » (a dot between thousands); the decimal point
 * too when it cannot be a thousands separator (« 15000.50 ») and, in English, « 15,000.50 ». At most
 * two decimals; anything else (letters, a minus sign, three decimals) is not an amount.
 */
import type { Lang } from '#web/src/lib/i18n.ts';

/** Spaces of any kind (typed, non-breaking, narrow as Intl writes them), the euro sign and `EUR`. */
const noise = /[\s\u00a0\u202f€]|eur$/gi;

/** Digits grouped by three with `group` between the groups, or not grouped at all. */
const integerPart = (group: string) => new RegExp(`^(\\d{1,3}(\\${group}\\d{3})+|\\d+)$`);

/** The most digits an amount may have in euros (a billion is far beyond any loan). */
const maxDigits = 10;

/** The cents of `text`, or undefined when it is not an amount in euros. */
export const parseEurosToCents = (text: string, lang: Lang = 'fr'): number | undefined => {
  const compact = text.trim().replace(noise, '');
  if (compact === '') return undefined;
  let decimal = lang === 'en' ? '.' : ',';
  let group = lang === 'en' ? ',' : '.';
  // The other mark as the decimal one when it is alone and followed by one or two digits
  // (« 15000.50 » in French, « 15,5 » in English): it cannot be a thousands separator then.
  if (!compact.includes(decimal) && /^\d+[.,]\d{1,2}$/.test(compact)) [decimal, group] = [group, decimal];
  const parts = compact.split(decimal);
  if (parts.length > 2) return undefined;
  const [whole = '', fraction = ''] = parts;
  if (!integerPart(group).test(whole)) return undefined;
  if (parts.length === 2 && !/^\d{1,2}$/.test(fraction)) return undefined;
  const digits = whole.replaceAll(group, '');
  if (digits.replace(/^0+/, '').length > maxDigits) return undefined;
  return Number(digits) * 100 + Number(fraction.padEnd(2, '0'));
};

/** Whole months as typed (« 48 », « 48 mois »), or undefined. */
export const parseMonths = (text: string): number | undefined => {
  const compact = text.trim().replace(/\s*(mois|months?)$/i, '');
  return /^\d{1,4}$/.test(compact) ? Number(compact) : undefined;
};

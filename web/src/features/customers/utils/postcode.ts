/**
 * French postal codes (codes postaux): five digits, the first two those of the département.
 *
 * - Metropolitan France: 01 to 95. Corsica's départements are 2A and 2B, but their postal codes
 *   are written with digits, 20000 to 20999 (20000 Ajaccio, 20200 Bastia), so « 2A004 » (an
 *   INSEE commune code) is not a postal code.
 * - Overseas: three digits, 971 to 976 (Guadeloupe, Martinique, Guyane, La Réunion,
 *   Saint-Pierre-et-Miquelon, Mayotte; Saint-Barthélemy and Saint-Martin use 971) and 984 to 988
 *   (TAAF, Wallis-et-Futuna, Polynésie française, Nouvelle-Calédonie).
 *
 * Monaco (98000) has its own country code, MC, and is not a French postal code.
 */

/** The postcode as typed, without the spaces people put in (`75 002`). */
export const compactPostcode = (input: string): string => input.replace(/\s+/g, '');

/** Whether `input` (spaces allowed) is a French postal code. */
export const isFrenchPostcode = (input: string): boolean => {
  const code = compactPostcode(input);
  if (!/^\d{5}$/.test(code)) return false;
  const department = Number(code.slice(0, 2));
  const overseas = Number(code.charAt(2));
  if (department >= 1 && department <= 95) return true;
  if (department === 97) return overseas >= 1 && overseas <= 6;
  if (department === 98) return overseas >= 4 && overseas <= 8;
  return false;
};

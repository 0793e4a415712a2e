/*
 * Official worked examples of the annual percentage rate of charge (APR, French "TAEG"), computed by
 * the actuarial method: the rate that makes the present value of the drawdowns equal to the present
 * value of the repayments and charges.
 *
 * Every amount, time and published rate below is copied from the publication cited in each example
 * (Directive 98/7/EC annex III, and the annex of the French decree no. 2002-928 of 10 June 2002, which
 * carries the examples the French TEG/TAEG rules were built on). Nothing here is computed: where a
 * publication gives a time in days it is written as `days / 365`, equal months as `k / 12`, and years
 * as published. A fixture to test our implementation against, not a test itself.
 */

/** One published worked example: cash flows and the published result, with where it is published. */
export type WorkedExample = {
  name: string;
  source: string;
  url: string;
  /** Amounts the lender pays out (drawdowns), in euros, at a time in years from the first drawdown. */
  drawdowns: { amount: number; years: number }[];
  /**
   * Amounts the borrower pays (repayments and charges), in euros, at a time in years from the first
   * drawdown.
   */
  repayments: { amount: number; years: number }[];
  /** The APR as published, in per cent, e.g. 12.96 */
  publishedRatePercent: number;
  /** Decimals the publication gives (1 or 2). */
  decimals: number;
  /** Anything a reader needs: day-count basis used (365 days, equal months), rounding. */
  note?: string;
};

const DIRECTIVE_98_7_URL = 'https://service.betterregulation.com/document/260747';

/** Legifrance text of decree no. 2002-928 (JO no. 134, 11 June 2002, pp. 10358-10360), stored by Etalab. */
const DECREE_2002_928_URL =
  'https://github.com/etalab/lois-non-codifiees-et-reglements-francais/blob/' +
  '3160cdff97a9377865e4cab71c6609ed23589377/decret/2002/' +
  'decret-n2002-928-du-10-juin-2002-ecot0214229d/article-annexe.md';

const DECREE_2002_928 =
  'Décret no. 2002-928 du 10 juin 2002 (JO no. 134 du 11 juin 2002, p. 10358-10360), annexe, ' +
  "A. Exemples de calcul du TEG d'opérations de prêt sur la base d'une année standard";

export const workedExamples: readonly WorkedExample[] = [
  {
    name: 'Directive 98/7/EC annex III, first example',
    source:
      'Directive 98/7/EC, annex (annex III "Examples of calculation" of Directive 87/102/EEC), ' +
      'A. calendar basis, first example',
    url: DIRECTIVE_98_7_URL,
    drawdowns: [{ amount: 1000, years: 0 }],
    repayments: [{ amount: 1200, years: 546 / 365 }],
    publishedRatePercent: 12.96,
    decimals: 2,
    note:
      'ECU 1 000 lent on 1 January 1994, ECU 1 200 repaid on 1 July 1995, "546 (= 365 + 181) days after ' +
      'the date of the loan": calendar basis, 1 year = 365 days, so the time is written 546 / 365. ' +
      'Published as "rounded to 13 % (or 12,96 % if an accuracy of two decimal places is preferred)". ' +
      'Same text in the COM(1996)79 proposal (parlementairemonitor.nl) and, in German, in the ' +
      'consolidated Directive 87/102/EEC annex III (gesetze.legal), which gives i = 0,1296204.',
  },
  {
    name: 'Directive 98/7/EC annex III, third example',
    source:
      'Directive 98/7/EC, annex (annex III "Examples of calculation" of Directive 87/102/EEC), ' +
      'A. calendar basis, third example',
    url: DIRECTIVE_98_7_URL,
    drawdowns: [{ amount: 1000, years: 0 }],
    repayments: [
      { amount: 600, years: 1 },
      { amount: 600, years: 2 },
    ],
    publishedRatePercent: 13.07,
    decimals: 2,
    note:
      'ECU 1 000 lent on 1 January 1994, "repayable in two amounts, each of ECU 600, paid after one and ' +
      'two years respectively". Solved by algebra: "i = 0,1306623 rounded to 13,1 % (or 13,07 % if an ' +
      'accuracy of two decimal places is preferred)". Whole years, so the result is the same on the ' +
      'calendar and the equal-period basis (the French decree, third example, gives the same figures).',
  },
  {
    name: 'Décret 2002-928 annexe, premier exemple',
    source: `${DECREE_2002_928}, premier exemple`,
    url: DECREE_2002_928_URL,
    drawdowns: [{ amount: 1000, years: 0 }],
    repayments: [{ amount: 1200, years: 1.5 }],
    publishedRatePercent: 12.92,
    decimals: 2,
    note:
      'EUR 1 000 lent on 1 January 2001, repaid in one payment of EUR 1 200 on 1 July 2002, "soit 1,5 an ' +
      'ou 547,5 jours (365 + 182,5)": standard year (365 days, 365,25 days, 52 weeks or 12 equal ' +
      'months), so the time is 1.5 years, not 546 / 365. Published as "arrondi à 12,9 % (ou à 12,92 % ' +
      'si l\'on préfère une précision de deux décimales)". Same case as Directive 98/7/EC annex III, ' +
      'B. first example (i = 0,129243 in the German consolidated text).',
  },
  {
    name: 'Décret 2002-928 annexe, deuxième exemple',
    source: `${DECREE_2002_928}, deuxième exemple`,
    url: DECREE_2002_928_URL,
    drawdowns: [{ amount: 1000, years: 0 }],
    repayments: [
      { amount: 50, years: 0 },
      { amount: 1200, years: 1.5 },
    ],
    publishedRatePercent: 16.85,
    decimals: 2,
    note:
      'EUR 1 000 lent, but the lender keeps EUR 50 as "frais de dossier", so that the loan is in fact ' +
      'EUR 950; EUR 1 200 repaid on 1 July 2002 as in the first example (1.5 years, standard year). ' +
      'The fee is written as a charge at time 0 (same equation as a drawdown of 950). Published as ' +
      '"arrondi à 16,9 % (ou à 16,85 %)". Directive 98/7/EC, A. second example (calendar basis, ' +
      '546 days) gives 16,9 % for the same amounts.',
  },
  {
    name: 'Décret 2002-928 annexe, quatrième exemple',
    source: `${DECREE_2002_928}, quatrième exemple`,
    url: DECREE_2002_928_URL,
    drawdowns: [{ amount: 1000, years: 0 }],
    repayments: [
      { amount: 272, years: 0.25 },
      { amount: 272, years: 0.5 },
      { amount: 544, years: 1 },
    ],
    publishedRatePercent: 13.19,
    decimals: 2,
    note:
      'EUR 1 000 lent on 1 January 2001; the borrower pays EUR 272 after three months (0,25 année/91,25 ' +
      'jours), EUR 272 after six months (0,5 année/182,5 jours) and EUR 544 after twelve months ' +
      '(1 année/365 jours), total EUR 1 088. Standard year. Solved by successive approximations: ' +
      '"i = 0,131 854, arrondi à 13,2 % (ou à 13,19 % si l\'on préfère une précision de deux ' +
      'décimales)".',
  },
  {
    name: 'Décret 2002-928 annexe, cinquième exemple',
    source: `${DECREE_2002_928}, cinquième exemple`,
    url: DECREE_2002_928_URL,
    drawdowns: [{ amount: 1000, years: 0 }],
    repayments: Array.from({ length: 36 }, (_, i) => ({ amount: 30.42, years: (i + 1) / 12 })),
    publishedRatePercent: 6.16,
    decimals: 2,
    note:
      'EUR 1 000 lent on 1 January at a periodic contractual rate of 0,5 % a month, repaid by 36 equal ' +
      'payments of EUR 30,42 on the first of each month from 1 February (or lent on 28 February and ' +
      'repaid at each month end from 31 March). "Tous les mois sont réputés égaux : on utilise la ' +
      'notion de mois normalisé", so payment k is at k / 12. Published as "i = 6,2 % (ou 6,16 % si ' +
      'l\'on préfère une précision de deux décimales)".',
  },
  {
    name: 'Décret 2002-928 annexe, sixième exemple',
    source: `${DECREE_2002_928}, sixième exemple`,
    url: DECREE_2002_928_URL,
    drawdowns: [{ amount: 1000, years: 0 }],
    repayments: [
      { amount: 10, years: 0 },
      ...Array.from({ length: 36 }, (_, i) => ({ amount: 30.42, years: (i + 1) / 12 })),
    ],
    publishedRatePercent: 6.88,
    decimals: 2,
    note:
      'The fifth example with EUR 10 of "frais de dossier" kept by the lender at the start of the ' +
      'contract (written as a charge at time 0): EUR 1 000 lent on 1 January, 0,5 % a month, 36 equal ' +
      'payments of EUR 30,42 on the first of each month from 1 February, equal months (k / 12). ' +
      'Published as "i = 6,9 % (ou 6,88 % si l\'on préfère une précision de deux décimales)".',
  },
  {
    name: 'Décret 2002-928 annexe, exemple 5 bis, méthode 1',
    source: `${DECREE_2002_928}, exemple 5 bis, méthode 1`,
    url: DECREE_2002_928_URL,
    drawdowns: [{ amount: 10000, years: 0 }],
    repayments: Array.from({ length: 36 }, (_, i) => ({ amount: 317.78, years: 46 / 365 + i / 12 })),
    publishedRatePercent: 9.06,
    decimals: 2,
    note:
      'EUR 10 000 lent on 15 September at a contractual 8,70 % a year (0,725 % a month), 36 equal ' +
      'payments of EUR 317,78 on the last day of each month from 31 October. Method 1 counts the ' +
      'exact days to the first payment, "Nbj = 46 jours", over 365, then whole months (a whole ' +
      'fraction of a year between identical month days plus the remaining days over 365): payment ' +
      'i + 1 is at 46 / 365 + i / 12. Published as "I = 9,0561 arrondi à 9,1 % (ou 9,06 %...)". ' +
      'Method 2 (payment EUR 317,73, funds deemed lent on 30 September, 15 days over 365) gives 9,05 %.',
  },
];

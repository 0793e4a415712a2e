/**
 * The usury ceilings (seuils de l’usure) the sales simulator checks a loan’s TAEG against.
 *
 * The law: article L314-6 of the Code de la consommation makes a loan usurious when it is « consenti à un
 * taux effectif global qui excède, au moment où il est consenti, de plus du tiers, le taux effectif moyen
 * pratiqué au cours du trimestre précédent » for loans of the same kind. Each quarter the Banque de France
 * surveys lenders, adds a third to each category’s average rate, and the minister publishes the results in
 * an avis in the Journal officiel at the end of the quarter, for the quarter that follows.
 *
 * How to compare: « excède » is strictly greater. A TAEG equal to the published ceiling is lawful; a loan
 * is usurious only when `taeg > ceiling`. Use the quarter in force when the loan is granted (« au moment où
 * il est consenti »): the entry with the latest `appliesFrom` on or before that date.
 *
 * The categories, as the avis words them:
 * - consumer (`consumer-*`): loans to consumers outside article L313-1 1° (real-estate credit) and not a
 *   works loan of more than 75 000 € on a dwelling; the band is chosen by the amount of the credit
 *   (« prêts d’un montant inférieur ou égal à 3 000 € », « supérieur à 3 000 € et inférieur ou égal
 *   à 6 000 € », « supérieur à 6 000 € »), so exactly 3 000 € falls in the first band and 6 000 € in the
 *   second;
 * - mortgage (`mortgage-*`): real-estate loans of L313-1 1° and works loans of more than 75 000 € on a
 *   dwelling (the press copies add consolidations whose real-estate part exceeds 60 %); fixed-rate loans
 *   by duration (< 10 years, ≥ 10 and < 20 years, ≥ 20 years), variable-rate loans, bridging loans (prêts
 *   relais).
 *
 * Loans to professionals and legal entities are left out: the avis has categories for them, but their
 * figures were found for none of the quarters below. For professionals and companies with a commercial,
 * industrial, craft, farming or liberal activity only overdrafts remain under a ceiling (Code monétaire et
 * financier, L313-5-1); legal entities without such an activity have their own categories in the avis.
 *
 * Every figure is copied from press reproductions of the cited avis, each checked in at least two
 * publications; none is estimated. Check them against the JO text on Légifrance before relying on them in
 * production. The ceilings change every quarter: add the new quarter at the head of the list as soon as its
 * avis appears (the last days of March, June, September, December). A date after the three months of the
 * newest entry has no known ceiling, and a check should say so rather than reuse the old figures.
 */
export type UsuryCategory =
  | 'consumer-up-to-3000'
  | 'consumer-3000-to-6000'
  | 'consumer-over-6000'
  | 'mortgage-fixed-under-10y'
  | 'mortgage-fixed-10y-to-20y'
  | 'mortgage-fixed-20y-and-more'
  | 'mortgage-variable'
  | 'mortgage-bridging';

export type UsuryQuarter = {
  /** First day the thresholds apply, ISO date, e.g. '2026-01-01'; they apply for three months. */
  appliesFrom: string;
  /** Where they are published: the avis and its date, and the URLs the figures were read at. */
  source: string;
  /**
   * Ceilings in per cent (5.13 for 5,13 %), per category. A TAEG is usurious when it is strictly greater
   * (L314-6: « excède »); equal is lawful.
   */
  ceilingsPercent: Record<UsuryCategory, number>;
};

/** Newest first. */
export const usuryQuarters: readonly UsuryQuarter[] = [
  {
    appliesFrom: '2026-01-01',
    source:
      'Avis du 22 décembre 2025 concernant l’usure, JO (the press reports publication on ' +
      '29 December 2025; JO text not read). Figures read at ' +
      'https://www.moneyvox.fr/credit/actualites/106883/' +
      'pret-immobilier-voici-les-nouveaux-taux-que-les-banques-ne-peuvent-pas-depasser ; ' +
      'https://www.immopret.fr/actualites/' +
      'prets-immobiliers-et-consommation-les-nouveaux-taux-dusure-2026 ; ' +
      'https://www.boursedescredits.com/' +
      'actualite-bareme-usure-limites-tarifaires-prets-personnels-debut-2026-29134.php ; ' +
      'https://www.april.fr/actualites/assurance-pret/hausse-taux-usure',
    ceilingsPercent: {
      'consumer-up-to-3000': 23.56,
      'consumer-3000-to-6000': 15.87,
      'consumer-over-6000': 8.67,
      'mortgage-fixed-under-10y': 4.12,
      'mortgage-fixed-10y-to-20y': 4.59,
      'mortgage-fixed-20y-and-more': 5.13,
      'mortgage-variable': 4.99,
      'mortgage-bridging': 6.15,
    },
  },
  {
    appliesFrom: '2025-10-01',
    source:
      'Avis du 26 septembre 2025 relatif à l’application des articles L. 314-6 du code de la consommation ' +
      'et L. 313-5-1 du code monétaire et financier concernant l’usure, NOR ECOZ2526684V, JO du ' +
      '30 septembre 2025 (reference as given by Éditions Francis Lefebvre, ' +
      'https://solutionspratiques.efl.fr/agentsimmobiliers/newsadvice/358980/fullnews/358987/volume/2024/' +
      'month/fevrier/issue/2025-10-01 ; JO text not read). Figures read at ' +
      'https://www.boursedescredits.com/' +
      'actualite-taux-usure-octobre-2025-nouveaux-plafonds-publies-28873.php ; ' +
      'https://www.actual-immo.fr/taux-usure-2025-octobre ; ' +
      'https://www.boursorama.com/immobilier/actualites/' +
      'pret-immobilier-decouvrez-les-taux-d-interet-que-les-banques-ne-peuvent-plus-depasser-' +
      '9fcd1c5f91aa01142f8895849fd988e4 ; and in the 2026-01-01 sources above, which give these as ' +
      'the previous quarter’s figures',
    ceilingsPercent: {
      'consumer-up-to-3000': 23.49,
      'consumer-3000-to-6000': 15.71,
      'consumer-over-6000': 8.73,
      'mortgage-fixed-under-10y': 4.23,
      'mortgage-fixed-10y-to-20y': 4.71,
      'mortgage-fixed-20y-and-more': 5.09,
      'mortgage-variable': 5.25,
      'mortgage-bridging': 6.21,
    },
  },
  {
    appliesFrom: '2025-07-01',
    source:
      'Avis concernant l’usure published in the JO at the end of June 2025 (date and NOR not found; ' +
      'JO text not read). Figures read at ' +
      'https://www.banque.org/immobilier-nouveaux-taux-dusure-au-1er-juillet/ ; ' +
      'https://econostrum.info/taux-dusure-revus-baisse-1er-juillet ; consumer bands also at ' +
      'https://ymanci.fr/regroupement-credits/actualites/' +
      'credit-conso-les-taux-d-usure-effectifs-a-partir-de-juillet-2025',
    ceilingsPercent: {
      'consumer-up-to-3000': 23.39,
      'consumer-3000-to-6000': 15.79,
      'consumer-over-6000': 8.69,
      'mortgage-fixed-under-10y': 4.32,
      'mortgage-fixed-10y-to-20y': 5.03,
      'mortgage-fixed-20y-and-more': 5.08,
      'mortgage-variable': 5.37,
      'mortgage-bridging': 6.31,
    },
  },
];

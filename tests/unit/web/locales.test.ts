/**
 * The translations: in each namespace English has exactly the keys of French, each message the
 * same `{{variables}}`, each plural the forms Intl.PluralRules asks for in its language; and
 * counts, lists and choices read naturally in both languages.
 */
import { describe, expect, it } from 'vitest';
import '#web/src/features/analytics/i18n.ts';
import { en as analyticsEn } from '#web/src/features/analytics/locales/en.ts';
import { fr as analyticsFr } from '#web/src/features/analytics/locales/fr.ts';
import '#web/src/features/customers/i18n.ts';
import { en as customersEn } from '#web/src/features/customers/locales/en.ts';
import { fr as customersFr } from '#web/src/features/customers/locales/fr.ts';
import '#web/src/features/privacy/i18n.ts';
import { en as privacyEn } from '#web/src/features/privacy/locales/en.ts';
import { fr as privacyFr } from '#web/src/features/privacy/locales/fr.ts';
import '#web/src/features/sales/i18n.ts';
import { en as salesEn } from '#web/src/features/sales/locales/en.ts';
import { fr as salesFr } from '#web/src/features/sales/locales/fr.ts';
import { i18n } from '#web/src/lib/i18n.ts';
import { en as commonEn } from '#web/src/locales/en.ts';
import { fr as commonFr } from '#web/src/locales/fr.ts';

const namespaces = [
  { name: 'common', fr: commonFr, en: commonEn },
  { name: 'customers', fr: customersFr, en: customersEn },
  { name: 'analytics', fr: analyticsFr, en: analyticsEn },
  { name: 'privacy', fr: privacyFr, en: privacyEn },
  { name: 'sales', fr: salesFr, en: salesEn },
];

const pluralForm = /_(zero|one|two|few|many|other)$/;

/** Every message of a namespace, by key path. */
const messagesOf = (tree: object, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value]]
      : messagesOf(value as object, `${prefix}${key}.`),
  );

/** The messages grouped by key, a plural's forms under one key: `{ forms, variables }`. */
const shapeOf = (tree: object) => {
  const shape = new Map<string, { forms: Set<string>; variables: Set<string> }>();
  for (const [path, text] of messagesOf(tree)) {
    const form = pluralForm.exec(path);
    const key = form ? path.slice(0, -form[0].length) : path;
    const entry = shape.get(key) ?? { forms: new Set<string>(), variables: new Set<string>() };
    if (form?.[1]) entry.forms.add(form[1]);
    for (const [, variable] of text.matchAll(/\{\{\s*([^,}\s]+)/g)) entry.variables.add(variable ?? '');
    shape.set(key, entry);
  }
  return shape;
};

const sorted = (values: Iterable<string>) => [...values].sort();

describe.each(namespaces)('the $name namespace', ({ fr, en }) => {
  const french = shapeOf(fr);
  const english = shapeOf(en);

  it('has the same keys in English as in French', () => {
    // Assess
    expect(sorted(english.keys())).toEqual(sorted(french.keys()));
  });

  it('takes the same variables in both languages', () => {
    // Act
    const differences = [...french].filter(
      ([key, { variables }]) => sorted(variables).join() !== sorted(english.get(key)?.variables ?? []).join(),
    );

    // Assess
    expect(differences.map(([key]) => key)).toEqual([]);
  });

  it('has, for each plural, the forms its language asks for (and « zero » in both or neither)', () => {
    // Prepare
    const required = (lang: string) => sorted(new Intl.PluralRules(lang).resolvedOptions().pluralCategories);

    // Act
    const wrong = [...french]
      .filter(([, { forms }]) => forms.size > 0)
      .flatMap(([key, { forms }]) => {
        const englishForms = english.get(key)?.forms ?? new Set<string>();
        const zero = forms.has('zero');
        const expected = (lang: string) => sorted([...required(lang), ...(zero ? ['zero'] : [])]);
        return [
          ...(sorted(forms).join() === expected('fr').join() ? [] : [`fr ${key}`]),
          ...(sorted(englishForms).join() === expected('en').join() ? [] : [`en ${key}`]),
        ];
      });

    // Assess
    expect(wrong).toEqual([]);
  });
});

/** Narrow no-break spaces (French thousands) as plain spaces, to read the expectations. */
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('plurals, lists and choices', () => {
  const customers = { fr: i18n.getFixedT('fr', 'customers'), en: i18n.getFixedT('en', 'customers') };
  const analytics = { fr: i18n.getFixedT('fr', 'analytics'), en: i18n.getFixedT('en', 'analytics') };

  it('counts search results: none, one, several, more to come, a round million', () => {
    // Act
    const results = (lang: 'fr' | 'en') => [
      customers[lang]('search.results', { count: 0 }),
      customers[lang]('search.results', { count: 1 }),
      customers[lang]('search.results', { count: 2 }),
      customers[lang]('search.results', { count: 25, context: 'more' }),
      customers[lang]('search.results', { count: 1234 }),
      customers[lang]('search.results', { count: 1_000_000 }),
    ];

    // Assess
    expect(results('fr').map(plain)).toEqual([
      'Aucun résultat',
      '1 résultat',
      '2 résultats',
      '25+ résultats',
      '1 234 résultats',
      '1 000 000 de résultats',
    ]);
    expect(results('en')).toEqual([
      'No results',
      '1 result',
      '2 results',
      '25+ results',
      '1,234 results',
      '1,000,000 results',
    ]);
  });

  it('counts the rows of a result and the years of age', () => {
    // Act
    const rows = [0, 1, 3].map((count) => analytics.fr('rows', { count }));
    const englishRows = [0, 1, 3].map((count) => analytics.en('rows', { count }));
    const ages = [1, 44].map((count) => customers.fr('customer.bornOn', { date: '12/03/1980', count }));

    // Assess
    expect(rows).toEqual(['Aucune ligne', '1 ligne', '3 lignes']);
    expect(englishRows).toEqual(['No rows', '1 row', '3 rows']);
    expect(ages).toEqual(['12/03/1980 (1 an)', '12/03/1980 (44 ans)']);
  });

  it('lists the fields of a change as a sentence does, and says « by you » when it was you', () => {
    // Act
    const fields = ['prénom', 'nom', 'e-mail'];
    const changed = customers.fr('history.summary.changed', { fields });
    const english = customers.en('history.summary.changed', { fields: ['email', 'city'] });
    const byYou = customers.fr('customer.updated', { date: '04/03/2024 10:00', context: 'byYou' });
    const bySomeone = customers.fr('customer.updated', { date: '04/03/2024 10:00' });

    // Assess
    expect(changed).toBe('Champs modifiés : prénom, nom et e-mail');
    expect(english).toBe('Changed: email and city');
    expect([byYou, bySomeone]).toEqual([
      'Mis à jour le 04/03/2024 10:00 par vous',
      'Mis à jour le 04/03/2024 10:00',
    ]);
  });
});

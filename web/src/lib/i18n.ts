/**
 * Language of the UI, with i18next: French by default, English on request, remembered in
 * localStorage and mirrored on `<html lang>`.
 *
 * - Messages are i18next namespaces: `common` (`locales/`: the app shell and the shared
 *   components) and one per feature, which owns and registers its own (`addNamespace`). Their
 *   keys are typed from the French messages: a missing or misspelt key, or a missing
 *   `{{variable}}`, fails `tsc`.
 * - A count is an i18next plural (`_one`, `_other`…, chosen by Intl.PluralRules); `{{n, number}}`
 *   and `{{items, list}}` format numbers and lists for the language.
 * - Dates, numbers and amounts outside messages go through the Intl formatters of the current
 *   language (`useLocale().format`).
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from '#web/src/locales/en.ts';
import { fr } from '#web/src/locales/fr.ts';
import type { Translation } from './translation.ts';

export type Lang = 'fr' | 'en';
export const languages: readonly Lang[] = ['fr', 'en'];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    /** Even a `defaultValue` does not excuse an unknown key. */
    strictKeyChecks: true;
    /** A message's `{{variables}}` must all be given. */
    strictInterpolationChecks: true;
  }
  interface ResourceNamespaceMap {
    common: typeof fr;
  }
}

const STORAGE_KEY = 'relais.lang';
/** British English: day-month dates and a European bank's conventions. */
const intlLocale: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/** A language code as i18next reports it, as one of ours (French for anything else). */
const toLang = (code: string | undefined): Lang => (code === 'en' ? 'en' : 'fr');

/** The remembered language, French when none was chosen. */
const readStoredLang = (): Lang => {
  try {
    return toLang(localStorage.getItem(STORAGE_KEY) ?? undefined);
  } catch {
    return 'fr';
  }
};

/** The app's i18next instance; every namespace is bundled, so it is ready once imported. */
export const i18n = i18next.createInstance();
i18n.on('languageChanged', (code) => {
  if (typeof document !== 'undefined') document.documentElement.lang = toLang(code);
});
void i18n.use(initReactI18next).init({
  resources: { fr: { common: fr }, en: { common: en } },
  lng: readStoredLang(),
  supportedLngs: languages,
  fallbackLng: 'fr',
  ns: ['common'],
  defaultNS: 'common',
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

/**
 * Adds a feature's namespace, in both languages. The feature declares its type too, e.g.
 * `interface ResourceNamespaceMap { customers: typeof fr }` in a `declare module 'i18next'`.
 */
export const addNamespace = <Source extends object>(
  namespace: string,
  messages: { fr: Source; en: Translation<Source> },
): void => {
  for (const lang of languages) i18n.addResourceBundle(lang, namespace, messages[lang]);
};

/** The label of a code of an open vocabulary (a column, an event type): its translation, or the code. */
export const labelOf = (labels: Readonly<Record<string, string>>, code: string): string =>
  Object.hasOwn(labels, code) ? (labels[code] ?? code) : code;

export type Formatters = {
  /** A calendar date (`1980-03-12`) or the date part of an instant. */
  date: (iso: string) => string;
  /** An instant, to the minute, in the user's time zone. */
  dateTime: (iso: string) => string;
  number: (value: number) => string;
  /** Whole euros: `200 000 €`. */
  money: (value: number) => string;
  /** Euros and cents, e.g. a monthly payment: `1 234,56 €`. */
  moneyCents: (value: number) => string;
  /** A balance band such as `10k-50k`, e.g. « 10 000 € à 50 000 € ». */
  balanceBand: (band: string) => string;
};

const isDateOnly = (iso: string) => /^\d{4}-\d{2}-\d{2}$/.test(iso);

const createFormatters = (lang: Lang): Formatters => {
  const locale = intlLocale[lang];
  const t = i18n.getFixedT(lang, 'common');
  // Calendar dates carry no time zone: formatting them in UTC keeps 12 March from becoming 11.
  const calendar = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'short' });
  const instant = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const number = new Intl.NumberFormat(locale);
  const money = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  });
  const cents = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const amount = (thousands: string) => money.format(Number(thousands) * 1000);
  return {
    date: (iso) => (isDateOnly(iso) ? calendar : day).format(new Date(iso)),
    dateTime: (iso) => instant.format(new Date(iso)),
    number: (value) => number.format(value),
    money: (value) => money.format(value),
    moneyCents: (value) => cents.format(value),
    balanceBand: (band) => {
      const between = /^(\d+)k-(\d+)k$/.exec(band);
      if (between) {
        return t('balance.between', { low: amount(between[1] ?? ''), high: amount(between[2] ?? '') });
      }
      const bound = /^([<>])(\d+)k$/.exec(band);
      if (bound) {
        return t(bound[1] === '<' ? 'balance.below' : 'balance.above', { amount: amount(bound[2] ?? '') });
      }
      return band;
    },
  };
};

const formatters = new Map<Lang, Formatters>();

/** The formatters of a language (made once each); pure, so the tests call them directly. */
export const formattersFor = (lang: Lang): Formatters => {
  let found = formatters.get(lang);
  if (!found) {
    found = createFormatters(lang);
    formatters.set(lang, found);
  }
  return found;
};

// `{{count, number}}` in a message reads as the formatters write numbers (`fr-FR`, `en-GB`).
i18n.services.formatter?.add('number', (value: number, code) => formattersFor(toLang(code)).number(value));

/** Whole years between a birth date and today. */
export const ageOn = (birthDate: string, today = new Date()): number => {
  const [year = 0, month = 1, dayOfMonth = 1] = birthDate.split('-').map(Number);
  const beforeBirthday =
    today.getMonth() + 1 < month || (today.getMonth() + 1 === month && today.getDate() < dayOfMonth);
  return today.getFullYear() - year - (beforeBirthday ? 1 : 0);
};

/** Switches the language, and remembers it for the next visits. */
export const setLang = (lang: Lang): void => {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private browsing may refuse storage; the switch still works for this visit.
  }
  void i18n.changeLanguage(lang);
};

type Locale = { lang: Lang; format: Formatters };

/** The current language and its formatters; the component renders again when the language changes. */
export const useLocale = (): Locale => {
  const { i18n: current } = useTranslation();
  const lang = toLang(current.resolvedLanguage);
  return { lang, format: formattersFor(lang) };
};

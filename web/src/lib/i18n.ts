/**
 * Language of the UI: French by default, English on request, remembered in localStorage and
 * mirrored on `<html lang>`. Messages are plain typed objects (`t.search.title`); dates and
 * numbers go through Intl for the current language.
 */
import {
  createContext,
  createElement,
  type ReactNode,
  useCallback,
  useContext,
  useMemo,
  useState,
} from 'react';
import { en } from '../locales/en.ts';
import { fr, type Messages } from '../locales/fr.ts';

export type Lang = 'fr' | 'en';
export const languages: readonly Lang[] = ['fr', 'en'];

const STORAGE_KEY = 'relais.lang';
const messages: Record<Lang, Messages> = { fr, en };
/** British English: day-month dates and a European bank's conventions. */
const intlLocale: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

export type Formatters = {
  /** A calendar date (`1980-03-12`) or the date part of an instant. */
  date: (iso: string) => string;
  /** An instant, to the minute, in the user's time zone. */
  dateTime: (iso: string) => string;
  number: (value: number) => string;
  money: (value: number) => string;
  /** A balance band such as `10k-50k`, e.g. « 10 000 € à 50 000 € ». */
  balanceBand: (band: string) => string;
};

const isDateOnly = (iso: string) => /^\d{4}-\d{2}-\d{2}$/.test(iso);

/** Formatters for a language; pure, so the tests can call them directly. */
export const createFormatters = (lang: Lang): Formatters => {
  const locale = intlLocale[lang];
  const t = messages[lang];
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
  const amount = (thousands: string) => money.format(Number(thousands) * 1000);
  return {
    date: (iso) => (isDateOnly(iso) ? calendar : day).format(new Date(iso)),
    dateTime: (iso) => instant.format(new Date(iso)),
    number: (value) => number.format(value),
    money: (value) => money.format(value),
    balanceBand: (band) => {
      const between = /^(\d+)k-(\d+)k$/.exec(band);
      if (between) return t.balance.between(amount(between[1] ?? ''), amount(between[2] ?? ''));
      const bound = /^([<>])(\d+)k$/.exec(band);
      if (bound) return (bound[1] === '<' ? t.balance.below : t.balance.above)(amount(bound[2] ?? ''));
      return band;
    },
  };
};

/** Whole years between a birth date and today. */
export const ageOn = (birthDate: string, today = new Date()): number => {
  const [year = 0, month = 1, dayOfMonth = 1] = birthDate.split('-').map(Number);
  const beforeBirthday =
    today.getMonth() + 1 < month || (today.getMonth() + 1 === month && today.getDate() < dayOfMonth);
  return today.getFullYear() - year - (beforeBirthday ? 1 : 0);
};

export type I18n = {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Messages;
  format: Formatters;
};

/** The remembered language, French when none was chosen. */
export const readStoredLang = (): Lang => {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
};

const I18nContext = createContext<I18n | undefined>(undefined);

/** Provides the language, its messages and formatters to the tree. */
export const I18nProvider = ({ children }: { children: ReactNode }) => {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = readStoredLang();
    document.documentElement.lang = initial;
    return initial;
  });
  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the switch still works for this visit.
    }
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: messages[lang], format: createFormatters(lang) }),
    [lang, setLang],
  );
  return createElement(I18nContext.Provider, { value }, children);
};

/** The current language, its messages and formatters. */
export const useI18n = (): I18n => {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
};

/** Messages of a language outside React (e.g. before the app renders). */
export const messagesFor = (lang: Lang): Messages => messages[lang];

/**
 * The customer screens' messages: the `customers` namespace, registered when the feature is
 * loaded. Components read them with `useCustomersTranslation` (so the namespace is always there
 * before they render), and the app's shared messages under `common:`.
 */
import { useTranslation } from 'react-i18next';
import { addNamespace } from '#web/src/lib/i18n.ts';
import { en } from './locales/en.ts';
import { fr } from './locales/fr.ts';

declare module 'i18next' {
  interface ResourceNamespaceMap {
    customers: typeof fr;
  }
}

addNamespace('customers', { fr, en });

/** `t` of the `customers` namespace (`common:` for the app's shared messages). */
export const useCustomersTranslation = () => useTranslation(['customers', 'common']);

/**
 * The loan simulator's messages: the `sales` namespace, registered when the feature is loaded.
 * Components read them with `useSalesTranslation`, and the app's shared messages under `common:`.
 */
import { useTranslation } from 'react-i18next';
import { addNamespace } from '#web/src/lib/i18n.ts';
import { en } from './locales/en.ts';
import { fr } from './locales/fr.ts';

declare module 'i18next' {
  interface ResourceNamespaceMap {
    sales: typeof fr;
  }
}

addNamespace('sales', { fr, en });

/** `t` of the `sales` namespace (`common:` for the app's shared messages). */
export const useSalesTranslation = () => useTranslation(['sales', 'common']);

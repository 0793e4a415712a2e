/**
 * The analyst screen's messages: the `analytics` namespace, registered when the feature is
 * loaded (with the screen's own chunk). Components read them with `useAnalyticsTranslation` (so
 * the namespace is always there before they render), and the app's shared messages under `common:`.
 */
import { useTranslation } from 'react-i18next';
import { addNamespace } from '#web/src/lib/i18n.ts';
import { en } from './locales/en.ts';
import { fr } from './locales/fr.ts';

declare module 'i18next' {
  interface ResourceNamespaceMap {
    analytics: typeof fr;
  }
}

addNamespace('analytics', { fr, en });

/** `t` of the `analytics` namespace (`common:` for the app's shared messages). */
export const useAnalyticsTranslation = () => useTranslation(['analytics', 'common']);

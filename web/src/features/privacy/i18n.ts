/**
 * The privacy officer's screen messages: the `privacy` namespace, registered when the feature is
 * loaded. Components read them with `usePrivacyTranslation`, and the shared ones under `common:`.
 */
import { useTranslation } from 'react-i18next';
import { addNamespace } from '#web/src/lib/i18n.ts';
import { en } from './locales/en.ts';
import { fr } from './locales/fr.ts';

declare module 'i18next' {
  interface ResourceNamespaceMap {
    privacy: typeof fr;
  }
}

addNamespace('privacy', { fr, en });

/** `t` of the `privacy` namespace (`common:` for the app's shared messages). */
export const usePrivacyTranslation = () => useTranslation(['privacy', 'common']);

/** What a page shows if it throws while rendering: an apology and a way home, not a stack trace. */
import { useTranslation } from 'react-i18next';

export const RouteError = () => {
  const { t } = useTranslation();
  return (
    <main id="main" className="page page-narrow">
      <section className="card" role="alert">
        <h1>{t('errors.title')}</h1>
        <p>{t('errors.generic')}</p>
        <a href="/" className="button button-secondary">
          {t('errors.home')}
        </a>
      </section>
    </main>
  );
};

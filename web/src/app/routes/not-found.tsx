/** Any path the app does not know. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '#web/src/lib/document-title.ts';

export const NotFoundRoute = () => {
  const { t } = useTranslation();
  useDocumentTitle(t('errors.notFound'));
  return (
    <section className="card page-narrow">
      <h1>{t('errors.notFound')}</h1>
      <p className="muted">{t('errors.notFoundHint')}</p>
      <Link to="/" className="button button-secondary">
        {t('errors.home')}
      </Link>
    </section>
  );
};

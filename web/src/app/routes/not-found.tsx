/** Any path the app does not know. */
import { Link } from 'react-router';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { useI18n } from '../../lib/i18n.ts';

export const NotFoundRoute = () => {
  const { t } = useI18n();
  useDocumentTitle(t.errors.notFound);
  return (
    <section className="card page-narrow">
      <h1>{t.errors.notFound}</h1>
      <p className="muted">{t.errors.notFoundHint}</p>
      <Link to="/" className="button button-secondary">
        {t.errors.home}
      </Link>
    </section>
  );
};

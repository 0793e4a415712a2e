/** What someone who is not an analyst sees at `/analytics`: a plain refusal and a way home. */
import { Link } from 'react-router';
import { useDocumentTitle } from '../../../lib/document-title.ts';
import { useI18n } from '../../../lib/i18n.ts';

export const NotAllowed = () => {
  const { t } = useI18n();
  useDocumentTitle(t.analytics.notAllowed);
  return (
    <section className="card refusal" aria-labelledby="refusal-title">
      <h1 id="refusal-title">{t.analytics.notAllowed}</h1>
      <p className="muted">{t.analytics.notAllowedHint}</p>
      <Link to="/" className="button button-secondary">
        {t.analytics.home}
      </Link>
    </section>
  );
};

/**
 * The refusal of a customer file (404 or 403 alike): one message, no data, so a user cannot
 * tell a customer of another branch from one that does not exist.
 */
import { Link } from 'react-router';
import { ApiError } from '../../../lib/api-client.ts';
import { useDocumentTitle } from '../../../lib/document-title.ts';
import { useI18n } from '../../../lib/i18n.ts';

/** 404 and 403 read the same to the user: not found, or not theirs to see. */
export const isOutOfScope = (error: unknown): boolean =>
  error instanceof ApiError && (error.status === 404 || error.status === 403);

export const OutOfScope = () => {
  const { t } = useI18n();
  useDocumentTitle(t.customer.outOfScope);
  return (
    <section className="card refusal" aria-labelledby="refusal-title">
      <h1 id="refusal-title">{t.customer.outOfScope}</h1>
      <p className="muted">{t.customer.outOfScopeHint}</p>
      <Link to="/" className="button button-secondary">
        {t.customer.back}
      </Link>
    </section>
  );
};

/** The saved queries to pick from; the chosen one lives in the URL (`?query=`), so reload keeps it. */
import { Link } from 'react-router';
import type { SavedQuery } from '#schemas/analytics/query.ts';
import { useAnalyticsTranslation } from '#web/src/features/analytics/i18n.ts';
import { useLocale } from '#web/src/lib/i18n.ts';

export type QueryListProps = { queries: SavedQuery[]; selectedId: string | undefined };

export const QueryList = ({ queries, selectedId }: QueryListProps) => {
  const { t } = useAnalyticsTranslation();
  const { lang } = useLocale();
  return (
    <nav className="card query-list" aria-labelledby="query-list-title">
      <h2 id="query-list-title">{t('queries')}</h2>
      <ul>
        {queries.map((query) => (
          <li key={query.id}>
            <Link
              to={`?query=${encodeURIComponent(query.id)}`}
              aria-current={query.id === selectedId ? 'page' : undefined}
              className="query-link"
            >
              <span className="query-link-title">{query.title[lang]}</span>
              <span className="query-link-meta mono">
                {query.id} · {t('version', { version: query.version })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
};

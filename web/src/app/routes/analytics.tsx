/**
 * `/analytics`, the analyst screen: pick a saved query, set its parameters, run it on the lake,
 * read the result as a chart and a table, download it as CSV. Analysts only: others get the
 * refusal (and the API would answer 403 anyway). Loaded on demand (with its chart library), so
 * the customer screens do not download it.
 */
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '#web/src/components/ui/error-alert.tsx';
import { Refusal } from '#web/src/components/ui/refusal.tsx';
import { EmptyState, Loading } from '#web/src/components/ui/status.tsx';
import { useSavedQueries } from '#web/src/features/analytics/api/list-saved-queries.ts';
import { QueryWorkspace } from '#web/src/features/analytics/components/query-workspace.tsx';
import { useAnalyticsTranslation } from '#web/src/features/analytics/i18n.ts';
import { ApiError } from '#web/src/lib/api-client.ts';
import { currentUser } from '#web/src/lib/auth.ts';
import { useDocumentTitle } from '#web/src/lib/document-title.ts';

export const AnalyticsRoute = () => {
  const { t } = useAnalyticsTranslation();
  const [params] = useSearchParams();
  const analyst = currentUser()?.roles.includes('analyst') === true;
  const queries = useSavedQueries(analyst);
  useDocumentTitle(t('title'));

  if (!analyst || (queries.error instanceof ApiError && queries.error.status === 403)) {
    // What someone who is not an analyst sees at /analytics.
    return <Refusal title={t('notAllowed')} hint={t('notAllowedHint')} homeLabel={t('home')} />;
  }
  const items = queries.data?.items ?? [];
  return (
    <div className="page page-analytics">
      <h1>{t('title')}</h1>
      <p className="page-subtitle">{t('subtitle')}</p>
      {queries.isPending ? (
        <Loading label={t('common:app.loading')} />
      ) : queries.error ? (
        <ErrorAlert error={queries.error} onRetry={() => void queries.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('queriesEmpty')} />
      ) : (
        <QueryWorkspace queries={items} selectedId={params.get('query')} />
      )}
    </div>
  );
};

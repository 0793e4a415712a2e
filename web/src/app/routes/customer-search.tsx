/**
 * The home page of those who work with customer files: find a customer. The search lives in
 * the URL so results survive back and reload.
 */
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '#web/src/components/ui/error-alert.tsx';
import { EmptyState, Loading } from '#web/src/components/ui/status.tsx';
import { useCustomerSearch } from '#web/src/features/customers/api/search-customers.ts';
import { SearchForm } from '#web/src/features/customers/components/search-form.tsx';
import { SearchResults } from '#web/src/features/customers/components/search-results.tsx';
import { useCustomersTranslation } from '#web/src/features/customers/i18n.ts';
import { detectSearch } from '#web/src/features/customers/utils/search-query.ts';
import { useDocumentTitle } from '#web/src/lib/document-title.ts';

export const CustomerSearchRoute = () => {
  const { t } = useCustomersTranslation();
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const search = detectSearch(text);
  const query = useCustomerSearch(search);
  useDocumentTitle(t('search.title'));

  const customers = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="page page-search">
      <h1>{t('search.title')}</h1>
      <section className="card search-card">
        <SearchForm
          key={text}
          initialText={text}
          {...(text && !search ? { error: t('search.tooShort') } : {})}
          onSearch={(next) => setParams(next ? { q: next } : {})}
        />
      </section>
      {!search ? (
        <p className="muted search-start">{t('search.start')}</p>
      ) : query.isPending ? (
        <Loading label={t('search.searching')} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : customers.length === 0 ? (
        <EmptyState title={t('search.empty')} hint={t('search.emptyHint')} />
      ) : (
        <section className="card" aria-label={t(`search.foundBy.${search.by}`)}>
          <SearchResults
            customers={customers}
            hasMore={query.hasNextPage}
            loadingMore={query.isFetchingNextPage}
            onMore={() => void query.fetchNextPage()}
          />
        </section>
      )}
    </div>
  );
};

/** Home page: find a customer. The search lives in the URL so results survive back and reload. */
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { EmptyState, Loading } from '../../../components/ui/status.tsx';
import { useDocumentTitle } from '../../../lib/document-title.ts';
import { useI18n } from '../../../lib/i18n.ts';
import { useCustomerSearch } from '../api/search-customers.ts';
import { SearchForm } from '../components/search-form.tsx';
import { SearchResults } from '../components/search-results.tsx';
import { detectSearch } from '../utils/search-query.ts';

export const CustomerSearchRoute = () => {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const search = detectSearch(text);
  const query = useCustomerSearch(search);
  useDocumentTitle(t.search.title);

  const customers = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="page page-search">
      <h1>{t.search.title}</h1>
      <section className="card search-card">
        <SearchForm
          key={text}
          initialText={text}
          {...(text && !search ? { error: t.search.tooShort } : {})}
          onSearch={(next) => setParams(next ? { q: next } : {})}
        />
      </section>
      {!search ? (
        <p className="muted search-start">{t.search.start}</p>
      ) : query.isPending ? (
        <Loading label={t.search.searching} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : customers.length === 0 ? (
        <EmptyState title={t.search.empty} hint={t.search.emptyHint} />
      ) : (
        <section className="card" aria-label={`${t.search.caption} ${t.search.by[search.by]}`}>
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

/**
 * The results of a customer search: a table on a desk, stacked cards on a phone (same markup,
 * CSS only), the count, and "more results" while the API has another page.
 */

import { Link } from 'react-router';
import type { CustomerSummary } from '#schemas/customers/customer.ts';
import { DataTable } from '#web/src/components/ui/data-table.tsx';
import { useCustomersTranslation } from '#web/src/features/customers/i18n.ts';
import { useLocale } from '#web/src/lib/i18n.ts';
import { CustomerName } from './customer-name.tsx';
import '#web/src/features/customers/customers.css';

export type SearchResultsProps = {
  customers: CustomerSummary[];
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
};

export const SearchResults = ({ customers, hasMore, loadingMore, onMore }: SearchResultsProps) => {
  const { t } = useCustomersTranslation();
  const { format } = useLocale();
  return (
    <div className="results">
      <p className="results-count" role="status">
        {t('search.results', { count: customers.length, context: hasMore ? 'more' : undefined })}
      </p>
      <DataTable
        caption={t('search.caption')}
        columns={[
          {
            label: t('search.columns.name'),
            rowHeader: true,
            cell: (customer) => (
              <Link to={`/customers/${encodeURIComponent(customer.id)}`} className="row-link">
                <CustomerName customer={customer} />
              </Link>
            ),
          },
          {
            label: t('search.columns.number'),
            cellClassName: 'mono',
            cell: (customer) => customer.customerNumber,
          },
          {
            label: t('search.columns.segment'),
            cell: (customer) => t(`common:segments.${customer.segment}`),
          },
          {
            label: t('search.columns.birthDate'),
            cell: (customer) => (customer.birthDate ? format.date(customer.birthDate) : '—'),
          },
        ]}
        rows={customers}
        rowKey={(customer) => customer.id}
      />
      {hasMore ? (
        <div className="more">
          <button type="button" className="button button-secondary" onClick={onMore} disabled={loadingMore}>
            {loadingMore ? t('search.loadingMore') : t('search.more')}
          </button>
        </div>
      ) : null}
    </div>
  );
};

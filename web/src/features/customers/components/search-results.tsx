/**
 * The results of a customer search: a table on a desk, stacked cards on a phone (same markup,
 * CSS only), the count, and "more results" while the API has another page.
 */

import { Link } from 'react-router';
import type { CustomerSummary } from '#schemas/customers/customer.ts';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { useI18n } from '../../../lib/i18n.ts';
import { CustomerName } from './customer-name.tsx';

export type SearchResultsProps = {
  customers: CustomerSummary[];
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
};

export const SearchResults = ({ customers, hasMore, loadingMore, onMore }: SearchResultsProps) => {
  const { t, format } = useI18n();
  const columns = t.search.columns;
  return (
    <div className="results">
      <p className="results-count" role="status">
        {t.search.results(customers.length, hasMore)}
      </p>
      <DataTable
        caption={t.search.caption}
        columns={[
          {
            label: columns.name,
            rowHeader: true,
            cell: (customer) => (
              <Link to={`/customers/${encodeURIComponent(customer.id)}`} className="row-link">
                <CustomerName customer={customer} />
              </Link>
            ),
          },
          { label: columns.number, cellClassName: 'mono', cell: (customer) => customer.customerNumber },
          { label: columns.segment, cell: (customer) => t.enums.segment[customer.segment] },
          {
            label: columns.birthDate,
            cell: (customer) => (customer.birthDate ? format.date(customer.birthDate) : '—'),
          },
        ]}
        rows={customers}
        rowKey={(customer) => customer.id}
      />
      {hasMore ? (
        <div className="more">
          <button type="button" className="button button-secondary" onClick={onMore} disabled={loadingMore}>
            {loadingMore ? t.search.loadingMore : t.search.more}
          </button>
        </div>
      ) : null}
    </div>
  );
};

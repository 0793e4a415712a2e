/**
 * The results of a customer search: a table on a desk, stacked cards on a phone (same markup,
 * CSS only), the count, and "more results" while the API has another page.
 */

import { Link } from 'react-router';
import type { CustomerSummary } from '#schemas/customers/customer.ts';
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
      <table className="data-table responsive-table">
        <caption className="visually-hidden">{t.search.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.name}</th>
            <th scope="col">{columns.number}</th>
            <th scope="col">{columns.segment}</th>
            <th scope="col">{columns.birthDate}</th>
          </tr>
        </thead>
        <tbody>
          {customers.map((customer) => (
            <tr key={customer.id}>
              <th scope="row" data-label={columns.name}>
                <Link to={`/customers/${encodeURIComponent(customer.id)}`} className="row-link">
                  <CustomerName customer={customer} />
                </Link>
              </th>
              <td data-label={columns.number} className="mono">
                {customer.customerNumber}
              </td>
              <td data-label={columns.segment}>{t.enums.segment[customer.segment]}</td>
              <td data-label={columns.birthDate}>
                {customer.birthDate ? format.date(customer.birthDate) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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

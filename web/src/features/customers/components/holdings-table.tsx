/** The products a customer holds, open ones first, newest first. */
import type { Holding } from '#schemas/customers/holding.ts';
import { EmptyState } from '../../../components/ui/status.tsx';
import { useI18n } from '../../../lib/i18n.ts';

const byOpenThenNewest = (a: Holding, b: Holding) =>
  Number(Boolean(a.closedOn)) - Number(Boolean(b.closedOn)) || b.openedOn.localeCompare(a.openedOn);

export const HoldingsTable = ({ holdings }: { holdings: Holding[] }) => {
  const { t, format } = useI18n();
  const columns = t.customer.holdingColumns;
  return (
    <section className="card" aria-labelledby="holdings-title">
      <h2 id="holdings-title">{t.customer.holdings}</h2>
      {holdings.length === 0 ? (
        <EmptyState title={t.customer.holdingsEmpty} />
      ) : (
        <table className="data-table responsive-table">
          <thead>
            <tr>
              <th scope="col">{columns.family}</th>
              <th scope="col">{columns.label}</th>
              <th scope="col">{columns.openedOn}</th>
              <th scope="col" className="numeric">
                {columns.balance}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...holdings].sort(byOpenThenNewest).map((holding) => (
              <tr key={holding.id} className={holding.closedOn ? 'closed' : undefined}>
                <td data-label={columns.family}>
                  <span className={`badge badge-family-${holding.family}`}>
                    {t.enums.family[holding.family]}
                  </span>
                </td>
                <th scope="row" data-label={columns.label}>
                  <span>
                    {holding.label}
                    {holding.closedOn ? (
                      <span className="muted small">
                        {' '}
                        · {t.customer.closed(format.date(holding.closedOn))}
                      </span>
                    ) : null}
                  </span>
                </th>
                <td data-label={columns.openedOn}>{format.date(holding.openedOn)}</td>
                <td data-label={columns.balance} className="numeric">
                  {format.balanceBand(holding.balanceBand)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};

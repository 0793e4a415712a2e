/** The products a customer holds, open ones first, newest first. */
import type { Holding } from '#schemas/customers/holding.ts';
import { DataTable } from '../../../components/ui/data-table.tsx';
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
        <DataTable
          columns={[
            {
              label: columns.family,
              cell: (holding) => (
                <span className={`badge badge-family-${holding.family}`}>
                  {t.enums.family[holding.family]}
                </span>
              ),
            },
            {
              label: columns.label,
              rowHeader: true,
              cell: (holding) => (
                <span>
                  {holding.label}
                  {holding.closedOn ? (
                    <span className="muted small"> · {t.customer.closed(format.date(holding.closedOn))}</span>
                  ) : null}
                </span>
              ),
            },
            { label: columns.openedOn, cell: (holding) => format.date(holding.openedOn) },
            {
              label: columns.balance,
              className: 'numeric',
              cell: (holding) => format.balanceBand(holding.balanceBand),
            },
          ]}
          rows={[...holdings].sort(byOpenThenNewest)}
          rowKey={(holding) => holding.id}
          rowClassName={(holding) => (holding.closedOn ? 'closed' : undefined)}
        />
      )}
    </section>
  );
};

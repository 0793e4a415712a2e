/** The products a customer holds, open ones first, newest first. */
import type { Holding } from '#schemas/customers/holding.ts';
import { DataTable } from '#web/src/components/ui/data-table.tsx';
import { EmptyState } from '#web/src/components/ui/status.tsx';
import { useCustomersTranslation } from '#web/src/features/customers/i18n.ts';
import { useLocale } from '#web/src/lib/i18n.ts';

const byOpenThenNewest = (a: Holding, b: Holding) =>
  Number(Boolean(a.closedOn)) - Number(Boolean(b.closedOn)) || b.openedOn.localeCompare(a.openedOn);

export const HoldingsTable = ({ holdings }: { holdings: Holding[] }) => {
  const { t } = useCustomersTranslation();
  const { format } = useLocale();
  return (
    <section className="card" aria-labelledby="holdings-title">
      <h2 id="holdings-title">{t('customer.holdings')}</h2>
      {holdings.length === 0 ? (
        <EmptyState title={t('customer.holdingsEmpty')} />
      ) : (
        <DataTable
          columns={[
            {
              label: t('customer.holdingColumns.family'),
              cell: (holding) => (
                <span className={`badge badge-family-${holding.family}`}>
                  {t(`enums.family.${holding.family}`)}
                </span>
              ),
            },
            {
              label: t('customer.holdingColumns.label'),
              rowHeader: true,
              cell: (holding) => (
                <span>
                  {holding.label}
                  {holding.closedOn ? (
                    <span className="muted small">
                      {' '}
                      · {t('customer.closed', { date: format.date(holding.closedOn) })}
                    </span>
                  ) : null}
                </span>
              ),
            },
            {
              label: t('customer.holdingColumns.openedOn'),
              cell: (holding) => format.date(holding.openedOn),
            },
            {
              label: t('customer.holdingColumns.balance'),
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

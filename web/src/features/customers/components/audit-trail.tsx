/** The latest entries of a customer's audit trail, for administrators: who, when, what and why. */
import { DataTable } from '#web/src/components/ui/data-table.tsx';
import { ErrorAlert } from '#web/src/components/ui/error-alert.tsx';
import { EmptyState, Loading } from '#web/src/components/ui/status.tsx';
import { useCustomerAudit } from '#web/src/features/customers/api/list-customer-audit.ts';
import { useCustomersTranslation } from '#web/src/features/customers/i18n.ts';
import { useLocale } from '#web/src/lib/i18n.ts';

export const AuditTrail = ({ customerId }: { customerId: string }) => {
  const { t } = useCustomersTranslation();
  const { format } = useLocale();
  const audit = useCustomerAudit(customerId, true);
  // Action codes have dots (`customer.read`): looked up in the object, not as key paths.
  const actions = t('customer.audit.actions', { returnObjects: true });
  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('customer.audit.title')}</h2>
      {audit.error ? <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} /> : null}
      {!audit.data && !audit.error ? <Loading label={t('common:app.loading')} /> : null}
      {audit.data && audit.data.items.length === 0 ? <EmptyState title={t('customer.audit.empty')} /> : null}
      {audit.data && audit.data.items.length > 0 ? (
        <DataTable
          columns={[
            { label: t('customer.audit.when'), cell: (record) => format.dateTime(record.at) },
            { label: t('customer.audit.who'), cell: (record) => record.actorName, rowHeader: true },
            { label: t('customer.audit.what'), cell: (record) => actions[record.action] },
            {
              label: t('customer.audit.why'),
              cell: (record) => t(`customer.audit.reasons.${record.reason}`),
            },
          ]}
          rows={audit.data.items}
          rowKey={(record) => record.id}
        />
      ) : null}
    </section>
  );
};

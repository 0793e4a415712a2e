/** The latest entries of a customer's audit trail, for administrators: who, when, what and why. */
import { DataTable } from '../../../components/ui/data-table.tsx';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { EmptyState, Loading } from '../../../components/ui/status.tsx';
import { useI18n } from '../../../lib/i18n.ts';
import { useCustomerAudit } from '../api/list-customer-audit.ts';

export const AuditTrail = ({ customerId }: { customerId: string }) => {
  const { t, format } = useI18n();
  const audit = useCustomerAudit(customerId, true);
  const a = t.customer.audit;
  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title">{a.title}</h2>
      {audit.error ? <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} /> : null}
      {!audit.data && !audit.error ? <Loading label={t.app.loading} /> : null}
      {audit.data && audit.data.items.length === 0 ? <EmptyState title={a.empty} /> : null}
      {audit.data && audit.data.items.length > 0 ? (
        <DataTable
          columns={[
            { label: a.when, cell: (record) => format.dateTime(record.at) },
            { label: a.who, cell: (record) => record.actorName, rowHeader: true },
            { label: a.what, cell: (record) => a.actions[record.action] },
            { label: a.why, cell: (record) => a.reasons[record.reason] },
          ]}
          rows={audit.data.items}
          rowKey={(record) => record.id}
        />
      ) : null}
    </section>
  );
};

/** The latest entries of a customer's audit trail, for administrators: who, when, what and why. */
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
        <table className="data-table responsive-table">
          <thead>
            <tr>
              <th scope="col">{a.when}</th>
              <th scope="col">{a.who}</th>
              <th scope="col">{a.what}</th>
              <th scope="col">{a.why}</th>
            </tr>
          </thead>
          <tbody>
            {audit.data.items.map((record) => (
              <tr key={record.id}>
                <td data-label={a.when}>{format.dateTime(record.at)}</td>
                <th scope="row" data-label={a.who}>
                  {record.actorName}
                </th>
                <td data-label={a.what}>{a.actions[record.action]}</td>
                <td data-label={a.why}>{a.reasons[record.reason]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
};

/** Edit page of a customer file, at `/customers/:id/edit`. */
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { Loading } from '../../../components/ui/status.tsx';
import { useDocumentTitle } from '../../../lib/document-title.ts';
import { useI18n } from '../../../lib/i18n.ts';
import { useCustomer360 } from '../api/get-customer-360.ts';
import { CustomerEditForm } from '../components/customer-edit-form.tsx';
import { CustomerName, customerDisplayName } from '../components/customer-name.tsx';
import { isOutOfScope, OutOfScope } from '../components/out-of-scope.tsx';

export const CustomerEditRoute = () => {
  const { customerId = '' } = useParams();
  const { t } = useI18n();
  const file = useCustomer360(customerId);
  useDocumentTitle(file.data ? `${t.edit.title} · ${customerDisplayName(file.data.customer)}` : t.edit.title);

  if (file.error && isOutOfScope(file.error)) return <OutOfScope />;
  if (!file.data) {
    return file.error ? (
      <ErrorAlert error={file.error} onRetry={() => void file.refetch()} />
    ) : (
      <Loading label={t.app.loading} />
    );
  }
  const { customer } = file.data;
  return (
    <div className="page page-edit">
      <Link to={`/customers/${encodeURIComponent(customer.id)}`} className="back-link">
        ← {t.edit.backToFile}
      </Link>
      <h1>{t.edit.title}</h1>
      <p className="page-subtitle">
        <CustomerName customer={customer} /> · <span className="mono">{customer.customerNumber}</span>
      </p>
      <section className="card">
        <CustomerEditForm
          key={`${customer.id}:${customer.version}`}
          customer={customer}
          onReload={() => void file.refetch()}
          reloading={file.isFetching}
        />
      </section>
    </div>
  );
};

/** `/customers/:id/edit`, the edit page of a customer file. */
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '#web/src/components/ui/error-alert.tsx';
import { Loading } from '#web/src/components/ui/status.tsx';
import { useCustomer360 } from '#web/src/features/customers/api/get-customer-360.ts';
import { CustomerEditForm } from '#web/src/features/customers/components/customer-edit-form.tsx';
import { CustomerName, customerDisplayName } from '#web/src/features/customers/components/customer-name.tsx';
import { isOutOfScope, OutOfScope } from '#web/src/features/customers/components/out-of-scope.tsx';
import { useCustomersTranslation } from '#web/src/features/customers/i18n.ts';
import { useDocumentTitle } from '#web/src/lib/document-title.ts';

export const CustomerEditRoute = () => {
  const { customerId = '' } = useParams();
  const { t } = useCustomersTranslation();
  const file = useCustomer360(customerId);
  useDocumentTitle(
    file.data ? t('edit.documentTitle', { name: customerDisplayName(file.data.customer) }) : t('edit.title'),
  );

  if (file.error && isOutOfScope(file.error)) return <OutOfScope />;
  if (!file.data) {
    return file.error ? (
      <ErrorAlert error={file.error} onRetry={() => void file.refetch()} />
    ) : (
      <Loading label={t('common:app.loading')} />
    );
  }
  const { customer } = file.data;
  return (
    <div className="page page-edit">
      <Link to={`/customers/${encodeURIComponent(customer.id)}`} className="back-link">
        ← {t('edit.backToFile')}
      </Link>
      <h1>{t('edit.title')}</h1>
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

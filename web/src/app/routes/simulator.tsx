/**
 * `/simulator`, the loan simulator: an advisor (or the contact centre, a customer on the phone)
 * prices a loan of the catalogue for a project, a down payment, a duration and the customer's
 * profile, and reads the monthly payment, the TAEG against the usury ceiling, the cost and the
 * schedule. Nothing is stored. The branch network and the contact centre only (the API's product
 * readers): others get the refusal (and the API would answer 403 anyway).
 */
import { ErrorAlert } from '#web/src/components/ui/error-alert.tsx';
import { Refusal } from '#web/src/components/ui/refusal.tsx';
import { EmptyState, Loading } from '#web/src/components/ui/status.tsx';
import { useProducts } from '#web/src/features/sales/api/products.ts';
import { LoanSimulator } from '#web/src/features/sales/components/loan-simulator.tsx';
import { useSalesTranslation } from '#web/src/features/sales/i18n.ts';
import { isLoan } from '#web/src/features/sales/utils/simulation-form.ts';
import { ApiError } from '#web/src/lib/api-client.ts';
import { currentUser } from '#web/src/lib/auth.ts';
import { useDocumentTitle } from '#web/src/lib/document-title.ts';
import { seesSimulator } from '#web/src/lib/role-homes.ts';

export const SimulatorRoute = () => {
  const { t } = useSalesTranslation();
  const allowed = seesSimulator(currentUser()?.roles ?? []);
  const products = useProducts(allowed);
  useDocumentTitle(t('title'));

  if (!allowed || (products.error instanceof ApiError && products.error.status === 403)) {
    return <Refusal title={t('notAllowed')} hint={t('notAllowedHint')} homeLabel={t('home')} />;
  }
  const loans = (products.data?.items ?? []).filter(isLoan);
  return (
    <div className="page page-sales">
      <h1>{t('title')}</h1>
      <p className="page-subtitle">{t('subtitle')}</p>
      {products.isPending ? (
        <Loading label={t('common:app.loading')} />
      ) : products.error ? (
        <ErrorAlert error={products.error} onRetry={() => void products.refetch()} />
      ) : loans.length === 0 ? (
        <EmptyState title={t('noLoan')} />
      ) : (
        <LoanSimulator loans={loans} />
      )}
    </div>
  );
};

/**
 * `/privacy`, the privacy officer's screen: open a customer's access or erasure request, follow
 * the open ones against their legal deadline, download a ready export. Privacy officers only:
 * others get the refusal (and the API would answer 403 anyway).
 */
import { ErrorAlert } from '#web/src/components/ui/error-alert.tsx';
import { Refusal } from '#web/src/components/ui/refusal.tsx';
import { EmptyState, Loading } from '#web/src/components/ui/status.tsx';
import { usePrivacyRequests } from '#web/src/features/privacy/api/privacy-requests.ts';
import { OpenRequestForm } from '#web/src/features/privacy/components/open-request-form.tsx';
import { RequestsTable } from '#web/src/features/privacy/components/requests-table.tsx';
import { usePrivacyTranslation } from '#web/src/features/privacy/i18n.ts';
import { currentUser } from '#web/src/lib/auth.ts';
import { useDocumentTitle } from '#web/src/lib/document-title.ts';
import { seesPrivacyRequests } from '#web/src/lib/role-homes.ts';

export const PrivacyRoute = () => {
  const { t } = usePrivacyTranslation();
  const officer = seesPrivacyRequests(currentUser()?.roles ?? []);
  const requests = usePrivacyRequests(officer);
  useDocumentTitle(t('title'));

  if (!officer) return <Refusal title={t('notAllowed')} hint={t('notAllowedHint')} homeLabel={t('home')} />;
  const items = requests.data?.items ?? [];
  return (
    <div className="page page-privacy">
      <h1>{t('title')}</h1>
      <p className="page-subtitle">{t('subtitle')}</p>
      <OpenRequestForm />
      <section className="card">
        <h2>{t('list.title')}</h2>
        {requests.isPending ? (
          <Loading label={t('common:app.loading')} />
        ) : requests.error ? (
          <ErrorAlert error={requests.error} onRetry={() => void requests.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={t('list.empty')} />
        ) : (
          <RequestsTable requests={items} />
        )}
      </section>
    </div>
  );
};

/**
 * `/privacy`, the privacy officer's screen: open a customer's access or erasure request, follow
 * the open ones (or all) against their legal deadline, download a ready export, review and
 * confirm an erasure's plan, follow it and read its report. Privacy officers only: others get
 * the refusal (and the API would answer 403 anyway).
 */
import { useRef, useState } from 'react';
import type { PrivacyRequest } from '#schemas/platform/privacy-request.ts';
import { ErrorAlert } from '#web/src/components/ui/error-alert.tsx';
import { Refusal } from '#web/src/components/ui/refusal.tsx';
import { EmptyState, Loading } from '#web/src/components/ui/status.tsx';
import { usePrivacyRequests } from '#web/src/features/privacy/api/privacy-requests.ts';
import { OpenRequestForm } from '#web/src/features/privacy/components/open-request-form.tsx';
import { RequestPanel } from '#web/src/features/privacy/components/request-panel.tsx';
import { RequestsTable } from '#web/src/features/privacy/components/requests-table.tsx';
import { usePrivacyTranslation } from '#web/src/features/privacy/i18n.ts';
import { currentUser } from '#web/src/lib/auth.ts';
import { useDocumentTitle } from '#web/src/lib/document-title.ts';
import { seesPrivacyRequests } from '#web/src/lib/role-homes.ts';

export const PrivacyRoute = () => {
  const { t } = usePrivacyTranslation();
  const officer = seesPrivacyRequests(currentUser()?.roles ?? []);
  const [all, setAll] = useState(false);
  const requests = usePrivacyRequests(officer, all ? 'all' : 'open');
  /** The request whose panel is open, as the list or the form had it. */
  const [selected, setSelected] = useState<PrivacyRequest>();
  const listHeading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t('title'));

  if (!officer) return <Refusal title={t('notAllowed')} hint={t('notAllowedHint')} homeLabel={t('home')} />;
  const items = requests.data?.items ?? [];
  const close = () => {
    setSelected(undefined);
    listHeading.current?.focus();
  };
  return (
    <div className="page page-privacy">
      <h1>{t('title')}</h1>
      <p className="page-subtitle">{t('subtitle')}</p>
      <OpenRequestForm
        onOpened={(request) => (request.kind === 'erasure' ? setSelected(request) : undefined)}
      />
      {selected ? (
        <RequestPanel key={selected.id} requestId={selected.id} initial={selected} onClose={close} />
      ) : null}
      <section className="card" aria-labelledby="privacy-list-title">
        <div className="privacy-list-head">
          <h2 id="privacy-list-title" tabIndex={-1} ref={listHeading}>
            {all ? t('list.titleAll') : t('list.title')}
          </h2>
          <label className="privacy-show-all">
            <input type="checkbox" checked={all} onChange={(event) => setAll(event.target.checked)} />{' '}
            {t('list.showAll')}
          </label>
        </div>
        {requests.isPending ? (
          <Loading label={t('common:app.loading')} />
        ) : requests.error ? (
          <ErrorAlert error={requests.error} onRetry={() => void requests.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={all ? t('list.emptyAll') : t('list.empty')} />
        ) : (
          <RequestsTable requests={items} all={all} selectedId={selected?.id} onOpen={setSelected} />
        )}
      </section>
    </div>
  );
};

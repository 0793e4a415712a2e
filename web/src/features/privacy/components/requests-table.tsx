/**
 * The open requests, the most urgent first: whom each is about, what it asks, when it came and
 * by when the law wants an answer (with the days left, or how late), its state and the progress
 * of its job, and the download of a ready export.
 */
import type { PrivacyRequest } from '#schemas/platform/privacy-request.ts';
import { type Column, DataTable } from '#web/src/components/ui/data-table.tsx';
import { ErrorAlert } from '#web/src/components/ui/error-alert.tsx';
import { useLocale } from '#web/src/lib/i18n.ts';
import { useDownloadPrivacyExport } from '../api/privacy-requests.ts';
import { usePrivacyTranslation } from '../i18n.ts';
import '#web/src/features/privacy/privacy.css';

/** Whole days from today (the user's calendar) to `day`. */
const daysUntil = (day: string, now = new Date()) => {
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((Date.parse(`${day}T00:00:00Z`) - today) / 86_400_000);
};

export const RequestsTable = ({ requests }: { requests: readonly PrivacyRequest[] }) => {
  const { t } = usePrivacyTranslation();
  const { format } = useLocale();
  const download = useDownloadPrivacyExport();

  const deadline = (request: PrivacyRequest) => {
    const days = daysUntil(request.dueOn);
    const left =
      days > 0
        ? t('list.daysLeft', { count: days })
        : days === 0
          ? t('list.dueToday')
          : t('list.late', { count: -days });
    return (
      <>
        {format.date(request.dueOn)} <span className={days < 0 ? 'deadline late' : 'deadline'}>({left})</span>
      </>
    );
  };

  const state = (request: PrivacyRequest) => (
    <>
      {t(`states.${request.state}`)}
      {request.state === 'inProgress' ? (
        <>
          {' '}
          <progress max={request.progress.total} value={request.progress.done}>
            {t('list.progress', { done: request.progress.done, total: request.progress.total })}
          </progress>
          <span className="visually-hidden">
            {t('list.progress', { done: request.progress.done, total: request.progress.total })}
          </span>
        </>
      ) : null}
    </>
  );

  const actions = (request: PrivacyRequest) =>
    request.state === 'ready' ? (
      <>
        <button
          type="button"
          className="button button-secondary"
          disabled={download.isPending}
          onClick={() => download.mutate(request.id)}
        >
          {download.isPending && download.variables === request.id
            ? t('list.downloading')
            : t('list.download')}
        </button>
        {request.deliveredAt ? (
          <span className="delivered">
            {t('list.delivered', { at: format.dateTime(request.deliveredAt) })}
          </span>
        ) : null}
      </>
    ) : null;

  const columns: Column<PrivacyRequest>[] = [
    { label: t('list.customer'), cell: (request) => request.customerName, rowHeader: true },
    { label: t('list.kind'), cell: (request) => t(`kinds.${request.kind}`) },
    { label: t('list.receivedOn'), cell: (request) => format.date(request.receivedOn) },
    { label: t('list.dueOn'), cell: deadline },
    { label: t('list.state'), cell: state },
    { label: t('list.actions'), cell: actions },
  ];
  return (
    <>
      {download.error ? <ErrorAlert error={download.error} focus /> : null}
      <DataTable
        columns={columns}
        rows={requests}
        rowKey={(request) => request.id}
        caption={t('list.caption')}
      />
    </>
  );
};

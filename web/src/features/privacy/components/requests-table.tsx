/**
 * The requests, the most urgent first: whom each is about, what it asks, when it came and by
 * when the law wants an answer (with the days left, or how late), its state and the step its job
 * is at, the download of a ready export, and for an erasure, its panel: the plan to review and
 * confirm, its progress, or its report.
 */
import type { PrivacyRequest } from '#schemas/platform/privacy-request.ts';
import { type Column, DataTable } from '#web/src/components/ui/data-table.tsx';
import { ErrorAlert } from '#web/src/components/ui/error-alert.tsx';
import { useLocale } from '#web/src/lib/i18n.ts';
import { useDownloadPrivacyExport } from '../api/privacy-requests.ts';
import { usePrivacyTranslation } from '../i18n.ts';
import { RequestProgress } from './request-progress.tsx';
import '#web/src/features/privacy/privacy.css';

/** Whole days from today (the user's calendar) to `day`. */
const daysUntil = (day: string, now = new Date()) => {
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((Date.parse(`${day}T00:00:00Z`) - today) / 86_400_000);
};

export type RequestsTableProps = {
  requests: readonly PrivacyRequest[];
  /** All the requests, or the open ones only (the caption says which). */
  all?: boolean;
  /** The request whose panel is open, if any. */
  selectedId?: string | undefined;
  /** Opens an erasure's panel: its plan to confirm, its progress or its report. */
  onOpen: (request: PrivacyRequest) => void;
};

export const RequestsTable = ({ requests, all = false, selectedId, onOpen }: RequestsTableProps) => {
  const { t } = usePrivacyTranslation();
  const { format } = useLocale();
  const download = useDownloadPrivacyExport();

  const deadline = (request: PrivacyRequest) => {
    // Answered: the deadline no longer runs.
    if (request.state === 'completed' || (request.state === 'ready' && request.deliveredAt)) {
      return format.date(request.dueOn);
    }
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

  const actions = (request: PrivacyRequest) =>
    request.kind === 'erasure' ? (
      <button
        type="button"
        className={
          request.state === 'awaitingConfirmation' ? 'button button-primary' : 'button button-secondary'
        }
        onClick={() => onOpen(request)}
      >
        {request.state === 'awaitingConfirmation'
          ? t('list.review')
          : request.state === 'completed'
            ? t('list.report')
            : t('list.follow')}
      </button>
    ) : request.state === 'ready' ? (
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
    {
      label: t('list.kind'),
      cell: (request) => (
        <>
          {t(`kinds.${request.kind}`)}
          {request.retention ? (
            <span className="request-origin">
              {t('list.retention', { dueOn: format.date(request.retention.dueOn) })}
            </span>
          ) : null}
        </>
      ),
    },
    { label: t('list.receivedOn'), cell: (request) => format.date(request.receivedOn) },
    { label: t('list.dueOn'), cell: deadline },
    { label: t('list.state'), cell: (request) => <RequestProgress request={request} /> },
    { label: t('list.actions'), cell: actions },
  ];
  return (
    <>
      {download.error ? <ErrorAlert error={download.error} focus /> : null}
      <DataTable
        columns={columns}
        rows={requests}
        rowKey={(request) => request.id}
        caption={all ? t('list.captionAll') : t('list.caption')}
        rowClassName={(request) => (request.id === selectedId ? 'selected' : undefined)}
      />
    </>
  );
};

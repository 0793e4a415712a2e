/**
 * One request, opened from the list or just after it was opened: whom it is about, its deadline
 * and its state. An erasure awaiting confirmation shows its plan — the scope in words, what will
 * be erased, what will be kept and why, what goes by itself and within how long — with the
 * warning that it cannot be undone, and the confirmation, sent with the version read (a 409 says
 * the request changed, and it is read again). A confirmed erasure shows who confirmed it and the
 * step its job is at; a completed one, its report. The heading takes the focus when it opens.
 */
import { useEffect, useRef } from 'react';
import type { PrivacyRequest } from '#schemas/platform/privacy-request.ts';
import { ErrorAlert } from '#web/src/components/ui/error-alert.tsx';
import { ApiError } from '#web/src/lib/api-client.ts';
import { useLocale } from '#web/src/lib/i18n.ts';
import { useConfirmErasure, usePrivacyRequest } from '../api/privacy-requests.ts';
import { usePrivacyTranslation } from '../i18n.ts';
import { ErasurePlanLists, ErasureReportLists } from './erasure-places.tsx';
import { useStepText } from './request-progress.tsx';
import '#web/src/features/privacy/privacy.css';

export type RequestPanelProps = {
  requestId: string;
  /** The request as the list or the form had it, shown until it is read. */
  initial?: PrivacyRequest;
  onClose: () => void;
};

/** The warning that an erasure cannot be undone, and its confirmation (or going back to the list). */
const ConfirmErasure = ({
  pending,
  onConfirm,
  onCancel,
}: {
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) => {
  const { t } = usePrivacyTranslation();
  return (
    <>
      <div className="alert alert-warning erasure-warning">
        <p className="alert-title">{t('panel.irreversibleTitle')}</p>
        <p>{t('panel.irreversible')}</p>
      </div>
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={pending} onClick={onConfirm}>
          {pending ? t('panel.confirming') : t('panel.confirm')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('panel.cancel')}
        </button>
      </div>
    </>
  );
};

/** Where a confirmed erasure stands: who confirmed it, its step, its report once completed. */
const ErasureFollowUp = ({ request }: { request: PrivacyRequest }) => {
  const { t } = usePrivacyTranslation();
  const { format } = useLocale();
  const stepText = useStepText();
  const report = request.erasureReport;
  return (
    <>
      {request.confirmedBy ? (
        <p>
          {t('panel.confirmedBy', {
            name: request.confirmedBy.name,
            at: format.dateTime(request.confirmedBy.at),
          })}
        </p>
      ) : null}
      <div role="status" aria-live="polite">
        {request.state === 'received' ? <p>{t('panel.waiting')}</p> : null}
        {request.state === 'inProgress' ? (
          <p className="privacy-running">
            <progress max={request.progress.total} value={request.progress.done} aria-hidden="true" />{' '}
            {stepText(request)}
          </p>
        ) : null}
        {request.state === 'completed' && report ? (
          <p className="notice notice-success">
            {t('panel.report.done', { at: format.dateTime(report.erasedAt) })}
          </p>
        ) : null}
      </div>
      {request.state === 'inProgress' && request.progress.step === 'lake' ? (
        <p className="muted small">{t('panel.lakeWait')}</p>
      ) : null}
      {request.state === 'failed' ? (
        <div className="alert alert-error">
          <p>{t('panel.failed')}</p>
        </div>
      ) : null}
      {report ? (
        <section className="erasure-report" aria-labelledby="erasure-report-title">
          <h3 id="erasure-report-title">{t('panel.report.title')}</h3>
          <p>{t(`panel.report.scope.${report.scope}`)}</p>
          <ErasureReportLists report={report} />
          <p className="muted small">{t('panel.registryNote')}</p>
        </section>
      ) : null}
    </>
  );
};

export const RequestPanel = ({ requestId, initial, onClose }: RequestPanelProps) => {
  const { t } = usePrivacyTranslation();
  const { format } = useLocale();
  const query = usePrivacyRequest(requestId, initial);
  const confirm = useConfirmErasure();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const conflict = confirm.error instanceof ApiError && confirm.error.status === 409;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the focus moves each time another request opens
  useEffect(() => {
    headingRef.current?.focus();
  }, [requestId]);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);
  const confirmPlan = (request: PrivacyRequest) =>
    confirm.mutate(
      { requestId: request.id, version: request.version },
      // The buttons go with the plan: the focus comes back to the request's heading.
      { onSuccess: () => headingRef.current?.focus() },
    );

  const request = query.data;
  const awaiting = request?.kind === 'erasure' && request.state === 'awaitingConfirmation';
  return (
    <section className="card privacy-panel" aria-labelledby="privacy-panel-title">
      <div className="privacy-panel-head">
        <h2 id="privacy-panel-title" tabIndex={-1} ref={headingRef}>
          {request
            ? t(`panel.title.${request.kind}`, { name: request.customerName })
            : t('common:app.loading')}
        </h2>
        {awaiting ? null : (
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('panel.close')}
          </button>
        )}
      </div>
      {query.error ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {conflict ? (
        <div className="alert alert-warning" role="alert" tabIndex={-1} ref={conflictRef}>
          <p className="alert-title">{t('panel.conflictTitle')}</p>
          <p>{t('panel.conflict')}</p>
        </div>
      ) : confirm.error ? (
        <ErrorAlert error={confirm.error} focus />
      ) : null}
      {request ? (
        <>
          <p className="muted">
            {t('panel.summary', {
              received: format.date(request.receivedOn),
              due: format.date(request.dueOn),
              state: t(`states.${request.state}`),
            })}
          </p>
          {awaiting && request.erasurePlan ? (
            <>
              <p className="erasure-scope">{t(`panel.scope.${request.erasurePlan.scope}`)}</p>
              <ErasurePlanLists plan={request.erasurePlan} />
              <p className="muted small">{t('panel.registryNote')}</p>
              <ConfirmErasure
                pending={confirm.isPending}
                onConfirm={() => confirmPlan(request)}
                onCancel={onClose}
              />
            </>
          ) : request.kind === 'erasure' ? (
            <ErasureFollowUp request={request} />
          ) : request.state === 'ready' ? (
            <p>{t('panel.exportReady')}</p>
          ) : null}
        </>
      ) : null}
    </section>
  );
};

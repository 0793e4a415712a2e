/**
 * One saved query on the analyst screen: its parameters, its run on the lake and the progress
 * of it, then the result as a chart and a table (codes such as channels in words), and its
 * download as CSV for a spreadsheet of the user's language.
 */
import { useCallback, useEffect, useState } from 'react';
import type { QueryRun, SavedQuery } from '#schemas/analytics/query.ts';
import { ErrorAlert } from '#web/src/components/ui/error-alert.tsx';
import { EmptyState } from '#web/src/components/ui/status.tsx';
import { useSavedQueryRun } from '#web/src/features/analytics/api/run-saved-query.ts';
import { useAnalyticsTranslation } from '#web/src/features/analytics/i18n.ts';
import { csvFileName, downloadCsv } from '#web/src/features/analytics/utils/download.ts';
import { useDocumentTitle } from '#web/src/lib/document-title.ts';
import { labelOf, useLocale } from '#web/src/lib/i18n.ts';
import { ParameterForm } from './parameter-form.tsx';
import { ResultChart } from './result-chart.tsx';
import { ResultTable } from './result-table.tsx';

/** Seconds since `since`, ticking while `active`. */
const useElapsed = (since: number | undefined, active: boolean): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [active]);
  return since === undefined ? 0 : Math.max(0, (active ? now : Date.now()) - since) / 1000;
};

export const QueryPanel = ({ query }: { query: SavedQuery }) => {
  const { t } = useAnalyticsTranslation();
  const { lang, format } = useLocale();
  const { start, run, busy, error } = useSavedQueryRun();
  const [startedAt, setStartedAt] = useState<number>();
  const [sent, setSent] = useState<Record<string, string | number>>({});
  const elapsed = useElapsed(startedAt, busy);
  useDocumentTitle(t('documentTitle', { query: query.title[lang] }));

  const columnLabel = useCallback(
    (name: string) => labelOf(t('columns', { returnObjects: true }), name),
    [t],
  );
  const cellLabel = useCallback(
    (column: string, value: string) => {
      const channel = (code: string) => labelOf(t('channels', { returnObjects: true }), code);
      if (column === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return format.date(value);
      if (column === 'stage') return labelOf(t('stages', { returnObjects: true }), value);
      if (column === 'segment') return labelOf(t('common:segments', { returnObjects: true }), value);
      if (column === 'channel') return channel(value);
      if (column === 'channel_mix') return value.split(' + ').map(channel).join(' + ');
      if (column === 'event_type') return labelOf(t('eventTypes', { returnObjects: true }), value);
      return value;
    },
    [t, format],
  );
  const onRun = (parameters: Record<string, string | number>) => {
    setSent(parameters);
    setStartedAt(Date.now());
    start({ queryId: query.id, parameters });
  };
  const done = run?.status === 'succeeded' ? run : undefined;
  const seconds = (ms: number) => format.number(Math.round(ms / 100) / 10);
  /** How long a run took, on which engine, and what it read. */
  const stats = (finished: QueryRun) => {
    if (!finished.stats) return null;
    const duration = seconds(finished.stats.durationMs);
    const engine = labelOf(t('engines', { returnObjects: true }), finished.engine);
    const bytes = finished.stats.bytesScanned;
    return bytes === undefined
      ? t('stats', { duration, engine })
      : t('statsScanned', { duration, engine, megabytes: format.number(Math.round(bytes / 100_000) / 10) });
  };

  return (
    <div className="query-panel">
      <section className="card" aria-labelledby="query-title">
        <h2 id="query-title" className="query-title">
          {query.title[lang]}
        </h2>
        <p className="muted">{query.description[lang]}</p>
        <ParameterForm key={query.id} query={query} busy={busy} onRun={onRun} />
      </section>

      <div aria-live="polite">
        {busy ? (
          <p className="loading run-progress" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('runningFor', { count: Math.floor(elapsed) })}
          </p>
        ) : null}
      </div>
      {error ? <ErrorAlert error={error} focus /> : null}
      {run?.status === 'failed' ? (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">{t('failed')}</p>
          {run.error ? <p className="mono small">{run.error}</p> : null}
        </div>
      ) : null}

      {done ? (
        <>
          <div className="result-head">
            <p className="result-stats" role="status">
              <strong>{t('rows', { count: done.rows?.length ?? 0 })}</strong> {stats(done)}
            </p>
            {done.rows?.length ? (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => downloadCsv(done, csvFileName(query.id, sent, done.startedAt), lang)}
              >
                {t('download')}
              </button>
            ) : null}
          </div>
          {done.rows?.length ? (
            <>
              {query.chart ? (
                <ResultChart chart={query.chart} run={done} columnLabel={columnLabel} cellLabel={cellLabel} />
              ) : null}
              <section className="card" aria-labelledby="result-table-title">
                <h2 id="result-table-title">{t('table')}</h2>
                <ResultTable
                  run={done}
                  caption={query.title[lang]}
                  columnLabel={columnLabel}
                  cellLabel={cellLabel}
                />
              </section>
            </>
          ) : (
            <EmptyState title={t('empty')} hint={t('emptyHint')} />
          )}
        </>
      ) : null}
    </div>
  );
};

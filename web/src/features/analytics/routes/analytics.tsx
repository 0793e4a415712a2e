/**
 * `/analytics`, the analyst screen: pick a saved query, set its parameters, run it on the lake,
 * follow its progress, read the result as a chart and a table (codes such as channels in words),
 * download it as CSV for a spreadsheet of the user's language. Analysts only: others get the
 * refusal (and the API would answer 403 anyway).
 */
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { SavedQuery } from '#schemas/analytics/query.ts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { Refusal } from '../../../components/ui/refusal.tsx';
import { EmptyState, Loading } from '../../../components/ui/status.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { currentUser } from '../../../lib/auth.ts';
import { useDocumentTitle } from '../../../lib/document-title.ts';
import { useI18n } from '../../../lib/i18n.ts';
import { useSavedQueries } from '../api/list-saved-queries.ts';
import { useSavedQueryRun } from '../api/run-saved-query.ts';
import { ParameterForm } from '../components/parameter-form.tsx';
import { QueryList } from '../components/query-list.tsx';
import { ResultChart } from '../components/result-chart.tsx';
import { ResultTable } from '../components/result-table.tsx';
import { csvFileName, downloadCsv } from '../utils/download.ts';
import '../analytics.css';

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

const QueryPanel = ({ query }: { query: SavedQuery }) => {
  const { t, lang, format } = useI18n();
  const { start, run, busy, error } = useSavedQueryRun();
  const [startedAt, setStartedAt] = useState<number>();
  const [sent, setSent] = useState<Record<string, string | number>>({});
  const elapsed = useElapsed(startedAt, busy);
  useDocumentTitle(`${query.title[lang]} · ${t.analytics.title}`);

  const columnLabel = (name: string) => t.analytics.columns[name] ?? name;
  const channel = (code: string) => (t.analytics.channels as Partial<Record<string, string>>)[code] ?? code;
  const cellLabel = (column: string, value: string) => {
    if (column === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return format.date(value);
    if (column === 'stage') return t.analytics.stages[value] ?? value;
    if (column === 'segment') return (t.enums.segment as Partial<Record<string, string>>)[value] ?? value;
    if (column === 'channel') return channel(value);
    if (column === 'channel_mix') return value.split(' + ').map(channel).join(' + ');
    if (column === 'event_type')
      return (t.analytics.eventTypes as Partial<Record<string, string>>)[value] ?? value;
    return value;
  };
  const onRun = (parameters: Record<string, string | number>) => {
    setSent(parameters);
    setStartedAt(Date.now());
    start({ queryId: query.id, parameters });
  };
  const done = run?.status === 'succeeded' ? run : undefined;
  const seconds = (ms: number) => format.number(Math.round(ms / 100) / 10);

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
            {t.analytics.running} {t.analytics.elapsed(format.number(Math.floor(elapsed)))}
          </p>
        ) : null}
      </div>
      {error ? <ErrorAlert error={error} focus /> : null}
      {run?.status === 'failed' ? (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">{t.analytics.failed}</p>
          {run.error ? <p className="mono small">{run.error}</p> : null}
        </div>
      ) : null}

      {done ? (
        <>
          <div className="result-head">
            <p className="result-stats" role="status">
              <strong>{t.analytics.rows(done.rows?.length ?? 0)}</strong>{' '}
              {done.stats
                ? t.analytics.stats(
                    seconds(done.stats.durationMs),
                    t.analytics.engines[done.engine] ?? done.engine,
                  )
                : null}
              {done.stats?.bytesScanned !== undefined
                ? ` · ${t.analytics.scanned(format.number(Math.round(done.stats.bytesScanned / 100_000) / 10))}`
                : null}
            </p>
            {done.rows?.length ? (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => downloadCsv(done, csvFileName(query.id, sent, done.startedAt), lang)}
              >
                {t.analytics.download}
              </button>
            ) : null}
          </div>
          {done.rows?.length ? (
            <>
              {query.chart ? (
                <ResultChart chart={query.chart} run={done} columnLabel={columnLabel} cellLabel={cellLabel} />
              ) : null}
              <section className="card" aria-labelledby="result-table-title">
                <h2 id="result-table-title">{t.analytics.table}</h2>
                <ResultTable
                  run={done}
                  caption={query.title[lang]}
                  columnLabel={columnLabel}
                  cellLabel={cellLabel}
                />
              </section>
            </>
          ) : (
            <EmptyState title={t.analytics.empty} hint={t.analytics.emptyHint} />
          )}
        </>
      ) : null}
    </div>
  );
};

export const AnalyticsRoute = () => {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const analyst = currentUser()?.roles.includes('analyst') === true;
  const queries = useSavedQueries(analyst);
  useDocumentTitle(t.analytics.title);

  if (!analyst || (queries.error instanceof ApiError && queries.error.status === 403)) {
    // What someone who is not an analyst sees at /analytics.
    return (
      <Refusal
        title={t.analytics.notAllowed}
        hint={t.analytics.notAllowedHint}
        homeLabel={t.analytics.home}
      />
    );
  }
  const items = queries.data?.items ?? [];
  const selected = items.find((q) => q.id === params.get('query')) ?? items[0];
  return (
    <div className="page page-analytics">
      <h1>{t.analytics.title}</h1>
      <p className="page-subtitle">{t.analytics.subtitle}</p>
      {queries.isPending ? (
        <Loading label={t.app.loading} />
      ) : queries.error ? (
        <ErrorAlert error={queries.error} onRetry={() => void queries.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t.analytics.queriesEmpty} />
      ) : (
        <div className="analytics-layout">
          <QueryList queries={items} selectedId={selected?.id} />
          {selected ? <QueryPanel key={selected.id} query={selected} /> : <p>{t.analytics.pickQuery}</p>}
        </div>
      )}
    </div>
  );
};

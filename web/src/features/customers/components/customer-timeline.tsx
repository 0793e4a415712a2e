/**
 * The customer's history: domain events and channel activity, newest first, each saying what
 * it is about (`summariseEntry`) and who did it. The 360° file brings the latest entries;
 * "see more" appends the older ones page by page while the API has some, announces the
 * loading, and puts the focus on the first entry it added.
 */
import { useEffect, useRef, useState } from 'react';
import type { TimelineEntry } from '#schemas/customers/timeline.ts';
import { ErrorAlert } from '#web/src/components/ui/error-alert.tsx';
import { EmptyState } from '#web/src/components/ui/status.tsx';
import { useOlderTimeline } from '#web/src/features/customers/api/list-customer-timeline.ts';
import { useCustomersTranslation } from '#web/src/features/customers/i18n.ts';
import { entryAuthor, summariseEntry } from '#web/src/features/customers/utils/timeline-summary.ts';
import { useBranchNames } from '#web/src/lib/branches.ts';
import { labelOf, useLocale } from '#web/src/lib/i18n.ts';
import '#web/src/features/customers/customers.css';

export type CustomerTimelineProps = {
  customerId: string;
  /** The latest entries, from the 360° file. */
  entries: TimelineEntry[];
  /** The 360° file's `timelineCursor`: older entries exist. */
  cursor?: string;
};

const newestFirst = (entries: readonly TimelineEntry[]) =>
  [...entries].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));

/** What the status line says after a "see more". */
type Outcome = { kind: 'loaded'; count: number } | { kind: 'none' };

export const CustomerTimeline = ({ customerId, entries, cursor }: CustomerTimelineProps) => {
  const { t } = useCustomersTranslation();
  const { lang, format } = useLocale();
  const branches = useBranchNames();
  const eventTypes = t('enums.eventType', { returnObjects: true });
  /** The cursor the user started paging back from: a new one (the file was read again) starts over. */
  const [startedFrom, setStartedFrom] = useState<string>();
  const started = cursor !== undefined && startedFrom === cursor;
  const older = useOlderTimeline(customerId, cursor, started);
  /** Where the entries added by the pending "see more" start, to focus the first of them. */
  const [focusFrom, setFocusFrom] = useState<number>();
  const [outcome, setOutcome] = useState<Outcome>();
  const listRef = useRef<HTMLOListElement>(null);

  /** Whether the pending "see more" has started loading (its answer is what the effect waits for). */
  const sawLoading = useRef(false);

  // The file's entries, then each older page's, none twice.
  const all = newestFirst(entries);
  const seen = new Set(all.map((entry) => entry.id));
  for (const page of older.data?.pages ?? []) {
    for (const entry of newestFirst(page.items)) {
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      all.push(entry);
    }
  }
  const hasMore = cursor !== undefined && (older.data ? older.hasNextPage : true);
  const loading = older.isFetching;
  useEffect(() => {
    if (loading && focusFrom !== undefined) sawLoading.current = true;
  }, [loading, focusFrom]);

  // Once the page is in (or turned out empty), the focus goes to the first entry it added, or
  // to the last entry when there was none, so that it is never lost with the button.
  useEffect(() => {
    if (focusFrom === undefined || loading || !sawLoading.current) return;
    sawLoading.current = false;
    setFocusFrom(undefined);
    if (older.error) return;
    const items = listRef.current?.querySelectorAll<HTMLLIElement>(':scope > li');
    const added = all.length - focusFrom;
    setOutcome(added > 0 ? { kind: 'loaded', count: added } : { kind: 'none' });
    items?.[added > 0 ? focusFrom : all.length - 1]?.focus();
  }, [focusFrom, loading, older.error, all.length]);

  const more = () => {
    if (loading) return;
    setOutcome(undefined);
    setFocusFrom(all.length);
    setStartedFrom(cursor);
    // The first page loads once the query is enabled; then each click asks for the next one.
    if (older.data) void older.fetchNextPage();
    else if (started) void older.refetch();
  };

  const status = loading
    ? t('history.loading')
    : outcome?.kind === 'loaded'
      ? t('history.loaded', { count: outcome.count })
      : outcome?.kind === 'none'
        ? t('history.noOlder')
        : '';

  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('customer.timeline')}</h2>
      {all.length === 0 ? (
        <EmptyState title={t('customer.timelineEmpty')} />
      ) : (
        <ol className="timeline" ref={listRef}>
          {all.map((entry) => {
            const summary = summariseEntry(entry, lang, { branchName: (id) => branches.get(id) });
            return (
              <li key={entry.id} className={`timeline-item timeline-${entry.type}`} tabIndex={-1}>
                <p className="timeline-head">
                  <span className="timeline-type">{labelOf(eventTypes, entry.type)}</span>
                  <time dateTime={entry.occurredAt}>{format.dateTime(entry.occurredAt)}</time>
                </p>
                {summary.map((line) => (
                  <p key={line} className="timeline-summary">
                    {line}
                  </p>
                ))}
                <p className="muted small">{entryAuthor(entry, lang)}</p>
              </li>
            );
          })}
        </ol>
      )}
      <p className="timeline-status muted small" role="status" aria-live="polite">
        {loading ? <span className="spinner" aria-hidden="true" /> : null}
        {status}
      </p>
      {older.error && !loading ? <ErrorAlert error={older.error} onRetry={more} focus /> : null}
      {hasMore ? (
        <div className="more">
          <button
            type="button"
            className="button button-secondary"
            onClick={more}
            aria-disabled={loading}
            aria-describedby="timeline-title"
          >
            {t('history.more')}
          </button>
        </div>
      ) : null}
    </section>
  );
};

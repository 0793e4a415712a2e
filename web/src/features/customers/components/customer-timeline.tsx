/** The customer's history: domain events, newest first, with who did what. */
import type { TimelineEntry } from '#schemas/customers/timeline.ts';
import { EmptyState } from '../../../components/ui/status.tsx';
import { useI18n } from '../../../lib/i18n.ts';

const changedFields = (entry: TimelineEntry): string[] =>
  Array.isArray(entry.detail.changedFields)
    ? entry.detail.changedFields.filter((field): field is string => typeof field === 'string')
    : [];

export const CustomerTimeline = ({ entries }: { entries: TimelineEntry[] }) => {
  const { t, format } = useI18n();
  const sorted = [...entries].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t.customer.timeline}</h2>
      {sorted.length === 0 ? (
        <EmptyState title={t.customer.timelineEmpty} />
      ) : (
        <ol className="timeline">
          {sorted.map((entry) => {
            const fields = changedFields(entry);
            return (
              <li key={entry.id} className={`timeline-item timeline-${entry.type}`}>
                <p className="timeline-head">
                  <span className="timeline-type">{t.enums.eventType[entry.type] ?? entry.type}</span>
                  <time dateTime={entry.occurredAt}>{format.dateTime(entry.occurredAt)}</time>
                </p>
                <p className="muted small">
                  {t.customer.by(entry.actor.name)}
                  {fields.length > 0
                    ? ` · ${t.customer.changed(fields.map((field) => t.enums.field[field] ?? field).join(', '))}`
                    : ''}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
};

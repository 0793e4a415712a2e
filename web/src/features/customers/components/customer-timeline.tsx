/** The customer's history: domain events, newest first, with who did what. */
import type { TimelineEntry } from '#schemas/customers/timeline.ts';
import { EmptyState } from '#web/src/components/ui/status.tsx';
import { useCustomersTranslation } from '#web/src/features/customers/i18n.ts';
import { labelOf, useLocale } from '#web/src/lib/i18n.ts';

const changedFields = (entry: TimelineEntry): string[] =>
  Array.isArray(entry.detail.changedFields)
    ? entry.detail.changedFields.filter((field): field is string => typeof field === 'string')
    : [];

export const CustomerTimeline = ({ entries }: { entries: TimelineEntry[] }) => {
  const { t } = useCustomersTranslation();
  const { format } = useLocale();
  const eventTypes = t('enums.eventType', { returnObjects: true });
  const fieldNames = t('enums.field', { returnObjects: true });
  const sorted = [...entries].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('customer.timeline')}</h2>
      {sorted.length === 0 ? (
        <EmptyState title={t('customer.timelineEmpty')} />
      ) : (
        <ol className="timeline">
          {sorted.map((entry) => {
            const fields = changedFields(entry).map((field) => labelOf(fieldNames, field));
            const name = entry.actor.name;
            return (
              <li key={entry.id} className={`timeline-item timeline-${entry.type}`}>
                <p className="timeline-head">
                  <span className="timeline-type">{labelOf(eventTypes, entry.type)}</span>
                  <time dateTime={entry.occurredAt}>{format.dateTime(entry.occurredAt)}</time>
                </p>
                <p className="muted small">
                  {fields.length > 0 ? t('customer.byChanged', { name, fields }) : t('customer.by', { name })}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
};

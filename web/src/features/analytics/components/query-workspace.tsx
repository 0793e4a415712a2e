/** The analyst's workspace: the saved queries beside the chosen one (`?query=`, else the first). */
import type { SavedQuery } from '#schemas/analytics/query.ts';
import { useAnalyticsTranslation } from '#web/src/features/analytics/i18n.ts';
import { QueryList } from './query-list.tsx';
import { QueryPanel } from './query-panel.tsx';
import '#web/src/features/analytics/analytics.css';

export type QueryWorkspaceProps = { queries: SavedQuery[]; selectedId: string | null };

export const QueryWorkspace = ({ queries, selectedId }: QueryWorkspaceProps) => {
  const { t } = useAnalyticsTranslation();
  const selected = queries.find((query) => query.id === selectedId) ?? queries[0];
  return (
    <div className="analytics-layout">
      <QueryList queries={queries} selectedId={selected?.id} />
      {selected ? <QueryPanel key={selected.id} query={selected} /> : <p>{t('pickQuery')}</p>}
    </div>
  );
};

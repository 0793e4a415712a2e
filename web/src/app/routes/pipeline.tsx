/**
 * `/pipeline`, the pipeline of deals (affaires): an advisor's own deals (or their branch's), a
 * branch manager's branch (or one advisor's), a branch an admin chooses, column by column from
 * qualification to negotiation, then the won and the lost; a card moves by dragging it or with
 * « Déplacer vers… », within the moves its family's pipeline allows. The branch network only
 * (the API's opportunity readers): others get the refusal (and the API would answer 403 anyway).
 */
import { Refusal } from '#web/src/components/ui/refusal.tsx';
import { PipelineBoard } from '#web/src/features/sales/components/pipeline-board.tsx';
import { useSalesTranslation } from '#web/src/features/sales/i18n.ts';
import { currentUser } from '#web/src/lib/auth.ts';
import { useDocumentTitle } from '#web/src/lib/document-title.ts';
import { seesPipeline } from '#web/src/lib/role-homes.ts';

export const PipelineRoute = () => {
  const { t } = useSalesTranslation();
  const user = currentUser();
  useDocumentTitle(t('pipeline.title'));

  if (!user || !seesPipeline(user.roles)) {
    return (
      <Refusal title={t('pipeline.notAllowed')} hint={t('pipeline.notAllowedHint')} homeLabel={t('home')} />
    );
  }
  return (
    <div className="page page-sales page-pipeline">
      <h1>{t('pipeline.title')}</h1>
      <p className="page-subtitle">{t('pipeline.subtitle')}</p>
      <PipelineBoard viewer={user} />
    </div>
  );
};

/**
 * A column of the board: the deals at one stage, by closing day, as a list under the stage's
 * heading, with how many it shows and their total amount; "see more" while the API has more. A
 * card dragged over it shows whether it may go there; a drop anywhere on the column asks the
 * board to move it (the board refuses in words the moves the pipeline does not allow).
 */
import { type DragEvent, useId, useState } from 'react';
import type { Opportunity } from '#schemas/sales/opportunity.ts';
import { ErrorAlert } from '#web/src/components/ui/error-alert.tsx';
import { Loading } from '#web/src/components/ui/status.tsx';
import { type BoardFilter, useOpportunityColumn } from '#web/src/features/sales/api/opportunities.ts';
import { useSalesTranslation } from '#web/src/features/sales/i18n.ts';
import { cardsOf, columnTotals } from '#web/src/features/sales/utils/pipeline-columns.ts';
import { checkMove, type Stage } from '#web/src/features/sales/utils/pipeline-moves.ts';
import { OpportunityCard, useEuros } from './opportunity-card.tsx';

export type PipelineColumnProps = {
  stage: Stage;
  filter: BoardFilter;
  /** The card being dragged, if any. */
  dragging: Opportunity | undefined;
  /** The deals whose move is on its way. */
  moving: ReadonlySet<string>;
  /** A move asked with a card's « Déplacer vers… ». */
  onMove: (deal: Opportunity, to: Stage) => void;
  /** A card dropped on this column. */
  onDrop: (deal: Opportunity, to: Stage) => void;
  onDragStart: (deal: Opportunity) => void;
  onDragEnd: () => void;
};

/** How the column takes the card dragged over it. */
const dropClass = (dragging: Opportunity | undefined, stage: Stage, over: boolean) => {
  if (!dragging || dragging.stage === stage) return '';
  const allowed = 'ok' in checkMove(dragging.family, dragging.stage, stage);
  return ` pipeline-drop-${allowed ? 'allowed' : 'refused'}${over ? ' pipeline-drop-over' : ''}`;
};

export const PipelineColumn = ({
  stage,
  filter,
  dragging,
  moving,
  onMove,
  onDrop,
  onDragStart,
  onDragEnd,
}: PipelineColumnProps) => {
  const { t } = useSalesTranslation();
  const euros = useEuros();
  const headingId = useId();
  const column = useOpportunityColumn(filter, stage);
  const [over, setOver] = useState(false);
  const cards = cardsOf(column.data);
  const { count, amountCents } = columnTotals(cards);
  const more = column.hasNextPage;

  const dragOver = (event: DragEvent) => {
    if (!dragging) return;
    // Every column takes the drop, so that a refused one is said in words.
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setOver(true);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (dragging) onDrop(dragging, stage);
    onDragEnd();
  };

  return (
    <section
      className={`pipeline-column pipeline-column-${stage}${dropClass(dragging, stage, over)}`}
      aria-labelledby={headingId}
      data-stage={stage}
      onDragOver={dragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={drop}
    >
      <header className="pipeline-column-head">
        <h2 id={headingId}>{t(`pipeline.columns.${stage}`)}</h2>
        {column.data ? (
          <p className="pipeline-column-totals">
            <span>
              {more ? t('pipeline.count', { count, context: 'more' }) : t('pipeline.count', { count })}
            </span>{' '}
            {count > 0 ? (
              <span>
                {more
                  ? t('pipeline.totalShown', { amount: euros(amountCents) })
                  : t('pipeline.total', { amount: euros(amountCents) })}
              </span>
            ) : null}
          </p>
        ) : null}
      </header>
      {column.isPending ? (
        <Loading label={t('common:app.loading')} />
      ) : column.error && !column.data ? (
        <ErrorAlert error={column.error} onRetry={() => void column.refetch()} />
      ) : cards.length === 0 ? (
        <p className="pipeline-empty">{t('pipeline.empty')}</p>
      ) : (
        <ul className="pipeline-cards" aria-labelledby={headingId}>
          {cards.map((deal) => (
            <OpportunityCard
              key={deal.id}
              deal={deal}
              moving={moving.has(deal.id)}
              onMove={onMove}
              onDragStart={onDragStart}
              onDragEnd={onDragEnd}
            />
          ))}
        </ul>
      )}
      {column.isFetchNextPageError ? <ErrorAlert error={column.error} /> : null}
      {more ? (
        <button
          type="button"
          className="button button-secondary pipeline-more"
          disabled={column.isFetchingNextPage}
          aria-describedby={headingId}
          onClick={() => void column.fetchNextPage()}
        >
          {column.isFetchingNextPage ? t('pipeline.loadingMore') : t('pipeline.more')}
        </button>
      ) : null}
    </section>
  );
};

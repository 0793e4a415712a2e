/**
 * A deal on the board: its customer (a link to their file), its title, amount, expected closing
 * day (or the day it was won or lost, and why), and its win probability. A mouse drags it to
 * another column; the keyboard and a phone use « Déplacer vers… », which lists only the moves its
 * family's pipeline allows (none once won or lost). Escape closes the list, the focus back on its
 * button. While its move is on its way, the card says so and takes no other.
 */
import { type DragEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Opportunity } from '#schemas/sales/opportunity.ts';
import { useSalesTranslation } from '#web/src/features/sales/i18n.ts';
import { allowedMoves, type Stage } from '#web/src/features/sales/utils/pipeline-moves.ts';
import { useLocale } from '#web/src/lib/i18n.ts';

/** The DOM id of a deal's card: the focus goes back to it once moved. */
export const cardDomId = (dealId: string) => `pipeline-deal-${dealId}`;

export type OpportunityCardProps = {
  deal: Opportunity;
  /** Its move is on its way to the API. */
  moving: boolean;
  onMove: (deal: Opportunity, to: Stage) => void;
  onDragStart: (deal: Opportunity) => void;
  onDragEnd: () => void;
};

/** Whole euros when there are no cents, else euros and cents. */
export const useEuros = () => {
  const { format } = useLocale();
  return (cents: number) => (cents % 100 === 0 ? format.money(cents / 100) : format.moneyCents(cents / 100));
};

const MoveMenu = ({
  deal,
  describedBy,
  disabled,
  onMove,
}: {
  deal: Opportunity;
  describedBy: string;
  disabled: boolean;
  onMove: (to: Stage) => void;
}) => {
  const { t } = useSalesTranslation();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const moves = allowedMoves(deal.family, deal.stage);
  if (moves.length === 0) return null;
  const close = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape closes the list from any of its buttons
    <div className="pipeline-move" onKeyDown={close}>
      <button
        ref={toggle}
        type="button"
        className="button button-secondary pipeline-move-toggle"
        aria-expanded={open}
        aria-controls={listId}
        aria-describedby={describedBy}
        disabled={disabled}
        onClick={() => setOpen((shown) => !shown)}
      >
        {disabled ? t('pipeline.card.moving') : t('pipeline.card.moveTo')}
      </button>
      <ul id={listId} className="pipeline-move-list" hidden={!open || disabled}>
        {moves.map((to) => (
          <li key={to}>
            <button
              type="button"
              className={`button pipeline-move-to pipeline-move-${to}`}
              onClick={() => {
                setOpen(false);
                onMove(to);
              }}
            >
              {t(`pipeline.stages.${to}`)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
};

export const OpportunityCard = ({ deal, moving, onMove, onDragStart, onDragEnd }: OpportunityCardProps) => {
  const { t } = useSalesTranslation();
  const { format } = useLocale();
  const euros = useEuros();
  const nameId = useId();
  const titleId = useId();
  const closed = deal.stage === 'won' || deal.stage === 'lost';
  const dragStart = (event: DragEvent) => {
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', deal.id);
    onDragStart(deal);
  };
  return (
    <li className={`pipeline-card${moving ? ' pipeline-card-moving' : ''}`} aria-busy={moving}>
      <article
        id={cardDomId(deal.id)}
        tabIndex={-1}
        aria-labelledby={`${nameId} ${titleId}`}
        draggable={!closed && !moving}
        onDragStart={dragStart}
        onDragEnd={onDragEnd}
      >
        <h3 id={nameId} className="pipeline-card-customer">
          <Link to={`/customers/${encodeURIComponent(deal.customerId)}`} draggable={false}>
            {deal.customerName}
          </Link>
        </h3>
        <p id={titleId} className="pipeline-card-title">
          {deal.title}
        </p>
        <dl className="pipeline-card-facts">
          <div>
            <dt>{t('pipeline.card.amount')}</dt>
            <dd className="pipeline-card-amount">{euros(deal.amountCents)}</dd>
          </div>
          {closed && deal.closedOn ? (
            <div>
              <dt>{t(deal.stage === 'won' ? 'pipeline.card.won' : 'pipeline.card.lost')}</dt>
              <dd>{format.date(deal.closedOn)}</dd>
            </div>
          ) : (
            <div>
              <dt>{t('pipeline.card.expected')}</dt>
              <dd>{format.date(deal.expectedCloseOn)}</dd>
            </div>
          )}
          {deal.stage === 'lost' && deal.lostReason ? (
            <div>
              <dt>{t('pipeline.card.lostReason')}</dt>
              <dd>{t(`pipeline.lostReasons.${deal.lostReason}`)}</dd>
            </div>
          ) : (
            <div>
              <dt>{t('pipeline.card.probability')}</dt>
              <dd>{t('pipeline.card.percent', { value: format.number(deal.probabilityPercent) })}</dd>
            </div>
          )}
        </dl>
        <MoveMenu
          deal={deal}
          describedBy={`${nameId} ${titleId}`}
          disabled={moving}
          onMove={(to) => onMove(deal, to)}
        />
      </article>
    </li>
  );
};

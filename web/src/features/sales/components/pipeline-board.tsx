/**
 * The pipeline board: the filters, then one column per stage — the open ones in the pipeline's
 * order, then the won and the lost deals — side by side, scrolling sideways inside the board on a
 * narrow screen. A card moves by dragging it onto another column, or with its « Déplacer vers… »
 * (keyboard, phone). A move the pipeline does not allow is refused in words, without calling the
 * API; a loss first asks why (`LostDialog`). The card shows in its new column at once and goes
 * back if the API refuses: a 409 says that someone moved the deal first and where it is now (the
 * board is read again), anything else shows as an error. Each move done is announced in a polite
 * live region; after a move from its button, the focus follows the card.
 */
import { useEffect, useRef, useState } from 'react';
import type { Opportunity } from '#schemas/sales/opportunity.ts';
import { ErrorAlert } from '#web/src/components/ui/error-alert.tsx';
import { EmptyState } from '#web/src/components/ui/status.tsx';
import {
  type BoardFilter,
  getOpportunity,
  type StageMove,
  useMoveOpportunityStage,
} from '#web/src/features/sales/api/opportunities.ts';
import { useSalesTranslation } from '#web/src/features/sales/i18n.ts';
import {
  boardStages,
  checkMove,
  type LostReason,
  type MoveRefusal,
  type Stage,
} from '#web/src/features/sales/utils/pipeline-moves.ts';
import {
  initialChoice,
  isMonth,
  type PipelineViewer,
  type ScopeChoice,
  scopeOf,
} from '#web/src/features/sales/utils/pipeline-scope.ts';
import { ApiError } from '#web/src/lib/api-client.ts';
import { LostDialog } from './lost-dialog.tsx';
import { cardDomId } from './opportunity-card.tsx';
import { PipelineColumn } from './pipeline-column.tsx';
import { PipelineFilters } from './pipeline-filters.tsx';
import '#web/src/features/sales/sales.css';

/** What the board says of the last move asked: refused, beaten by someone else, or failed. */
type Notice =
  | { kind: 'refused'; deal: Opportunity; to: Stage; refusal: MoveRefusal }
  | { kind: 'conflict'; deal: Opportunity; now?: Opportunity }
  | { kind: 'failed'; error: unknown };
/** A notice and its number: each new one is a new alert (read out, and focused if it asks to). */
type Shown = Notice & { seq: number };

/** How a move was asked: by dragging the card, or with its button (the focus follows the card). */
type Via = 'drag' | 'button';

const RefusedText = ({ notice }: { notice: Extract<Notice, { kind: 'refused' }> }) => {
  const { t } = useSalesTranslation();
  const { deal, to, refusal } = notice;
  const names = { title: deal.title, customer: deal.customerName };
  if (refusal.refused === 'closed') {
    return <p>{t('pipeline.refused.closed', { ...names, where: t(`pipeline.where.${deal.stage}`) })}</p>;
  }
  const stages = {
    from: t(`pipeline.stages.${deal.stage}`),
    to: t(`pipeline.stages.${to}`),
    allowed: refusal.allowed.map((stage) => t(`pipeline.stages.${stage}`)),
  };
  return refusal.refused === 'notInPipeline' ? (
    <p>
      {t('pipeline.refused.notInPipeline', {
        ...names,
        ...stages,
        family: t(`pipeline.families.${deal.family}`),
      })}
    </p>
  ) : (
    <p>{t('pipeline.refused.notAllowed', { ...names, ...stages })}</p>
  );
};

const moveFields = ['to', 'lostReason', 'note'] as const;
const isMoveField = (field: string): field is (typeof moveFields)[number] =>
  (moveFields as readonly string[]).includes(field);

/** A 400's field errors, in the user's words. */
const RefusedByApi = ({ error }: { error: ApiError }) => {
  const { t } = useSalesTranslation();
  const lines = (error.problem?.errors ?? []).map((item) =>
    isMoveField(item.field)
      ? t(`pipeline.errors.${item.field}`)
      : t('pipeline.errors.other', { message: `${item.field}: ${item.message}` }),
  );
  return (
    <>
      <p className="alert-title">{t('pipeline.errors.title')}</p>
      {lines.length > 0 ? (
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p>{t('pipeline.errors.other', { message: error.problem?.detail ?? error.message })}</p>
      )}
    </>
  );
};

const NoticeAlert = ({ notice }: { notice: Notice }) => {
  const { t } = useSalesTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const takesFocus = notice.kind !== 'refused';
  useEffect(() => {
    if (takesFocus) ref.current?.focus();
  }, [takesFocus]);
  if (notice.kind === 'failed') {
    if (!(notice.error instanceof ApiError && notice.error.status === 400)) {
      return <ErrorAlert error={notice.error} focus />;
    }
    return (
      <div className="alert alert-error" role="alert" tabIndex={-1} ref={ref}>
        <RefusedByApi error={notice.error} />
      </div>
    );
  }
  if (notice.kind === 'refused') {
    return (
      <div className="alert alert-warning pipeline-refused" role="alert" tabIndex={-1} ref={ref}>
        <p className="alert-title">{t('pipeline.refused.title')}</p>
        <RefusedText notice={notice} />
      </div>
    );
  }
  const names = { title: notice.deal.title, customer: notice.deal.customerName };
  return (
    <div className="alert alert-warning pipeline-conflict" role="alert" tabIndex={-1} ref={ref}>
      <p className="alert-title">{t('pipeline.conflict.title')}</p>
      <p>
        {notice.now
          ? t('pipeline.conflict.now', { ...names, where: t(`pipeline.where.${notice.now.stage}`) })
          : t('pipeline.conflict.changed', names)}
      </p>
    </div>
  );
};

/** The columns of one board (one pipeline, one month): its moves, their notices and dialog. */
const BoardColumns = ({ filter }: { filter: BoardFilter }) => {
  const { t } = useSalesTranslation();
  const move = useMoveOpportunityStage(filter);
  const [dragging, setDragging] = useState<Opportunity>();
  const [moving, setMoving] = useState<ReadonlySet<string>>(new Set());
  const [losing, setLosing] = useState<{ deal: Opportunity; via: Via }>();
  const [notice, setNotice] = useState<Shown>();
  const seq = useRef(0);
  const show = (next: Notice | undefined) => {
    seq.current += 1;
    setNotice(next && { ...next, seq: seq.current });
  };
  const [announced, setAnnounced] = useState<Opportunity>();
  /** The card the focus goes to once it shows in its new column. */
  const [follow, setFollow] = useState<{ id: string; stage: Stage }>();

  useEffect(() => {
    if (!follow) return;
    // The card moves in as the cache changes: look for it until it shows (or give up after 2 s).
    let tries = 0;
    const timer = setInterval(() => {
      tries += 1;
      const card = document.getElementById(cardDomId(follow.id));
      const column = card?.closest<HTMLElement>('[data-stage]')?.dataset.stage;
      if (card && column === follow.stage) {
        card.focus();
        setFollow(undefined);
      } else if (tries > 40) setFollow(undefined);
    }, 50);
    return () => clearInterval(timer);
  }, [follow]);

  const setMovingOf = (id: string, on: boolean) =>
    setMoving((before) => {
      const next = new Set(before);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const send = (request: StageMove, via: Via) => {
    const { deal } = request;
    show(undefined);
    setMovingOf(deal.id, true);
    if (via === 'button') setFollow({ id: deal.id, stage: request.to });
    move
      .mutateAsync(request)
      .then((stored) => setAnnounced(stored))
      .catch((error: unknown) => {
        setFollow(undefined);
        if (!(error instanceof ApiError && error.status === 409)) {
          show({ kind: 'failed', error });
          return;
        }
        show({ kind: 'conflict', deal });
        // Where the deal is now, as whoever moved it first left it.
        getOpportunity(deal)
          .then((now) =>
            setNotice((shown) =>
              shown?.kind === 'conflict' && shown.deal.id === deal.id ? { ...shown, now } : shown,
            ),
          )
          .catch(() => {});
      })
      .finally(() => setMovingOf(deal.id, false));
  };

  const requestMove = (deal: Opportunity, to: Stage, via: Via) => {
    const check = checkMove(deal.family, deal.stage, to);
    if ('same' in check || moving.has(deal.id)) return;
    if ('refused' in check) {
      show({ kind: 'refused', deal, to, refusal: check });
      return;
    }
    if (to === 'lost') setLosing({ deal, via });
    else send({ deal, to }, via);
  };

  const confirmLoss = (lost: { lostReason: LostReason; note?: string | undefined }) => {
    if (!losing) return;
    setLosing(undefined);
    send({ deal: losing.deal, to: 'lost', ...lost }, losing.via);
  };

  return (
    <>
      <div className="pipeline-live" role="status" aria-live="polite">
        {announced ? (
          <p className="notice notice-success">
            {t('pipeline.moved', {
              title: announced.title,
              customer: announced.customerName,
              where: t(`pipeline.where.${announced.stage}`),
            })}
          </p>
        ) : null}
      </div>
      {notice ? <NoticeAlert key={notice.seq} notice={notice} /> : null}
      <section className="pipeline-board" aria-label={t('pipeline.board')}>
        {boardStages.map((stage) => (
          <PipelineColumn
            key={stage}
            stage={stage}
            filter={filter}
            dragging={dragging}
            moving={moving}
            onMove={(deal, to) => requestMove(deal, to, 'button')}
            onDrop={(deal, to) => requestMove(deal, to, 'drag')}
            onDragStart={setDragging}
            onDragEnd={() => setDragging(undefined)}
          />
        ))}
      </section>
      {losing ? (
        <LostDialog deal={losing.deal} onCancel={() => setLosing(undefined)} onConfirm={confirmLoss} />
      ) : null}
    </>
  );
};

export type PipelineBoardProps = { viewer: PipelineViewer };

export const PipelineBoard = ({ viewer }: PipelineBoardProps) => {
  const { t } = useSalesTranslation();
  const [choice, setChoice] = useState<ScopeChoice>(() => initialChoice(viewer));
  const [closeMonth, setCloseMonth] = useState('');
  const scope = scopeOf(viewer, choice);
  const month = isMonth(closeMonth) ? closeMonth : undefined;
  const boardId = scope ? `${JSON.stringify(scope)}|${month ?? ''}` : '';
  return (
    <>
      <PipelineFilters
        viewer={viewer}
        choice={choice}
        onChoice={setChoice}
        closeMonth={closeMonth}
        onCloseMonth={setCloseMonth}
      />
      {scope ? (
        <BoardColumns key={boardId} filter={{ scope, closeMonth: month }} />
      ) : (
        <EmptyState title={t('pipeline.chooseBranch')} />
      )}
    </>
  );
};

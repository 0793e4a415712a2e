/**
 * The board's use of the pipeline's rules (`#schemas/sales/pipeline.ts`, which the API applies
 * too): the columns, and whether a drop may be sent — a move refused in words without calling the
 * API, a moved card shown at once with its new probability.
 */
import {
  allowedMoves,
  type LostReason,
  lostReasons,
  openStages,
  type ProductFamily,
  pipelines,
  probabilityPercent,
  type Stage,
} from '#schemas/sales/pipeline.ts';

export { allowedMoves, type LostReason, lostReasons, probabilityPercent, type Stage };

/** The board's columns: the open stages, then the won and the lost deals. */
export const boardStages: readonly Stage[] = [...openStages, 'won', 'lost'];

const isClosed = (stage: Stage) => stage === 'won' || stage === 'lost';

/**
 * Why a move is refused: `closed` (a deal won or lost moves no more), `notInPipeline` (its
 * family has no such stage, e.g. no needs analysis for a card), `notAllowed` (a skipped stage, or
 * a win before the last open stage), with the moves it may make.
 */
export type MoveRefusal =
  | { refused: 'closed' }
  | { refused: 'notInPipeline'; allowed: Stage[] }
  | { refused: 'notAllowed'; allowed: Stage[] };

/** Whether a deal of `family` at `from` may move to `to`: `same` when it is there already. */
export const checkMove = (
  family: ProductFamily,
  from: Stage,
  to: Stage,
): { ok: true } | { same: true } | MoveRefusal => {
  if (from === to) return { same: true };
  if (isClosed(from)) return { refused: 'closed' };
  const allowed = allowedMoves(family, from);
  if (allowed.includes(to)) return { ok: true };
  const inPipeline = isClosed(to) || pipelines[family].some((line) => line.stage === to);
  return { refused: inPipeline ? 'notAllowed' : 'notInPipeline', allowed };
};

/**
 * Moving a deal through its pipeline (`#schemas/sales/pipeline.ts`: stages, probabilities,
 * allowed moves), pure: the stage change a move makes, or why it is refused, and whether a deal has
 * sat at its stage too long.
 */
import {
  allowedMoves,
  type LostReason,
  type ProductFamily,
  pipelines,
  type Stage,
} from '#schemas/sales/pipeline.ts';

export type StageChange = {
  from: Stage;
  to: Stage;
  /** Who moved it (staff id) and when (ISO date-time). */
  by: string;
  at: string;
  lostReason?: LostReason;
  note?: string;
};

export type MoveRefusal =
  | { refused: 'notAllowed'; allowed: Stage[] }
  | { refused: 'lostReasonRequired' }
  | { refused: 'noteRequired' };

/**
 * The stage change of moving a deal from `from` to `to`, or why it is refused: a move the
 * pipeline does not allow (with the moves it does), a loss without its reason, or a loss for
 * « other » reasons without a note saying which.
 */
export const moveStage = (
  family: ProductFamily,
  from: Stage,
  move: { to: Stage; by: string; at: string; lostReason?: LostReason | undefined; note?: string | undefined },
): StageChange | MoveRefusal => {
  const allowed = allowedMoves(family, from);
  if (!allowed.includes(move.to)) return { refused: 'notAllowed', allowed };
  if (move.to === 'lost' && !move.lostReason) return { refused: 'lostReasonRequired' };
  if (move.to === 'lost' && move.lostReason === 'other' && !move.note?.trim())
    return { refused: 'noteRequired' };
  return {
    from,
    to: move.to,
    by: move.by,
    at: move.at,
    ...(move.to === 'lost' && move.lostReason ? { lostReason: move.lostReason } : {}),
    ...(move.note?.trim() ? { note: move.note.trim() } : {}),
  };
};

/** Whether a deal has sat at its open stage longer than the pipeline allows, on `now`. */
export const isStalled = (family: ProductFamily, stage: Stage, enteredAt: string, now: string): boolean => {
  const line = pipelines[family].find((candidate) => candidate.stage === stage);
  if (!line) return false;
  return Date.parse(now) - Date.parse(enteredAt) > line.stalledAfterDays * 86_400_000;
};

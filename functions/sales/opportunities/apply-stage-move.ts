/**
 * Moving a deal's stage, pure: the version the caller read must be the stored one (else a 409
 * with the current version: someone moved it first), the pipeline must allow the move (else a 400
 * naming the moves it allows), a loss needs its reason; then the deal's next state — stage, when
 * it entered it, probability, closing day once won or lost, the move in its history.
 */
import type { Caller } from '#schemas/roles.ts';
import type { MoveOpportunityStageRequest, Opportunity } from '#schemas/sales/opportunity.ts';
import { probabilityPercent } from '#schemas/sales/pipeline.ts';
import { Conflict, ValidationFailed } from '#shared/errors.ts';
import { moveStage } from './stage-machine.ts';

export const applyStageMove = (
  current: Opportunity,
  request: MoveOpportunityStageRequest,
  caller: Caller,
  expectedVersion: number,
  now: string,
): Opportunity => {
  if (current.version !== expectedVersion) {
    throw new Conflict(
      `This opportunity changed since you read it (you read version ${expectedVersion}, it is now ${current.version}): someone moved it first. Reload it and move it again if you still need to.`,
      current.version,
    );
  }
  if (request.to === 'won' && current.family === 'loan' && current.acceptedQuote === undefined) {
    throw new ValidationFailed([
      {
        field: 'to',
        message: 'a loan is signed on an offer: the customer must accept one of its quotes first',
      },
    ]);
  }
  const change = moveStage(current.family, current.stage, {
    to: request.to,
    by: caller.id,
    at: now,
    lostReason: request.lostReason,
    note: request.note,
  });
  if ('refused' in change) {
    const errors = {
      notAllowed: {
        field: 'to',
        message:
          'allowed' in change && change.allowed.length > 0
            ? `a deal at ${current.stage} may move to ${change.allowed.join(', ')}`
            : `a deal ${current.stage} is closed: open a new opportunity`,
      },
      lostReasonRequired: { field: 'lostReason', message: 'say why the deal was lost' },
      noteRequired: { field: 'note', message: 'say in a note why the deal was lost' },
    };
    throw new ValidationFailed([errors[change.refused]]);
  }
  // Only an open deal moves: it has no lost reason nor closing day to carry over.
  const closed = change.to === 'won' || change.to === 'lost';
  return {
    ...current,
    stage: change.to,
    stageEnteredAt: now,
    probabilityPercent: probabilityPercent(current.family, change.to),
    ...(change.lostReason ? { lostReason: change.lostReason } : {}),
    ...(closed ? { closedOn: now.slice(0, 10) } : {}),
    history: [...current.history, change],
    updatedAt: now,
    updatedBy: caller.id,
    version: current.version + 1,
  };
};

/** Moving a deal: the version check, the refusals in words, and the deal's next state, by hand. */
import { describe, expect, it } from 'vitest';
import { applyStageMove } from '#functions/sales/opportunities/apply-stage-move.ts';
import { Conflict, type ValidationFailed } from '#shared/errors.ts';
import { aDeal, advisor, now } from './fixtures.ts';

const caller = advisor;
const deal = aDeal({ stage: 'negotiation', probabilityPercent: 75, version: 4 });

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('moving a deal', () => {
  it('is a conflict carrying the stored version when someone moved it first', () => {
    const error = refusal(() => applyStageMove(deal, { to: 'won' }, caller, 3, now));
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).currentVersion).toBe(4);
  });

  it('names the moves the pipeline allows when it refuses one, and asks why a deal is lost', () => {
    const skipped = refusal(() =>
      applyStageMove({ ...deal, stage: 'qualification' }, { to: 'proposal' }, caller, 4, now),
    ) as ValidationFailed;
    expect(skipped.errors).toEqual([
      { field: 'to', message: 'a deal at qualification may move to needs_analysis, lost' },
    ]);
    const closed = refusal(() =>
      applyStageMove({ ...deal, stage: 'won' }, { to: 'lost' }, caller, 4, now),
    ) as ValidationFailed;
    expect(closed.errors).toEqual([{ field: 'to', message: 'a deal won is closed: open a new opportunity' }]);
    const noReason = refusal(() => applyStageMove(deal, { to: 'lost' }, caller, 4, now)) as ValidationFailed;
    expect(noReason.errors?.[0]?.field).toBe('lostReason');
  });

  it('wins a loan only on a quote the customer accepted', () => {
    const unsigned = refusal(() => applyStageMove(deal, { to: 'won' }, caller, 4, now)) as ValidationFailed;
    expect(unsigned.errors).toEqual([
      {
        field: 'to',
        message: 'a loan is signed on an offer: the customer must accept one of its quotes first',
      },
    ]);
    const savings = aDeal({ stage: 'proposal', family: 'savings', productCode: 'livret-a', version: 4 });
    expect(applyStageMove(savings, { to: 'won' }, caller, 4, now).stage).toBe('won');
  });

  it('closes a won deal today at 100 %, its move in the history, one version up', () => {
    const signed = { ...deal, acceptedQuote: 1 };
    expect(applyStageMove(signed, { to: 'won' }, caller, 4, now)).toEqual({
      ...signed,
      stage: 'won',
      stageEnteredAt: now,
      probabilityPercent: 100,
      closedOn: '2026-12-04',
      history: [...deal.history, { from: 'negotiation', to: 'won', by: 'st-camille', at: now }],
      updatedAt: now,
      updatedBy: 'st-camille',
      version: 5,
    });
  });

  it('keeps the reason of a loss, and nothing of a loss when moving back', () => {
    const lost = applyStageMove(
      deal,
      { to: 'lost', lostReason: 'competitor', note: 'Offre concurrente' },
      caller,
      4,
      now,
    );
    expect(lost).toMatchObject({
      stage: 'lost',
      probabilityPercent: 0,
      lostReason: 'competitor',
      closedOn: '2026-12-04',
    });
    const back = applyStageMove(deal, { to: 'proposal', lostReason: 'price' }, caller, 4, now);
    expect(back).toMatchObject({ stage: 'proposal', probabilityPercent: 50 });
    expect(back.lostReason).toBeUndefined();
    expect(back.closedOn).toBeUndefined();
  });
});

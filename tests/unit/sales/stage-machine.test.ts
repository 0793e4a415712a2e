/**
 * The opportunity pipeline's rules, with the moves written out by hand for each family's
 * pipeline (credit: qualification → needs analysis → proposal → negotiation; a card:
 * qualification → proposal).
 */
import { describe, expect, it } from 'vitest';
import { isStalled, moveStage } from '#functions/sales/opportunities/stage-machine.ts';
import { allowedMoves, firstStage, probabilityPercent } from '#schemas/sales/pipeline.ts';

const by = 'advisor-1';
const at = '2026-12-04T10:00:00.000Z';

describe('the stages a deal may move to', () => {
  it('are one stage forward, any stage back, or lost; won only from the last open stage', () => {
    expect(allowedMoves('loan', 'qualification')).toEqual(['needs_analysis', 'lost']);
    expect(allowedMoves('loan', 'proposal')).toEqual([
      'qualification',
      'needs_analysis',
      'negotiation',
      'lost',
    ]);
    expect(allowedMoves('loan', 'negotiation')).toEqual([
      'qualification',
      'needs_analysis',
      'proposal',
      'won',
      'lost',
    ]);
    expect(allowedMoves('card', 'qualification')).toEqual(['proposal', 'lost']);
    expect(allowedMoves('card', 'proposal')).toEqual(['qualification', 'won', 'lost']);
  });

  it('are none once won or lost, and none from a stage the family does not have', () => {
    expect(allowedMoves('loan', 'won')).toEqual([]);
    expect(allowedMoves('loan', 'lost')).toEqual([]);
    expect(allowedMoves('card', 'negotiation')).toEqual([]);
  });

  it('start at qualification', () => {
    expect(firstStage('savings')).toBe('qualification');
  });
});

describe('moving a deal', () => {
  it('records who moved it, when, from where and to where', () => {
    expect(moveStage('loan', 'qualification', { to: 'needs_analysis', by, at })).toEqual({
      from: 'qualification',
      to: 'needs_analysis',
      by,
      at,
    });
  });

  it('refuses a skipped stage, naming the moves allowed', () => {
    expect(moveStage('loan', 'qualification', { to: 'proposal', by, at })).toEqual({
      refused: 'notAllowed',
      allowed: ['needs_analysis', 'lost'],
    });
    expect(moveStage('loan', 'proposal', { to: 'won', by, at })).toMatchObject({ refused: 'notAllowed' });
    expect(moveStage('loan', 'won', { to: 'lost', by, at, lostReason: 'price' })).toEqual({
      refused: 'notAllowed',
      allowed: [],
    });
  });

  it('needs a reason to lose a deal, and a note when the reason is « other »', () => {
    expect(moveStage('loan', 'proposal', { to: 'lost', by, at })).toEqual({ refused: 'lostReasonRequired' });
    expect(moveStage('loan', 'proposal', { to: 'lost', by, at, lostReason: 'other', note: '  ' })).toEqual({
      refused: 'noteRequired',
    });
    expect(
      moveStage('loan', 'proposal', { to: 'lost', by, at, lostReason: 'competitor', note: ' Offre BNP ' }),
    ).toEqual({
      from: 'proposal',
      to: 'lost',
      by,
      at,
      lostReason: 'competitor',
      note: 'Offre BNP',
    });
  });

  it('keeps no lost reason on a move that is not a loss', () => {
    expect(moveStage('loan', 'negotiation', { to: 'won', by, at, lostReason: 'price' })).toEqual({
      from: 'negotiation',
      to: 'won',
      by,
      at,
    });
  });
});

describe("a deal's weight and pace", () => {
  it("weighs a deal by its stage's probability: 50 % at a credit proposal, 100 % won, 0 % lost", () => {
    expect(probabilityPercent('loan', 'proposal')).toBe(50);
    expect(probabilityPercent('savings', 'proposal')).toBe(70);
    expect(probabilityPercent('loan', 'won')).toBe(100);
    expect(probabilityPercent('loan', 'lost')).toBe(0);
  });

  it('is stalled once it has sat at its stage longer than the threshold (21 days at a credit proposal)', () => {
    const entered = '2026-11-01T10:00:00.000Z';
    expect(isStalled('loan', 'proposal', entered, '2026-11-22T10:00:00.000Z')).toBe(false);
    expect(isStalled('loan', 'proposal', entered, '2026-11-22T10:00:01.000Z')).toBe(true);
    expect(isStalled('loan', 'won', entered, '2027-11-22T10:00:00.000Z')).toBe(false);
  });
});

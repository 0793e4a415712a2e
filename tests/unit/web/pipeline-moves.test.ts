/**
 * The moves the pipeline board offers and refuses without calling the API, as the pipeline's
 * rules have them (written out by hand here): one stage forward, back to any earlier open stage,
 * lost from any open stage, won from the family's last open stage only, nothing once closed; a
 * stage its family does not go through, a skipped stage and an early win refused, each with the
 * reason; the probability a moved card shows at once, and its place in the column it moves to
 * (by closing day, as the API lists them) and back on failure; and the lost reasons offered.
 */
import { describe, expect, it } from 'vitest';
import type { Opportunity } from '#schemas/sales/opportunity.ts';
import {
  type ColumnData,
  cardsOf,
  columnTotals,
  movedCard,
  withCard,
  withoutCard,
} from '#web/src/features/sales/utils/pipeline-columns.ts';
import {
  allowedMoves,
  boardStages,
  checkMove,
  lostReasons,
  probabilityPercent,
} from '#web/src/features/sales/utils/pipeline-moves.ts';

describe('the moves a card offers', () => {
  it('takes a loan through every stage, one forward, any back, lost from each, won after negotiation', () => {
    // Act
    const moves = {
      qualification: allowedMoves('loan', 'qualification'),
      needs_analysis: allowedMoves('loan', 'needs_analysis'),
      proposal: allowedMoves('loan', 'proposal'),
      negotiation: allowedMoves('loan', 'negotiation'),
    };

    // Assess
    expect(moves).toEqual({
      qualification: ['needs_analysis', 'lost'],
      needs_analysis: ['qualification', 'proposal', 'lost'],
      proposal: ['qualification', 'needs_analysis', 'negotiation', 'lost'],
      negotiation: ['qualification', 'needs_analysis', 'proposal', 'won', 'lost'],
    });
  });

  it('wins savings and insurance from the proposal, which they do not negotiate', () => {
    // Act
    const savings = allowedMoves('savings', 'proposal');
    const insurance = allowedMoves('insurance', 'proposal');
    const fromNeeds = allowedMoves('insurance', 'needs_analysis');

    // Assess
    expect(savings).toEqual(['qualification', 'needs_analysis', 'won', 'lost']);
    expect(insurance).toEqual(['qualification', 'needs_analysis', 'won', 'lost']);
    expect(fromNeeds).toEqual(['qualification', 'proposal', 'lost']);
  });

  it('proposes an account or a card straight after qualification, with no needs analysis', () => {
    // Act
    const account = [allowedMoves('account', 'qualification'), allowedMoves('account', 'proposal')];
    const card = [allowedMoves('card', 'qualification'), allowedMoves('card', 'proposal')];

    // Assess
    expect(account).toEqual([
      ['proposal', 'lost'],
      ['qualification', 'won', 'lost'],
    ]);
    expect(card).toEqual(account);
  });

  it('offers nothing once a deal is won or lost, nor at a stage its family does not have', () => {
    // Act
    const closed = [allowedMoves('loan', 'won'), allowedMoves('savings', 'lost')];
    const missing = allowedMoves('card', 'needs_analysis');

    // Assess
    expect(closed).toEqual([[], []]);
    expect(missing).toEqual([]);
  });
});

describe('a drop on a column', () => {
  it('takes an allowed move and ignores a drop on the column the card is in', () => {
    // Act
    const forward = checkMove('loan', 'qualification', 'needs_analysis');
    const back = checkMove('loan', 'negotiation', 'qualification');
    const lost = checkMove('card', 'qualification', 'lost');
    const won = checkMove('savings', 'proposal', 'won');
    const same = checkMove('loan', 'proposal', 'proposal');

    // Assess
    expect([forward, back, lost, won]).toEqual([{ ok: true }, { ok: true }, { ok: true }, { ok: true }]);
    expect(same).toEqual({ same: true });
  });

  it('refuses a skipped stage and an early win, saying where the card may go', () => {
    // Act
    const skipped = checkMove('loan', 'qualification', 'negotiation');
    const earlyWin = checkMove('loan', 'proposal', 'won');

    // Assess
    expect(skipped).toEqual({ refused: 'notAllowed', allowed: ['needs_analysis', 'lost'] });
    expect(earlyWin).toEqual({
      refused: 'notAllowed',
      allowed: ['qualification', 'needs_analysis', 'negotiation', 'lost'],
    });
  });

  it("refuses a stage the card's family does not go through, and any move of a closed deal", () => {
    // Act
    const noNeeds = checkMove('card', 'qualification', 'needs_analysis');
    const noNegotiation = checkMove('savings', 'proposal', 'negotiation');
    const reopened = checkMove('loan', 'lost', 'qualification');
    const wonThenLost = checkMove('account', 'won', 'lost');

    // Assess
    expect(noNeeds).toEqual({ refused: 'notInPipeline', allowed: ['proposal', 'lost'] });
    expect(noNegotiation).toEqual({
      refused: 'notInPipeline',
      allowed: ['qualification', 'needs_analysis', 'won', 'lost'],
    });
    expect(reopened).toEqual({ refused: 'closed' });
    expect(wonThenLost).toEqual({ refused: 'closed' });
  });
});

describe('what the board shows', () => {
  it("gives a moved card its stage's probability at once: 100 % won, 0 % lost", () => {
    // Act
    const loan = boardStages.map((stage) => probabilityPercent('loan', stage));
    const card = probabilityPercent('card', 'proposal');
    const insurance = probabilityPercent('insurance', 'proposal');

    // Assess
    expect(loan).toEqual([10, 25, 50, 75, 100, 0]);
    expect(card).toBe(70);
    expect(insurance).toBe(60);
  });

  it('has the open stages in order, then the won and the lost, and the six lost reasons', () => {
    // Assess
    expect(boardStages).toEqual([
      'qualification',
      'needs_analysis',
      'proposal',
      'negotiation',
      'won',
      'lost',
    ]);
    expect(lostReasons).toEqual([
      'price',
      'competitor',
      'customer_declined',
      'not_eligible',
      'no_response',
      'other',
    ]);
  });
});

describe('a card moved on the board', () => {
  const deal = (id: string, expectedCloseOn: string, amountCents = 1_000_000): Opportunity => ({
    id,
    customerId: 'cu-1',
    customerName: 'MARTIN Paul',
    branchId: 'br-paris-opera',
    ownerId: 'st-camille',
    productCode: 'pret-auto',
    family: 'loan',
    title: 'Crédit auto',
    amountCents,
    expectedCloseOn,
    source: 'branch',
    stage: 'qualification',
    stageEnteredAt: '2026-11-02T09:00:00.000Z',
    probabilityPercent: 10,
    history: [],
    version: 1,
    createdAt: '2026-11-02T09:00:00.000Z',
    createdBy: 'st-camille',
    updatedAt: '2026-11-02T09:00:00.000Z',
    updatedBy: 'st-camille',
  });
  const column = (...pages: Opportunity[][]): ColumnData => ({
    pages: pages.map((items, index) =>
      index < pages.length - 1 ? { items, nextCursor: `c${index}` } : { items },
    ),
    pageParams: pages.map((_, index) => (index === 0 ? undefined : `c${index - 1}`)),
  });

  it('shows at once with its new stage and probability, and a closing day once lost', () => {
    // Act
    const forward = movedCard(
      deal('op-1', '2027-01-29'),
      { to: 'needs_analysis' },
      new Date('2026-12-04T10:00:00Z'),
    );
    const lost = movedCard(
      deal('op-1', '2027-01-29'),
      { to: 'lost', lostReason: 'price' },
      new Date('2026-12-04T10:00:00Z'),
    );

    // Assess
    expect(forward).toMatchObject({
      stage: 'needs_analysis',
      probabilityPercent: 25,
      stageEnteredAt: '2026-12-04T10:00:00.000Z',
    });
    expect(forward.closedOn).toBeUndefined();
    expect(lost).toMatchObject({
      stage: 'lost',
      probabilityPercent: 0,
      lostReason: 'price',
      closedOn: '2026-12-04',
    });
  });

  it('takes its place by closing day in the column it moves to, and leaves the other', () => {
    // Prepare
    const target = column(
      [deal('op-a', '2027-01-10'), deal('op-c', '2027-03-10')],
      [deal('op-d', '2027-05-10')],
    );
    const moved = deal('op-b', '2027-02-10');

    // Act
    const added = cardsOf(withCard(target, moved)).map((card) => card.id);
    const last = cardsOf(withCard(target, deal('op-z', '2027-09-10'))).map((card) => card.id);
    const removed = cardsOf(withoutCard(withCard(target, moved), 'op-b')).map((card) => card.id);

    // Assess
    expect(added).toEqual(['op-a', 'op-b', 'op-c', 'op-d']);
    expect(last).toEqual(['op-a', 'op-c', 'op-d', 'op-z']);
    expect(removed).toEqual(['op-a', 'op-c', 'op-d']);
  });

  it('shows a card once when a later page brings it again, and totals what the column shows', () => {
    // Prepare
    const twice = column(
      [deal('op-a', '2027-01-10', 1_500_000), deal('op-b', '2027-02-10', 250_050)],
      [deal('op-b', '2027-02-10', 250_050)],
    );

    // Act
    const cards = cardsOf(twice);

    // Assess
    expect(cards.map((card) => card.id)).toEqual(['op-a', 'op-b']);
    expect(columnTotals(cards)).toEqual({ count: 2, amountCents: 1_750_050 });
  });
});

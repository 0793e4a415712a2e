/**
 * A pipeline column as the board keeps it, pure: the pages the API answered ("see more" adds
 * one), the cards they hold, none twice, what a move does to them (the card leaves one column and
 * takes its place in the other by closing day, as the API orders them, then the stored deal
 * replaces it), and the column's count and total amount.
 */
import type { InfiniteData } from '@tanstack/react-query';
import type { Opportunity } from '#schemas/sales/opportunity.ts';
import { type LostReason, probabilityPercent, type Stage } from './pipeline-moves.ts';

export type ColumnPage = { items: Opportunity[]; nextCursor?: string };
export type ColumnData = InfiniteData<ColumnPage>;

/** The API's order in a column: by closing day (the expected one, the real one once closed), then id. */
const sortKey = (deal: Opportunity) => `${deal.closedOn ?? deal.expectedCloseOn}#${deal.id}`;

/** The month a deal belongs to in the month filter: its closing day's (`2027-01`). */
export const closingMonthOf = (deal: Opportunity): string =>
  (deal.closedOn ?? deal.expectedCloseOn).slice(0, 7);

/** The column's cards, page after page, each once (a card moved in shows again in a later page). */
export const cardsOf = (data: ColumnData | undefined): Opportunity[] => {
  const seen = new Set<string>();
  const cards: Opportunity[] = [];
  for (const page of data?.pages ?? []) {
    for (const deal of page.items) {
      if (seen.has(deal.id)) continue;
      seen.add(deal.id);
      cards.push(deal);
    }
  }
  return cards;
};

/** The column without the card `id`. */
export const withoutCard = (data: ColumnData | undefined, id: string): ColumnData | undefined =>
  data && {
    ...data,
    pages: data.pages.map((page) => ({ ...page, items: page.items.filter((deal) => deal.id !== id) })),
  };

/**
 * The column with `deal` at its place by closing day among the cards read, or after the last of
 * them (a later page may bring it again: `cardsOf` shows it once).
 */
export const withCard = (data: ColumnData | undefined, deal: Opportunity): ColumnData | undefined => {
  if (!data) return data;
  const cleared = withoutCard(data, deal.id) ?? data;
  const key = sortKey(deal);
  let placed = false;
  const pages = cleared.pages.map((page, index) => {
    if (placed) return page;
    const at = page.items.findIndex((item) => sortKey(item) > key);
    const last = index === cleared.pages.length - 1;
    if (at < 0 && !last) return page;
    placed = true;
    const items = [...page.items];
    items.splice(at < 0 ? items.length : at, 0, deal);
    return { ...page, items };
  });
  return placed ? { ...cleared, pages } : { ...cleared, pages: [{ items: [deal] }] };
};

/** The column with the stored `deal` in place of the card of the same id (if it is still there). */
export const replaceCard = (data: ColumnData | undefined, deal: Opportunity): ColumnData | undefined =>
  data && {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.map((item) => (item.id === deal.id ? deal : item)),
    })),
  };

/** The deal as it will be once moved to `to` (shown at once, until the API answers). */
export const movedCard = (
  deal: Opportunity,
  move: { to: Stage; lostReason?: LostReason | undefined },
  now = new Date(),
): Opportunity => {
  const closed = move.to === 'won' || move.to === 'lost';
  return {
    ...deal,
    stage: move.to,
    stageEnteredAt: now.toISOString(),
    probabilityPercent: probabilityPercent(deal.family, move.to),
    ...(move.to === 'lost' && move.lostReason ? { lostReason: move.lostReason } : {}),
    ...(closed ? { closedOn: now.toISOString().slice(0, 10) } : {}),
  };
};

/** How many cards a column shows, and their amount in cents. */
export const columnTotals = (cards: readonly Opportunity[]) => ({
  count: cards.length,
  amountCents: cards.reduce((sum, deal) => sum + deal.amountCents, 0),
});

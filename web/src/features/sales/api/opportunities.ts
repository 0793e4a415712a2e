/**
 * The pipeline's deals: one column per call (`GET /v1/opportunities?stage=…`, an advisor's by
 * `ownerId` or a branch's by `branchId`, optionally one month of closing), page after page on
 * "see more"; one deal (`GET /v1/customers/{customerId}/opportunities/{id}`), read after a
 * conflict to say where it is now; and a move of its stage (`POST …/stage` with the version
 * read). Every list is audited, so columns are not read again on their own. A move shows at once
 * (the card leaves its column for the other), the stored deal replaces it when the API answers,
 * and it goes back where it was if the API refuses; a 409 (someone moved it first) reads the
 * board again. Opening a deal on a customer's file (`POST /v1/customers/{customerId}/opportunities`,
 * with the form's Idempotency-Key, so a double click or a retry opens one deal) reads the boards
 * again, and whatever the page that shows the deals asks.
 */
import { type QueryClient, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateOpportunityRequest, Opportunity } from '#schemas/sales/opportunity.ts';
import {
  type ColumnData,
  type ColumnPage,
  closingMonthOf,
  movedCard,
  replaceCard,
  withCard,
  withoutCard,
} from '#web/src/features/sales/utils/pipeline-columns.ts';
import type { LostReason, Stage } from '#web/src/features/sales/utils/pipeline-moves.ts';
import type { PipelineScope } from '#web/src/features/sales/utils/pipeline-scope.ts';
import { ApiError, apiRequest } from '#web/src/lib/api-client.ts';

/** What the board shows: a pipeline, optionally the deals closing one month (`2027-01`). */
export type BoardFilter = { scope: PipelineScope; closeMonth?: string | undefined };

/** Cards per page of a column. */
export const columnPageSize = 25;

const scopeKey = (scope: PipelineScope) =>
  'ownerId' in scope ? `owner:${scope.ownerId}` : `branch:${scope.branchId}`;
/** Every board's columns (the prefix to read them all again). */
const boardsKey = ['sales', 'pipeline'] as const;
/** Every column of a board (the prefix to read them all again). */
const boardKey = (filter: BoardFilter) =>
  [...boardsKey, scopeKey(filter.scope), filter.closeMonth ?? ''] as const;
const columnKey = (filter: BoardFilter, stage: Stage) => [...boardKey(filter), stage] as const;

const opportunityPath = (deal: Pick<Opportunity, 'customerId' | 'id'>) =>
  `/v1/customers/${encodeURIComponent(deal.customerId)}/opportunities/${encodeURIComponent(deal.id)}`;

/** One page of a column, from `cursor` on. */
export const listOpportunities = (
  filter: BoardFilter,
  stage: Stage,
  cursor: string | undefined,
  signal?: AbortSignal,
) =>
  apiRequest<ColumnPage>('/v1/opportunities', {
    query: { stage, ...filter.scope, closeMonth: filter.closeMonth, cursor, limit: columnPageSize },
    headers: { 'x-access-reason': 'consultation' },
    signal,
  });

/** A column of the board, kept a minute; "see more" reads its next page. */
export const useOpportunityColumn = (filter: BoardFilter, stage: Stage) =>
  useInfiniteQuery({
    queryKey: columnKey(filter, stage),
    queryFn: ({ pageParam, signal }) => listOpportunities(filter, stage, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 60_000,
  });

/** One deal as stored now. */
export const getOpportunity = (deal: Pick<Opportunity, 'customerId' | 'id'>, signal?: AbortSignal) =>
  apiRequest<Opportunity>(opportunityPath(deal), {
    headers: { 'x-access-reason': 'consultation' },
    signal,
  });

export type StageMove = {
  /** The deal as the board shows it (its stage and version are the ones read). */
  deal: Opportunity;
  to: Stage;
  lostReason?: LostReason | undefined;
  note?: string | undefined;
};

export const moveOpportunityStage = ({ deal, to, lostReason, note }: StageMove) =>
  apiRequest<Opportunity>(`${opportunityPath(deal)}/stage`, {
    method: 'POST',
    body: {
      to,
      ...(lostReason ? { lostReason } : {}),
      ...(note?.trim() ? { note: note.trim() } : {}),
      version: deal.version,
    },
  });

const updateColumn = (
  queryClient: QueryClient,
  filter: BoardFilter,
  stage: Stage,
  update: (data: ColumnData | undefined) => ColumnData | undefined,
) => queryClient.setQueryData<ColumnData>(columnKey(filter, stage), update);

/** Whether the board's month filter keeps `deal` (it leaves the board when it closes another month). */
const kept = (filter: BoardFilter, deal: Opportunity) =>
  !filter.closeMonth || closingMonthOf(deal) === filter.closeMonth;

/** Moves a deal of the board `filter` shows: at once on the board, then as the API stored it. */
export const useMoveOpportunityStage = (filter: BoardFilter) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moveOpportunityStage,
    onMutate: async (move: StageMove) => {
      // A column read in flight would put the card back where it was: it is read again later.
      await queryClient.cancelQueries({ queryKey: boardKey(filter) });
      const moved = movedCard(move.deal, move);
      updateColumn(queryClient, filter, move.deal.stage, (data) => withoutCard(data, move.deal.id));
      if (kept(filter, moved)) updateColumn(queryClient, filter, move.to, (data) => withCard(data, moved));
    },
    onSuccess: (stored, move) => {
      updateColumn(queryClient, filter, move.to, (data) =>
        kept(filter, stored) ? replaceCard(data, stored) : withoutCard(data, stored.id),
      );
    },
    onError: (error, move) => {
      // Back where it was, as it was read.
      updateColumn(queryClient, filter, move.to, (data) => withoutCard(data, move.deal.id));
      updateColumn(queryClient, filter, move.deal.stage, (data) => withCard(data, move.deal));
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: boardKey(filter) });
      }
    },
  });
};

export type OpenDeal = {
  customerId: string;
  body: CreateOpportunityRequest;
  /** One per form: a retry of the same request opens one deal. */
  idempotencyKey: string;
};

export const openOpportunity = ({ customerId, body, idempotencyKey }: OpenDeal) =>
  apiRequest<Opportunity>(`/v1/customers/${encodeURIComponent(customerId)}/opportunities`, {
    method: 'POST',
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });

/**
 * Opens a deal; then every board is read again when next shown, and `onOpened` (the page's: e.g.
 * reading the customer's file again, to list the new deal) is awaited before the form is told.
 */
export const useOpenOpportunity = (onOpened?: (deal: Opportunity) => Promise<unknown> | undefined) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openOpportunity,
    onSuccess: async (deal) => {
      void queryClient.invalidateQueries({ queryKey: boardsKey });
      await onOpened?.(deal);
    },
  });
};

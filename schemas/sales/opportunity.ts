/**
 * An opportunity (affaire): a product the bank may sell a customer, its amount, the advisor who
 * owns it, the day they expect to sign, where it came from, and its stage in the pipeline of the
 * product's family (`functions/sales/opportunities/stage-machine.ts`) with every move kept.
 * Amounts are integer cents.
 */

import { BaseRecord, Id, IsoDate, IsoDateTime, PageQuery } from '../common.ts';
import { ProductFamily } from '../customers/holding.ts';
import * as z from '../zod.ts';
import { LostReason, Stage } from './pipeline.ts';
import { ProductCode } from './product.ts';

export const OpportunitySource = z.enum(['branch', 'phone', 'web', 'campaign']);

/** One move of the stage: who, when, from, to (and why, for a loss). */
export const StageChange = z.object({
  from: z.optional(Stage).check(z.describe('Absent on the first entry: the stage the deal was opened at.')),
  to: Stage,
  by: z.string(),
  at: IsoDateTime,
  lostReason: z.optional(LostReason),
  note: z.optional(z.string()),
});

const Cents = z.number().check(z.int(), z.positive(), z.maximum(100_000_000_000));
const Title = z.string().check(z.trim(), z.minLength(1), z.maxLength(120));

export const Opportunity = z
  .extend(BaseRecord, {
    customerId: Id,
    customerName: z.string().check(z.describe('`LAST First`, as at the opening: for the pipeline’s cards.')),
    branchId: Id,
    ownerId: Id.check(z.describe('The advisor who owns the deal, of the customer’s branch.')),
    productCode: ProductCode,
    family: ProductFamily,
    title: Title,
    amountCents: Cents,
    expectedCloseOn: IsoDate,
    source: OpportunitySource,
    campaignId: z.optional(Id),
    stage: Stage,
    stageEnteredAt: IsoDateTime,
    probabilityPercent: z.number().check(z.int(), z.minimum(0), z.maximum(100)),
    lostReason: z.optional(LostReason),
    closedOn: z.optional(IsoDate),
    history: z.array(StageChange),
    quoteCount: z.optional(
      z
        .number()
        .check(z.int(), z.nonnegative(), z.describe('How many quotes the deal has had; absent: none.')),
    ),
    acceptedQuote: z.optional(
      z.number().check(z.int(), z.positive(), z.describe('The number of the quote the customer accepted.')),
    ),
    holdingId: z.optional(Id.check(z.describe('The holding the won deal opened on the customer.'))),
  })
  .register(z.globalRegistry, { id: 'Opportunity' });
export type Opportunity = z.infer<typeof Opportunity>;

/** What the customer file shows of an open deal. */
export const OpportunitySummary = z
  .pick(Opportunity, {
    id: true,
    title: true,
    productCode: true,
    family: true,
    amountCents: true,
    expectedCloseOn: true,
    stage: true,
    probabilityPercent: true,
    ownerId: true,
    version: true,
  })
  .register(z.globalRegistry, { id: 'OpportunitySummary' });
export type OpportunitySummary = z.infer<typeof OpportunitySummary>;

export const CreateOpportunityRequest = z
  .strictObject({
    productCode: ProductCode,
    title: z.optional(Title).check(z.describe('Defaults to the product’s name.')),
    amountCents: Cents,
    expectedCloseOn: IsoDate,
    source: OpportunitySource,
    campaignId: z.optional(Id).check(z.describe('Required when the source is a campaign.')),
    ownerId: z
      .optional(Id)
      .check(z.describe('Defaults to the calling advisor, else the customer’s advisor.')),
  })
  .check(
    z.refine((request) => (request.source === 'campaign') === (request.campaignId !== undefined), {
      message: 'a campaign id goes with the campaign source, and only with it',
      path: ['campaignId'],
    }),
  )
  .register(z.globalRegistry, { id: 'CreateOpportunityRequest' });
export type CreateOpportunityRequest = z.infer<typeof CreateOpportunityRequest>;

export const CustomerOpportunityParams = z.object({ customerId: Id, opportunityId: Id });

/**
 * A change of an open deal's details, from the version the caller read (or send `If-Match`); a
 * field left out stays. A new owner is the branch manager's or an administrator's to give, to an
 * advisor of the customer's branch.
 */
export const UpdateOpportunityRequest = z
  .strictObject({
    title: z.optional(Title),
    amountCents: z.optional(Cents),
    expectedCloseOn: z.optional(IsoDate),
    ownerId: z.optional(Id),
    version: z.optional(z.number().check(z.int(), z.positive())),
  })
  .check(
    z.refine(
      (request) =>
        [request.title, request.amountCents, request.expectedCloseOn, request.ownerId].some(
          (field) => field !== undefined,
        ),
      { message: 'give at least one of title, amountCents, expectedCloseOn or ownerId', path: ['title'] },
    ),
  )
  .register(z.globalRegistry, { id: 'UpdateOpportunityRequest' });
export type UpdateOpportunityRequest = z.infer<typeof UpdateOpportunityRequest>;

/** A move of the stage, from the version the caller read (or send `If-Match`). */
export const MoveOpportunityStageRequest = z
  .strictObject({
    to: Stage,
    lostReason: z.optional(LostReason).check(z.describe('Required when the deal is lost.')),
    note: z
      .optional(z.string().check(z.trim(), z.maxLength(500)))
      .check(z.describe('Required with the « other » lost reason.')),
    version: z.optional(z.number().check(z.int(), z.positive())),
  })
  .register(z.globalRegistry, { id: 'MoveOpportunityStageRequest' });
export type MoveOpportunityStageRequest = z.infer<typeof MoveOpportunityStageRequest>;

/** A pipeline column: one stage, for an owner or a branch, optionally one month of expected closing. */
export const OpportunityListQuery = z
  .extend(PageQuery, {
    stage: Stage,
    ownerId: z.optional(Id),
    branchId: z.optional(Id),
    closeMonth: z
      .optional(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month, e.g. 2026-12')))
      .check(z.describe('Deals expected to close (or closed, once won or lost) that month.')),
  })
  .check(
    z.refine((query) => (query.ownerId === undefined) !== (query.branchId === undefined), {
      message: 'give exactly one of ownerId or branchId',
      path: ['ownerId'],
    }),
  );

/**
 * A quote (offre de prêt, the deal's proposal): a loan simulation saved on an opportunity, priced
 * by the server for the customer of the file on the day it was issued. Quotes are numbered per
 * deal (1, 2, …) and never change: a new simulation is a new quote, every one kept. The deal says
 * which one the customer accepted (`Opportunity.acceptedQuote`); winning the deal turns that one
 * into a holding. The schedule is not stored: it follows from the terms (`amortisationSchedule`).
 * Amounts are integer cents, rates per cent a year.
 */

import { Id, IsoDate, IsoDateTime } from '../common.ts';
import * as z from '../zod.ts';
import { downPaymentBelowProject, LoanSimulation } from './loan-simulation.ts';

const Cents = z.number().check(z.int(), z.nonnegative());

/** What the advisor enters; the product is the deal's, the profile the customer file's. */
export const IssueQuoteRequest = z
  .strictObject({
    projectCents: Cents.check(z.positive()),
    downPaymentCents: z._default(Cents, 0),
    months: z.number().check(z.int(), z.minimum(1), z.maximum(480)),
    withInsurance: z._default(z.boolean(), true),
  })
  .check(downPaymentBelowProject)
  .register(z.globalRegistry, { id: 'IssueQuoteRequest' });
export type IssueQuoteRequest = z.infer<typeof IssueQuoteRequest>;

/** The offer's terms: the simulation's answer without its schedule nor eligibility. */
export const QuoteTerms = z.omit(LoanSimulation, { schedule: true, ineligibilities: true });
export type QuoteTerms = z.infer<typeof QuoteTerms>;

export const Quote = z
  .object({
    opportunityId: Id,
    customerId: Id,
    number: z.number().check(z.int(), z.positive(), z.describe('1 for the deal’s first quote, then 2, …')),
    customerName: z.string(),
    productName: z.object({ fr: z.string(), en: z.string() }),
    projectCents: Cents,
    downPaymentCents: Cents,
    terms: QuoteTerms,
    issuedAt: IsoDateTime,
    issuedBy: z.string(),
    issuedByName: z.string(),
    branchName: z.string(),
    validUntil: IsoDate.check(z.describe('The offer holds until this day included (issued + 30 days).')),
  })
  .register(z.globalRegistry, { id: 'Quote' });
export type Quote = z.infer<typeof Quote>;

export const OpportunityQuoteParams = z.object({
  customerId: Id,
  opportunityId: Id,
  number: z.coerce.number().check(z.int(), z.positive()),
});

export const PrintQuoteQuery = z.object({
  lang: z._default(z.enum(['fr', 'en']), 'fr').check(z.describe('The language of the document.')),
});

/** The customer accepts a quote, from the deal's version the caller read (or send `If-Match`). */
export const AcceptQuoteRequest = z
  .strictObject({ version: z.optional(z.number().check(z.int(), z.positive())) })
  .register(z.globalRegistry, { id: 'AcceptQuoteRequest' });

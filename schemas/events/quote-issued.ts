import { Id } from '../common.ts';
import * as z from '../zod.ts';
import { type EventDefinition, eventDetail } from './envelope.ts';

const quoted = {
  opportunityId: Id,
  customerId: Id,
  branchId: Id,
  ownerId: Id,
  productCode: z.string(),
  quoteNumber: z.number().check(z.int(), z.positive()),
  principalCents: z.number().check(z.int(), z.positive()),
  months: z.number().check(z.int(), z.positive()),
  taegPercent: z.number(),
  version: z.number().check(z.int(), z.positive()),
};

/** A quote was issued on a deal (the loan's terms priced for the customer); who did is the actor. */
export const QuoteIssuedV1 = eventDetail(1, quoted).register(z.globalRegistry, { id: 'QuoteIssuedV1' });

export const QuoteIssued = {
  source: 'relais.sales',
  detailType: 'QuoteIssued',
  detail: QuoteIssuedV1,
} satisfies EventDefinition;

/** The customer accepted one of the deal's quotes: winning the deal opens that loan. */
export const QuoteAcceptedV1 = eventDetail(1, quoted).register(z.globalRegistry, { id: 'QuoteAcceptedV1' });

export const QuoteAccepted = {
  source: 'relais.sales',
  detailType: 'QuoteAccepted',
  detail: QuoteAcceptedV1,
} satisfies EventDefinition;

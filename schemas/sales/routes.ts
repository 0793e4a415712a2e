/**
 * The sales context's routes: the product catalogue, the loan simulator, the savings projection
 * and the opportunities (a customer's deals, and the pipelines of an advisor or a branch).
 */

import { pageOf } from '../common.ts';
import { CustomerParams } from '../customers/customer.ts';
import { opportunityReaders, productReaders } from '../roles.ts';
import type { RouteDefinition } from '../route-definition.ts';
import * as z from '../zod.ts';
import { ForecastAnswer, ForecastQuery } from './forecast.ts';
import { LoanSimulation, LoanSimulationRequest } from './loan-simulation.ts';
import {
  CreateOpportunityRequest,
  CustomerOpportunityParams,
  MoveOpportunityStageRequest,
  Opportunity,
  OpportunityListQuery,
  UpdateOpportunityRequest,
} from './opportunity.ts';
import { Product } from './product.ts';
import {
  AcceptQuoteRequest,
  IssueQuoteRequest,
  OpportunityQuoteParams,
  PrintQuoteQuery,
  Quote,
} from './quote.ts';
import { SavingsProjection, SavingsProjectionRequest } from './savings-projection.ts';

export const salesRoutes = [
  {
    id: 'listProducts',
    method: 'GET',
    path: '/v1/products',
    context: 'sales',
    summary: "The bank's products, their eligibility and pricing parameters",
    roles: productReaders,
    response: { status: 200, body: z.object({ items: z.array(Product) }) },
  },
  {
    id: 'simulateLoan',
    method: 'POST',
    path: '/v1/simulations/loans',
    context: 'sales',
    summary: 'Simulate a loan: instalment, schedule, cost, TAEG and usury check (nothing is stored)',
    roles: productReaders,
    body: LoanSimulationRequest,
    response: { status: 200, body: LoanSimulation },
  },
  {
    id: 'projectSavings',
    method: 'POST',
    path: '/v1/simulations/savings',
    context: 'sales',
    summary: 'Project savings year by year at the product rate of today (nothing is stored)',
    roles: productReaders,
    body: SavingsProjectionRequest,
    response: { status: 200, body: SavingsProjection },
  },
  {
    id: 'createOpportunity',
    method: 'POST',
    path: '/v1/customers/{customerId}/opportunities',
    context: 'sales',
    summary: 'Open an opportunity for a customer (audited)',
    roles: opportunityReaders,
    params: CustomerParams,
    body: CreateOpportunityRequest,
    response: { status: 201, body: Opportunity },
    idempotent: true,
  },
  {
    id: 'getOpportunity',
    method: 'GET',
    path: '/v1/customers/{customerId}/opportunities/{opportunityId}',
    context: 'sales',
    summary: "One of a customer's opportunities, with its stage history (audited)",
    roles: opportunityReaders,
    params: CustomerOpportunityParams,
    response: { status: 200, body: Opportunity },
  },
  {
    id: 'updateOpportunity',
    method: 'PATCH',
    path: '/v1/customers/{customerId}/opportunities/{opportunityId}',
    context: 'sales',
    summary:
      "Change an open deal's title, amount, expected closing or owner, from the version read (audited)",
    roles: opportunityReaders,
    params: CustomerOpportunityParams,
    body: UpdateOpportunityRequest,
    response: { status: 200, body: Opportunity },
    concurrency: true,
  },
  {
    id: 'moveOpportunityStage',
    method: 'POST',
    path: '/v1/customers/{customerId}/opportunities/{opportunityId}/stage',
    context: 'sales',
    summary: 'Move an opportunity to another stage of its pipeline, from the version read (audited)',
    roles: opportunityReaders,
    params: CustomerOpportunityParams,
    body: MoveOpportunityStageRequest,
    response: { status: 200, body: Opportunity },
    concurrency: true,
  },
  {
    id: 'listOpportunities',
    method: 'GET',
    path: '/v1/opportunities',
    context: 'sales',
    summary: "A column of an advisor's or a branch's pipeline: one stage, by closing day (audited)",
    roles: opportunityReaders,
    query: OpportunityListQuery,
    response: { status: 200, body: pageOf(Opportunity) },
  },
  {
    id: 'getForecast',
    method: 'GET',
    path: '/v1/forecasts',
    context: 'sales',
    summary: "The forecast of an advisor's or a branch's pipeline over a month or a quarter",
    roles: opportunityReaders,
    query: ForecastQuery,
    response: { status: 200, body: ForecastAnswer },
  },
  {
    id: 'issueQuote',
    method: 'POST',
    path: '/v1/customers/{customerId}/opportunities/{opportunityId}/quotes',
    context: 'sales',
    summary: "Save a loan simulation as the deal's next quote, priced for the customer's file (audited)",
    roles: opportunityReaders,
    params: CustomerOpportunityParams,
    body: IssueQuoteRequest,
    response: { status: 201, body: Quote },
    idempotent: true,
  },
  {
    id: 'listQuotes',
    method: 'GET',
    path: '/v1/customers/{customerId}/opportunities/{opportunityId}/quotes',
    context: 'sales',
    summary: "A deal's quotes, the first one first (audited)",
    roles: opportunityReaders,
    params: CustomerOpportunityParams,
    response: { status: 200, body: z.object({ items: z.array(Quote) }) },
  },
  {
    id: 'acceptQuote',
    method: 'POST',
    path: '/v1/customers/{customerId}/opportunities/{opportunityId}/quotes/{number}/accept',
    context: 'sales',
    summary: 'Record that the customer accepted this quote, from the deal’s version read (audited)',
    roles: opportunityReaders,
    params: OpportunityQuoteParams,
    body: AcceptQuoteRequest,
    response: { status: 200, body: Opportunity },
    concurrency: true,
  },
] as const satisfies readonly RouteDefinition[];

/**
 * The routes answering a document (a PDF, a calendar): served by the context's documents function,
 * so the rendering libraries weigh on no other route's cold start (`salesDocuments` in
 * `infra/declaration/functions.ts`).
 */
export const salesDocumentRoutes = [
  {
    id: 'printQuote',
    method: 'GET',
    path: '/v1/customers/{customerId}/opportunities/{opportunityId}/quotes/{number}/pdf',
    context: 'sales',
    summary: 'A quote as the PDF the customer takes home (audited)',
    roles: opportunityReaders,
    params: OpportunityQuoteParams,
    query: PrintQuoteQuery,
    response: { status: 200, document: 'application/pdf' },
  },
] as const satisfies readonly RouteDefinition[];

/**
 * The sales context's routes: the product catalogue, the loan simulator, the savings projection
 * and the opportunities (a customer's deals, and the pipelines of an advisor or a branch) with
 * their quotes; the activities (logged calls and e-mails, follow-up tasks) and meeting reports.
 */

import { pageOf } from '../common.ts';
import { CustomerParams } from '../customers/customer.ts';
import { activityKeepers, meetingReporters, opportunityReaders, productReaders } from '../roles.ts';
import type { RouteDefinition } from '../route-definition.ts';
import * as z from '../zod.ts';
import { LogActivityRequest, LoggedActivity } from './activity.ts';
import { ForecastAnswer, ForecastQuery } from './forecast.ts';
import { LoanSimulation, LoanSimulationRequest } from './loan-simulation.ts';
import {
  CorrectMeetingReportRequest,
  CustomerReportParams,
  MeetingReport,
  WriteMeetingReportRequest,
} from './meeting-report.ts';
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
import { CreateTaskRequest, CustomerTaskParams, Task, TaskListQuery, UpdateTaskRequest } from './task.ts';

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
  {
    id: 'logActivity',
    method: 'POST',
    path: '/v1/customers/{customerId}/activities',
    context: 'sales',
    summary: 'Log a call or an e-mail with a customer: it goes in their history, unchanged (audited)',
    roles: activityKeepers,
    params: CustomerParams,
    body: LogActivityRequest,
    response: { status: 201, body: LoggedActivity },
    idempotent: true,
  },
  {
    id: 'createTask',
    method: 'POST',
    path: '/v1/customers/{customerId}/tasks',
    context: 'sales',
    summary: "Open a follow-up task about a customer, for a staff member of the customer's branch (audited)",
    roles: activityKeepers,
    params: CustomerParams,
    body: CreateTaskRequest,
    response: { status: 201, body: Task },
    idempotent: true,
  },
  {
    id: 'updateTask',
    method: 'PATCH',
    path: '/v1/customers/{customerId}/tasks/{taskId}',
    context: 'sales',
    summary: 'Mark a task done, cancelled or open again, or change it, from the version read (audited)',
    roles: activityKeepers,
    params: CustomerTaskParams,
    body: UpdateTaskRequest,
    response: { status: 200, body: Task },
    concurrency: true,
  },
  {
    id: 'listTasks',
    method: 'GET',
    path: '/v1/tasks',
    context: 'sales',
    summary: "An advisor's or a branch's tasks in a status, soonest due first (audited)",
    roles: opportunityReaders,
    query: TaskListQuery,
    response: { status: 200, body: pageOf(Task) },
  },
  {
    id: 'writeMeetingReport',
    method: 'POST',
    path: '/v1/customers/{customerId}/meeting-reports',
    context: 'sales',
    summary: 'Save a meeting report; each next step opens a follow-up task (audited)',
    roles: meetingReporters,
    params: CustomerParams,
    body: WriteMeetingReportRequest,
    response: { status: 201, body: MeetingReport },
    idempotent: true,
  },
  {
    id: 'correctMeetingReport',
    method: 'POST',
    path: '/v1/customers/{customerId}/meeting-reports/{reportId}/versions',
    context: 'sales',
    summary: 'Correct a meeting report by a new version, from the version read; earlier ones stay (audited)',
    roles: meetingReporters,
    params: CustomerReportParams,
    body: CorrectMeetingReportRequest,
    response: { status: 201, body: MeetingReport },
    concurrency: true,
  },
  {
    id: 'getMeetingReport',
    method: 'GET',
    path: '/v1/customers/{customerId}/meeting-reports/{reportId}',
    context: 'sales',
    summary: 'A meeting report with every version, the first one first (audited)',
    roles: meetingReporters,
    params: CustomerReportParams,
    response: { status: 200, body: MeetingReport },
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

/**
 * The route table: every HTTP route of Relais, once. The CDK HTTP API, the Lambda routers,
 * the local sandbox, the authorisation tests and the OpenAPI document all read it.
 */
import * as z from 'zod';
import { AuditRecord } from './audit.ts';
import { Id, PageQuery, pageOf } from './common.ts';
import { Consents, UpdateConsentsRequest } from './customers/consent.ts';
import {
  CreateCustomerRequest,
  Customer,
  CustomerSummary,
  UpdateCustomerRequest,
} from './customers/customer.ts';
import { Customer360 } from './customers/customer-360.ts';
import { Branch, Me } from './platform/directory.ts';
import type { Role } from './roles.ts';

/** A bounded context that answers HTTP routes; each has one Lambda function with a router. */
export type HttpContext = 'customers' | 'platform';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RouteDefinition = {
  /** operationId in OpenAPI, and the key of the route's handler in its context. */
  id: string;
  method: HttpMethod;
  /** API Gateway path template, e.g. `/v1/customers/{customerId}`. */
  path: string;
  context: HttpContext;
  summary: string;
  /** Groups allowed to call the route, or `public` for no authentication. */
  roles: readonly Role[] | 'public';
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: { status: 200 | 201 | 204; body?: z.ZodType };
  /** Creating POST: an `Idempotency-Key` header makes retries safe. */
  idempotent?: boolean;
  /** Update guarded by `version` (body) or `If-Match`; a stale version is a 409. */
  concurrency?: boolean;
};

const customerReaders = ['advisor', 'branch_manager', 'service_agent', 'admin'] as const;
const customerWriters = ['advisor', 'branch_manager', 'admin'] as const;
const CustomerParams = z.object({ customerId: Id });

const CustomerSearchQuery = PageQuery.extend({
  q: z.string().trim().min(2).max(80).optional().describe('Name prefix, accents and case ignored.'),
  email: z.string().trim().max(254).optional(),
  phone: z.string().trim().max(20).optional(),
  number: z.string().trim().max(20).optional().describe('Customer number.'),
}).refine((q) => [q.q, q.email, q.phone, q.number].filter(Boolean).length === 1, {
  message: 'give exactly one of q, email, phone or number',
  path: ['q'],
});

export const routes = [
  {
    id: 'getOpenApi',
    method: 'GET',
    path: '/openapi.json',
    context: 'platform',
    summary: 'This API, described in OpenAPI 3.1',
    roles: 'public',
    response: { status: 200 },
  },
  {
    id: 'getMe',
    method: 'GET',
    path: '/v1/me',
    context: 'platform',
    summary: 'Who the caller is: name, roles, branch',
    roles: ['advisor', 'branch_manager', 'service_agent', 'marketer', 'analyst', 'admin'],
    response: { status: 200, body: Me },
  },
  {
    id: 'listBranches',
    method: 'GET',
    path: '/v1/branches',
    context: 'platform',
    summary: 'The bank branches',
    roles: ['advisor', 'branch_manager', 'service_agent', 'marketer', 'analyst', 'admin'],
    response: { status: 200, body: z.object({ items: z.array(Branch) }) },
  },
  {
    id: 'createCustomer',
    method: 'POST',
    path: '/v1/customers',
    context: 'customers',
    summary: 'Create a customer or prospect',
    roles: customerWriters,
    body: CreateCustomerRequest,
    response: { status: 201, body: Customer },
    idempotent: true,
  },
  {
    id: 'searchCustomers',
    method: 'GET',
    path: '/v1/customers',
    context: 'customers',
    summary: 'Search customers by name prefix, email, phone or customer number',
    roles: customerReaders,
    query: CustomerSearchQuery,
    response: { status: 200, body: pageOf(CustomerSummary) },
  },
  {
    id: 'getCustomer',
    method: 'GET',
    path: '/v1/customers/{customerId}',
    context: 'customers',
    summary: 'Read a customer file (audited)',
    roles: customerReaders,
    params: CustomerParams,
    response: { status: 200, body: Customer },
  },
  {
    id: 'updateCustomer',
    method: 'PATCH',
    path: '/v1/customers/{customerId}',
    context: 'customers',
    summary: 'Update a customer file',
    roles: customerReaders,
    params: CustomerParams,
    body: UpdateCustomerRequest,
    response: { status: 200, body: Customer },
    concurrency: true,
  },
  {
    id: 'getCustomer360',
    method: 'GET',
    path: '/v1/customers/{customerId}/360',
    context: 'customers',
    summary: 'The 360° file: profile, holdings, consents, latest timeline (audited)',
    roles: customerReaders,
    params: CustomerParams,
    response: { status: 200, body: Customer360 },
  },
  {
    id: 'updateConsents',
    method: 'PUT',
    path: '/v1/customers/{customerId}/consents',
    context: 'customers',
    summary: 'Record consent changes per channel and purpose',
    roles: customerReaders,
    params: CustomerParams,
    body: UpdateConsentsRequest,
    response: { status: 200, body: Consents },
    concurrency: true,
  },
  {
    id: 'listCustomerAudit',
    method: 'GET',
    path: '/v1/customers/{customerId}/audit',
    context: 'customers',
    summary: 'Who read this customer file, when and why',
    roles: ['admin'],
    params: CustomerParams,
    query: PageQuery,
    response: { status: 200, body: pageOf(AuditRecord) },
  },
  {
    id: 'listBranchCustomers',
    method: 'GET',
    path: '/v1/branches/{branchId}/customers',
    context: 'customers',
    summary: "A branch's customers, by name",
    roles: customerReaders,
    params: z.object({ branchId: Id }),
    query: PageQuery,
    response: { status: 200, body: pageOf(CustomerSummary) },
  },
  {
    id: 'listAdvisorPortfolio',
    method: 'GET',
    path: '/v1/advisors/{advisorId}/customers',
    context: 'customers',
    summary: "An advisor's portfolio, by name",
    roles: customerReaders,
    params: z.object({ advisorId: Id }),
    query: PageQuery,
    response: { status: 200, body: pageOf(CustomerSummary) },
  },
] as const satisfies readonly RouteDefinition[];

export type RouteId = (typeof routes)[number]['id'];
export type Route<I extends RouteId = RouteId> = Extract<(typeof routes)[number], { id: I }>;

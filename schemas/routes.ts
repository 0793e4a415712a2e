/**
 * The route table: every HTTP route of Relais, once. The CDK HTTP API, the Lambda routers,
 * the local sandbox, the authorisation tests and the OpenAPI document all read it.
 */
import * as z from 'zod';
import { QueryRun, RunQueryRequest, SavedQuery } from './analytics/query.ts';
import { AuditRecord } from './audit.ts';
import { IngestRequest, IngestResponse, maxBatchKB } from './channels/channel-event.ts';
import { EventSchemaDefinition, RegisterEventSchemaRequest } from './channels/event-schema.ts';
import { AnonymousId, IdentityLink } from './channels/identity.ts';
import {
  CreateWriteKeyRequest,
  RotateWriteKeyRequest,
  WriteKey,
  WriteKeyWithSecret,
} from './channels/write-key.ts';
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
export type HttpContext = 'customers' | 'platform' | 'channels' | 'analytics';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RouteDefinition = {
  /** operationId in OpenAPI, and the key of the route's handler in its context. */
  id: string;
  method: HttpMethod;
  /** API Gateway path template, e.g. `/v1/customers/{customerId}`. */
  path: string;
  context: HttpContext;
  summary: string;
  /**
   * Groups allowed to call the route; `public` for no authentication; `writeKey` for channels,
   * which authenticate with a write key that the context's handler checks.
   */
  roles: readonly Role[] | 'public' | 'writeKey';
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The usual status; a handler may answer another listed in `alsoStatus` (`withStatus`). */
  response: { status: 200 | 201 | 204; body?: z.ZodType; alsoStatus?: readonly (202 | 207)[] };
  /** Largest body accepted, in KB. @default 256 */
  maxBodyKB?: number;
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
  {
    id: 'ingestEvents',
    method: 'POST',
    path: '/v1/events',
    context: 'channels',
    summary: 'Post a batch of web or mobile events (write key in X-Write-Key)',
    roles: 'writeKey',
    body: IngestRequest,
    response: { status: 200, body: IngestResponse, alsoStatus: [207] },
    maxBodyKB: maxBatchKB,
  },
  {
    id: 'createWriteKey',
    method: 'POST',
    path: '/v1/write-keys',
    context: 'channels',
    summary: 'Create a write key for a channel (the key is shown once)',
    roles: ['admin'],
    body: CreateWriteKeyRequest,
    response: { status: 201, body: WriteKeyWithSecret },
  },
  {
    id: 'listWriteKeys',
    method: 'GET',
    path: '/v1/write-keys',
    context: 'channels',
    summary: 'The write keys, without their secrets',
    roles: ['admin'],
    response: { status: 200, body: z.object({ items: z.array(WriteKey) }) },
  },
  {
    id: 'rotateWriteKey',
    method: 'POST',
    path: '/v1/write-keys/{keyId}/rotate',
    context: 'channels',
    summary: 'Replace a write key; the old one works for a grace period',
    roles: ['admin'],
    params: z.object({ keyId: Id }),
    body: RotateWriteKeyRequest,
    response: { status: 200, body: WriteKeyWithSecret },
  },
  {
    id: 'revokeWriteKey',
    method: 'DELETE',
    path: '/v1/write-keys/{keyId}',
    context: 'channels',
    summary: 'Revoke a write key at once',
    roles: ['admin'],
    params: z.object({ keyId: Id }),
    response: { status: 204 },
  },
  {
    id: 'listEventSchemas',
    method: 'GET',
    path: '/v1/event-schemas',
    context: 'channels',
    summary: 'The custom event types developers registered',
    roles: ['admin', 'analyst'],
    response: { status: 200, body: z.object({ items: z.array(EventSchemaDefinition) }) },
  },
  {
    id: 'registerEventSchema',
    method: 'POST',
    path: '/v1/event-schemas',
    context: 'channels',
    summary: 'Register a custom event type (a new version if the name exists)',
    roles: ['admin'],
    body: RegisterEventSchemaRequest,
    response: { status: 201, body: EventSchemaDefinition },
    idempotent: true,
  },
  {
    id: 'listIdentities',
    method: 'GET',
    path: '/v1/customers/{customerId}/identities',
    context: 'channels',
    summary: 'The devices and browsers linked to a customer (identity stitching)',
    roles: customerReaders,
    params: CustomerParams,
    response: { status: 200, body: z.object({ items: z.array(IdentityLink) }) },
  },
  {
    id: 'unlinkIdentity',
    method: 'DELETE',
    path: '/v1/customers/{customerId}/identities/{anonymousId}',
    context: 'channels',
    summary: 'Undo a link between a device and a customer (recorded in the timeline)',
    roles: ['service_agent', 'admin'],
    params: z.object({ customerId: Id, anonymousId: AnonymousId }),
    response: { status: 204 },
  },
  {
    id: 'listSavedQueries',
    method: 'GET',
    path: '/v1/analytics/queries',
    context: 'analytics',
    summary: "The analysts' saved queries and their parameters",
    roles: ['analyst'],
    response: { status: 200, body: z.object({ items: z.array(SavedQuery) }) },
  },
  {
    id: 'runSavedQuery',
    method: 'POST',
    path: '/v1/analytics/queries/{queryId}/runs',
    context: 'analytics',
    summary: 'Run a saved query on the lake (202 with the run if still running)',
    roles: ['analyst'],
    params: z.object({ queryId: z.string().regex(/^[a-z0-9-]+$/) }),
    body: RunQueryRequest,
    response: { status: 200, body: QueryRun, alsoStatus: [202] },
  },
  {
    id: 'getQueryRun',
    method: 'GET',
    path: '/v1/analytics/runs/{runId}',
    context: 'analytics',
    summary: 'A run of a saved query: status, then columns and rows',
    roles: ['analyst'],
    params: z.object({ runId: z.string().max(128) }),
    response: { status: 200, body: QueryRun },
  },
] as const satisfies readonly RouteDefinition[];

export type RouteId = (typeof routes)[number]['id'];
export type Route<I extends RouteId = RouteId> = Extract<(typeof routes)[number], { id: I }>;

/** The customers context's routes: the customer file, its 360° view, consents, search, lists, audit. */

import { AuditRecord } from '../audit.ts';
import { Id, PageQuery, pageOf } from '../common.ts';
import { customerEditors, customerReaders, customerWriters } from '../roles.ts';
import type { RouteDefinition } from '../route-definition.ts';
import * as z from '../zod.ts';
import { Consents, UpdateConsentsRequest } from './consent.ts';
import {
  ChangeKycStatusRequest,
  CreateCustomerRequest,
  Customer,
  CustomerParams,
  CustomerSummary,
  ReassignCustomerRequest,
  RecordRelationshipEndRequest,
  UpdateCustomerRequest,
} from './customer.ts';
import { Customer360 } from './customer-360.ts';
import { TimelineEntry } from './timeline.ts';

const CustomerSearchQuery = z
  .extend(PageQuery, {
    q: z
      .optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(80)))
      .check(
        z.describe(
          'A prefix of the last name, first name or company name; accents, case, spaces and apostrophes ignored.',
        ),
      ),
    email: z.optional(z.string().check(z.trim(), z.maxLength(254))),
    phone: z.optional(z.string().check(z.trim(), z.maxLength(20))),
    number: z.optional(z.string().check(z.trim(), z.maxLength(20))).check(z.describe('Customer number.')),
  })
  .check(
    z.refine((q) => [q.q, q.email, q.phone, q.number].filter(Boolean).length === 1, {
      message: 'give exactly one of q, email, phone or number',
      path: ['q'],
    }),
  );

export const customerRoutes = [
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
    summary: "Update a customer's details (audited)",
    roles: customerEditors,
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
    id: 'listCustomerTimeline',
    method: 'GET',
    path: '/v1/customers/{customerId}/timeline',
    context: 'customers',
    summary: 'The customer timeline, newest first, page by page (audited)',
    roles: customerReaders,
    params: CustomerParams,
    query: PageQuery,
    response: { status: 200, body: pageOf(TimelineEntry) },
  },
  {
    id: 'updateConsents',
    method: 'PUT',
    path: '/v1/customers/{customerId}/consents',
    context: 'customers',
    summary: 'Record consent changes per channel and purpose',
    roles: customerEditors,
    params: CustomerParams,
    body: UpdateConsentsRequest,
    response: { status: 200, body: Consents },
    concurrency: true,
  },
  {
    id: 'changeKycStatus',
    method: 'PUT',
    path: '/v1/customers/{customerId}/kyc',
    context: 'customers',
    summary: 'Record a KYC decision with its reason (compliance, or the branch manager)',
    roles: ['compliance_officer', 'branch_manager'],
    params: CustomerParams,
    body: ChangeKycStatusRequest,
    response: { status: 200, body: Customer },
    concurrency: true,
  },
  {
    id: 'recordRelationshipEnd',
    method: 'PUT',
    path: '/v1/customers/{customerId}/relationship',
    context: 'customers',
    summary:
      'Record the end of the business relationship, or withdraw it, with its reason (compliance, or the branch manager); the file is erased 5 years after that day (AML retention)',
    roles: ['compliance_officer', 'branch_manager'],
    params: CustomerParams,
    body: RecordRelationshipEndRequest,
    response: { status: 200, body: Customer },
    concurrency: true,
  },
  {
    id: 'reassignCustomer',
    method: 'PUT',
    path: '/v1/customers/{customerId}/assignment',
    context: 'customers',
    summary: "Change a customer's segment, assigned advisor or (administrators) branch",
    roles: ['branch_manager', 'admin'],
    params: CustomerParams,
    body: ReassignCustomerRequest,
    response: { status: 200, body: Customer },
    concurrency: true,
  },
  {
    id: 'listCustomerAudit',
    method: 'GET',
    path: '/v1/customers/{customerId}/audit',
    context: 'customers',
    summary: 'Who read or changed this customer file, when and why',
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

/**
 * The platform context's routes: the API's root and document, who the caller is, the branch
 * directory, and the privacy officer's data protection requests.
 */

import { Advisor, ApiRoot, Branch, BranchParams, Me } from '../platform/directory.ts';
import {
  ConfirmErasure,
  CreatePrivacyRequest,
  PrivacyExportLink,
  PrivacyRequest,
  PrivacyRequestParams,
  PrivacyRequestsQuery,
} from '../platform/privacy-request.ts';
import { allRoles, customerReaders, privacyOfficers } from '../roles.ts';
import type { RouteDefinition } from '../route-definition.ts';
import * as z from '../zod.ts';

export const platformRoutes = [
  {
    id: 'getApiRoot',
    method: 'GET',
    path: '/',
    context: 'platform',
    summary: 'What this API is, and where its description is',
    roles: 'public',
    response: { status: 200, body: ApiRoot },
  },
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
    roles: allRoles,
    response: { status: 200, body: Me },
  },
  {
    id: 'listBranches',
    method: 'GET',
    path: '/v1/branches',
    context: 'platform',
    summary: 'The bank branches',
    roles: allRoles,
    response: { status: 200, body: z.object({ items: z.array(Branch) }) },
  },
  {
    id: 'listBranchAdvisors',
    method: 'GET',
    path: '/v1/branches/{branchId}/advisors',
    context: 'platform',
    summary: "The branch's advisors and manager, whom its customers can be assigned to",
    roles: customerReaders,
    params: BranchParams,
    response: { status: 200, body: z.object({ items: z.array(Advisor) }) },
  },
  {
    id: 'openPrivacyRequest',
    method: 'POST',
    path: '/v1/privacy/requests',
    context: 'platform',
    summary:
      "Open a customer's access or erasure request (GDPR art. 15, 17, 20); an access's job starts at once, an erasure waits for its confirmation",
    roles: privacyOfficers,
    body: CreatePrivacyRequest,
    response: { status: 201, body: PrivacyRequest },
    idempotent: true,
  },
  {
    id: 'listPrivacyRequests',
    method: 'GET',
    path: '/v1/privacy/requests',
    context: 'platform',
    summary: 'The data protection requests, the next due first: the open ones, or all',
    roles: privacyOfficers,
    query: PrivacyRequestsQuery,
    response: { status: 200, body: z.object({ items: z.array(PrivacyRequest) }) },
  },
  {
    id: 'getPrivacyRequest',
    method: 'GET',
    path: '/v1/privacy/requests/{requestId}',
    context: 'platform',
    summary: 'A data protection request: its state and the progress of its job',
    roles: privacyOfficers,
    params: PrivacyRequestParams,
    response: { status: 200, body: PrivacyRequest },
  },
  {
    id: 'downloadPrivacyExport',
    method: 'POST',
    path: '/v1/privacy/requests/{requestId}/download',
    context: 'platform',
    summary: "A link to a ready export, valid 5 minutes; each download is recorded as the export's delivery",
    roles: privacyOfficers,
    params: PrivacyRequestParams,
    response: { status: 200, body: PrivacyExportLink },
  },
  {
    id: 'confirmErasure',
    method: 'POST',
    path: '/v1/privacy/requests/{requestId}/confirm-erasure',
    context: 'platform',
    summary: "Confirm an erasure request's plan (what goes, what the law keeps); the erasure starts at once",
    roles: privacyOfficers,
    params: PrivacyRequestParams,
    body: ConfirmErasure,
    response: { status: 200, body: PrivacyRequest },
    concurrency: true,
  },
] as const satisfies readonly RouteDefinition[];

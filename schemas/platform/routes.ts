/** The platform context's routes: the API's root and document, who the caller is, the branch directory. */

import { Advisor, ApiRoot, Branch, BranchParams, Me } from '../platform/directory.ts';
import { allRoles, customerReaders } from '../roles.ts';
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
] as const satisfies readonly RouteDefinition[];

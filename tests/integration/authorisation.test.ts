/**
 * Every route of the route table, for every role: the refusal (403) where the role is not
 * listed, the grant where it is, and 401 without a token. The samples below must cover every
 * route, so a new route cannot ship without its authorisation test.
 */
import { describe, expect, it } from 'vitest';
import { allRoles, type Role } from '#schemas/roles.ts';
import { type RouteDefinition, type RouteId, routes } from '#schemas/routes.ts';
import { sandboxPerFile } from '../support/sandbox.ts';

const { bank, as, anonymous, staffMember } = sandboxPerFile();

// A customer of the first branch, where the first advisor and branch manager work.
const branchId = bank.branches[0]!.id;
const { customer, consents } = bank.customers.find((c) => c.customer.branchId === branchId)!;
const postMarketing = consents.find((c) => c.channel === 'post' && c.purpose === 'marketing')!;
const advisorId = staffMember('advisor', branchId).sub;

// Updates send the values already stored: each role's grant is checked without one role's
// change making the next one's version stale.
type Sample = { path: string; body?: unknown; headers?: Record<string, string> };
const samples: Record<RouteId, (role: Role) => Sample> = {
  getOpenApi: () => ({ path: '/openapi.json' }),
  getMe: () => ({ path: '/v1/me' }),
  listBranches: () => ({ path: '/v1/branches' }),
  createCustomer: (role) => ({
    path: '/v1/customers',
    body: {
      kind: 'prospect',
      firstName: 'Jeanne',
      lastName: `Test-${role}`,
      segment: 'mass_market',
      branchId,
    },
  }),
  searchCustomers: () => ({ path: `/v1/customers?q=${encodeURIComponent(customer.lastName.slice(0, 3))}` }),
  getCustomer: () => ({ path: `/v1/customers/${customer.id}` }),
  updateCustomer: () => ({
    path: `/v1/customers/${customer.id}`,
    body: { firstName: customer.firstName },
    headers: { 'if-match': '"1"' },
  }),
  getCustomer360: () => ({ path: `/v1/customers/${customer.id}/360` }),
  updateConsents: () => ({
    path: `/v1/customers/${customer.id}/consents`,
    body: {
      changes: [{ channel: 'post', purpose: 'marketing', granted: postMarketing.granted, source: 'branch' }],
    },
    headers: { 'if-match': '"1"' },
  }),
  listCustomerAudit: () => ({ path: `/v1/customers/${customer.id}/audit` }),
  listBranchCustomers: () => ({ path: `/v1/branches/${branchId}/customers` }),
  listAdvisorPortfolio: () => ({ path: `/v1/advisors/${advisorId}/customers` }),
};

const callerFor = (role: Role) =>
  role === 'advisor' || role === 'branch_manager' ? staffMember(role, branchId) : staffMember(role);

describe.each(routes as readonly RouteDefinition[])('$method $path', (route) => {
  const sample = samples[route.id as RouteId];

  if (route.roles === 'public') {
    it('answers without a token', async () => {
      const response = await anonymous().request(route.method, sample('admin').path);
      expect(response.status).toBe(route.response.status);
    });
    return;
  }

  it('refuses a request without a token (401)', async () => {
    const { path, body } = sample('admin');
    const response = await anonymous().request(route.method, path, { body });
    expect(response.status).toBe(401);
  });

  it.each(allRoles)('%s', async (role) => {
    // Prepare
    const api = await as(callerFor(role));
    const { path, body, headers } = sample(role);
    // Act
    const response = await api.request(route.method, path, { body, headers });
    // Assess
    if ((route.roles as readonly Role[]).includes(role)) {
      expect(response.status, JSON.stringify(response.body)).toBe(route.response.status);
    } else {
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(JSON.stringify(response.body)).not.toContain(customer.lastName);
    }
  });
});

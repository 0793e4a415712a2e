/**
 * Every route of the route table, for every role: the refusal (403) where the role may not call
 * it, the grant where it may, and 401 without a token. Who may call what is written below by
 * hand, from the product's rules (DESIGN.md, security), not read from the route table it
 * checks: a route whose roles drift from it fails here. The samples must cover every route, so
 * a new route cannot ship without its authorisation test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { demoWriteKeyId, demoWriteKeySecret } from '#local/seed/demo-write-key.ts';
import { allRoles, type Role } from '#schemas/roles.ts';
import type { RouteDefinition } from '#schemas/route-definition.ts';
import { type RouteId, routes } from '#schemas/routes.ts';
import { contractViolation } from '../support/contract.ts';
import { sandboxPerFile } from '../support/sandbox.ts';

const { bank, as, anonymous, staffMember } = sandboxPerFile();

// A customer of the first branch, where the first advisor and branch manager work.
const branchId = bank.branches[0]!.id;
const { customer, consents } = bank.customers.find((c) => c.customer.branchId === branchId)!;
const postMarketing = consents.find((c) => c.channel === 'post' && c.purpose === 'marketing')!;
const advisorId = staffMember('advisor', branchId).sub;

// A run of a saved query for getQueryRun's samples: runs live in the analytics function (or
// in Athena), so one is started once, by an analyst, before the routes are tried.
let analyticsRunId = 'duckdb.daily-active-customers.v1.unknown';
// A privacy request for getPrivacyRequest's samples, opened by the privacy officer; and an
// erasure request, for confirmErasure's, about a customer no other sample uses.
let privacyRequestId = 'pr-unknown';
let erasureRequestId = 'pr-unknown';
// An opportunity of the sample customer, for getOpportunity's samples; and one per role for
// moveOpportunityStage's, each moved once from its first version.
let opportunityId = 'op-unknown';
const opportunityToMove: Partial<Record<Role, string>> = {};
const opportunityToUpdate: Partial<Record<Role, string>> = {};
// And one per role with a quote (its version 2), for acceptQuote's; opportunityId has quote 1.
const opportunityToAccept: Partial<Record<Role, string>> = {};
const quoteBody = { projectCents: 1_500_000, months: 48 };
// A task and a meeting report per role, for updateTask's and correctMeetingReport's samples (each
// changed once from its version 1); reportId for getMeetingReport's.
const taskToUpdate: Partial<Record<Role, string>> = {};
const reportToCorrect: Partial<Record<Role, string>> = {};
let reportId = 'mr-unknown';
const taskBody = { title: 'Rappeler pour le devis', dueOn: '2027-01-15', assigneeId: advisorId };
const reportBody = {
  meetingAt: '2026-12-01T09:30:00.000Z',
  channel: 'branch',
  notes: 'Projet de véhicule',
  productsDiscussed: ['pret-auto'],
  needs: 'Financer une voiture',
  nextSteps: [],
};
const opportunityBody = {
  productCode: 'pret-auto',
  amountCents: 1_500_000,
  expectedCloseOn: '2027-01-29',
  source: 'branch',
  ownerId: advisorId,
};
beforeAll(async () => {
  const deal = await (await as(staffMember('advisor', branchId))).request<{ id: string }>(
    'POST',
    `/v1/customers/${customer.id}/opportunities`,
    { body: opportunityBody },
  );
  opportunityId = deal.body.id;
  const advisor = await as(staffMember('advisor', branchId));
  await advisor.request('POST', `/v1/customers/${customer.id}/opportunities/${opportunityId}/quotes`, {
    body: quoteBody,
  });
  const report = await advisor.request<{ id: string }>(
    'POST',
    `/v1/customers/${customer.id}/meeting-reports`,
    {
      body: reportBody,
    },
  );
  reportId = report.body.id;
  for (const role of allRoles) {
    const task = await advisor.request<{ id: string }>('POST', `/v1/customers/${customer.id}/tasks`, {
      body: taskBody,
    });
    taskToUpdate[role] = task.body.id;
    const toCorrect = await advisor.request<{ id: string }>(
      'POST',
      `/v1/customers/${customer.id}/meeting-reports`,
      {
        body: reportBody,
      },
    );
    reportToCorrect[role] = toCorrect.body.id;
    const toAccept = await advisor.request<{ id: string }>(
      'POST',
      `/v1/customers/${customer.id}/opportunities`,
      {
        body: opportunityBody,
      },
    );
    opportunityToAccept[role] = toAccept.body.id;
    await advisor.request('POST', `/v1/customers/${customer.id}/opportunities/${toAccept.body.id}/quotes`, {
      body: quoteBody,
    });
    const opened = await (await as(staffMember('advisor', branchId))).request<{ id: string }>(
      'POST',
      `/v1/customers/${customer.id}/opportunities`,
      { body: opportunityBody },
    );
    opportunityToMove[role] = opened.body.id;
    const toUpdate = await (await as(staffMember('advisor', branchId))).request<{ id: string }>(
      'POST',
      `/v1/customers/${customer.id}/opportunities`,
      { body: opportunityBody },
    );
    opportunityToUpdate[role] = toUpdate.body.id;
  }
  const officer = await as('privacy_officer');
  const erased = bank.customers.at(-1)!.customer;
  const erasure = await officer.request<{ id: string }>('POST', '/v1/privacy/requests', {
    body: { kind: 'erasure', customerId: erased.id, note: 'Authorisation sample' },
  });
  erasureRequestId = erasure.body.id;
  const opened = await officer.request<{ id: string }>('POST', '/v1/privacy/requests', {
    body: { kind: 'access', customerId: customer.id, note: 'Authorisation sample' },
  });
  privacyRequestId = opened.body.id;
  // The export job runs from the bus: downloadPrivacyExport's grant needs it ready.
  for (let tries = 0; tries < 120; tries++) {
    const request = await officer.request<{ state: string }>(
      'GET',
      `/v1/privacy/requests/${privacyRequestId}`,
    );
    if (request.body.state === 'ready') break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const run = await (await as('analyst')).request<{ runId: string }>(
    'POST',
    '/v1/analytics/queries/daily-active-customers/runs',
    { body: { parameters: {} } },
  );
  analyticsRunId = run.body.runId;
});

// Updates send the values already stored: each role's grant is checked without one role's
// change making the next one's version stale.
type Sample = { path: string; body?: unknown; headers?: Record<string, string> };
const samples: Record<RouteId, (role: Role) => Sample> = {
  getApiRoot: () => ({ path: '/' }),
  getOpenApi: () => ({ path: '/openapi.json' }),
  getMe: () => ({ path: '/v1/me' }),
  listBranches: () => ({ path: '/v1/branches' }),
  listBranchAdvisors: () => ({ path: `/v1/branches/${branchId}/advisors` }),
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
  listCustomerTimeline: () => ({ path: `/v1/customers/${customer.id}/timeline?limit=5` }),
  updateConsents: () => ({
    path: `/v1/customers/${customer.id}/consents`,
    body: {
      changes: [{ channel: 'post', purpose: 'marketing', granted: postMarketing.granted, source: 'branch' }],
    },
    headers: { 'if-match': '"1"' },
  }),
  // Decisions and assignments that change nothing: each role's grant leaves the file as it is.
  changeKycStatus: () => ({
    path: `/v1/customers/${customer.id}/kyc`,
    body: { status: customer.kycStatus, reason: 'Authorisation sample' },
    headers: { 'if-match': '"1"' },
  }),
  recordRelationshipEnd: () => ({
    path: `/v1/customers/${customer.id}/relationship`,
    body: { endedOn: null, reason: 'Authorisation sample' },
    headers: { 'if-match': '"1"' },
  }),
  reassignCustomer: () => ({
    path: `/v1/customers/${customer.id}/assignment`,
    body: { segment: customer.segment },
    headers: { 'if-match': '"1"' },
  }),
  listCustomerAudit: () => ({ path: `/v1/customers/${customer.id}/audit` }),
  listBranchCustomers: () => ({ path: `/v1/branches/${branchId}/customers` }),
  listAdvisorPortfolio: () => ({ path: `/v1/advisors/${advisorId}/customers` }),
  // Channels: the ingest route takes the sandbox's demo write key, not a JWT; rotate and revoke
  // act on the demo key, after the ingest samples have used it (routes run in table order).
  ingestEvents: (role) => ({
    path: '/v1/events',
    body: {
      sentAt: new Date().toISOString(),
      batch: [
        {
          messageId: `authz-${role}-${Date.now()}`,
          type: 'page_view',
          timestamp: new Date().toISOString(),
          anonymousId: `authz-visitor-${role}`,
          context: { consent: { analytics: true } },
          properties: { path: '/' },
        },
      ],
    },
    headers: { 'x-write-key': demoWriteKeySecret },
  }),
  createWriteKey: (role) => ({ path: '/v1/write-keys', body: { channel: 'ios', label: `Test ${role}` } }),
  listWriteKeys: () => ({ path: '/v1/write-keys' }),
  rotateWriteKey: () => ({ path: `/v1/write-keys/${demoWriteKeyId}/rotate`, body: { graceHours: 24 } }),
  revokeWriteKey: () => ({ path: `/v1/write-keys/${demoWriteKeyId}` }),
  listEventSchemas: () => ({ path: '/v1/event-schemas' }),
  registerEventSchema: (role) => ({
    path: '/v1/event-schemas',
    body: {
      name: `authz_${role}`,
      description: 'Authorisation sample',
      jsonSchema: { type: 'object', properties: { step: { type: 'string' } } },
    },
  }),
  listIdentities: () => ({ path: `/v1/customers/${customer.id}/identities` }),
  // Undoing a link that is not there changes nothing and answers 204 (DELETE is idempotent).
  unlinkIdentity: (role) => ({ path: `/v1/customers/${customer.id}/identities/authz-visitor-${role}` }),
  listSavedQueries: () => ({ path: '/v1/analytics/queries' }),
  runSavedQuery: () => ({
    path: '/v1/analytics/queries/daily-active-customers/runs',
    body: { parameters: { channel: 'web' } },
  }),
  getQueryRun: () => ({ path: `/v1/analytics/runs/${encodeURIComponent(analyticsRunId)}` }),
  openPrivacyRequest: () => ({
    path: '/v1/privacy/requests',
    body: { kind: 'access', customerNumber: customer.customerNumber },
  }),
  listPrivacyRequests: () => ({ path: '/v1/privacy/requests' }),
  getPrivacyRequest: () => ({ path: `/v1/privacy/requests/${privacyRequestId}` }),
  downloadPrivacyExport: () => ({ path: `/v1/privacy/requests/${privacyRequestId}/download`, body: {} }),
  confirmErasure: () => ({
    path: `/v1/privacy/requests/${erasureRequestId}/confirm-erasure`,
    body: { version: 1 },
  }),
  listProducts: () => ({ path: '/v1/products' }),
  createOpportunity: (role) => ({
    path: `/v1/customers/${customer.id}/opportunities`,
    body: opportunityBody,
    headers: { 'Idempotency-Key': `authz-opportunity-${role}` },
  }),
  getOpportunity: () => ({ path: `/v1/customers/${customer.id}/opportunities/${opportunityId}` }),
  updateOpportunity: (role) => ({
    path: `/v1/customers/${customer.id}/opportunities/${opportunityToUpdate[role]}`,
    body: { amountCents: 1_600_000, version: 1 },
  }),
  moveOpportunityStage: (role) => ({
    path: `/v1/customers/${customer.id}/opportunities/${opportunityToMove[role]}/stage`,
    body: { to: 'needs_analysis', version: 1 },
  }),
  listOpportunities: () => ({ path: `/v1/opportunities?stage=qualification&branchId=${branchId}` }),
  getForecast: () => ({ path: `/v1/forecasts?period=2027-01&branchId=${branchId}` }),
  issueQuote: (role) => ({
    path: `/v1/customers/${customer.id}/opportunities/${opportunityId}/quotes`,
    body: quoteBody,
    headers: { 'Idempotency-Key': `authz-quote-${role}` },
  }),
  listQuotes: () => ({ path: `/v1/customers/${customer.id}/opportunities/${opportunityId}/quotes` }),
  printQuote: () => ({ path: `/v1/customers/${customer.id}/opportunities/${opportunityId}/quotes/1/pdf` }),
  logActivity: (role) => ({
    path: `/v1/customers/${customer.id}/activities`,
    body: { kind: 'call', direction: 'inbound', occurredAt: '2026-12-01T10:00:00.000Z', subject: 'Question' },
    headers: { 'Idempotency-Key': `authz-activity-${role}` },
  }),
  createTask: (role) => ({
    path: `/v1/customers/${customer.id}/tasks`,
    body: taskBody,
    headers: { 'Idempotency-Key': `authz-task-${role}` },
  }),
  updateTask: (role) => ({
    path: `/v1/customers/${customer.id}/tasks/${taskToUpdate[role]}`,
    body: { status: 'done', version: 1 },
  }),
  listTasks: () => ({ path: `/v1/tasks?branchId=${branchId}` }),
  writeMeetingReport: (role) => ({
    path: `/v1/customers/${customer.id}/meeting-reports`,
    body: reportBody,
    headers: { 'Idempotency-Key': `authz-report-${role}` },
  }),
  correctMeetingReport: (role) => ({
    path: `/v1/customers/${customer.id}/meeting-reports/${reportToCorrect[role]}/versions`,
    body: { ...reportBody, needs: 'Financer une voiture neuve', reason: 'Précision du besoin', version: 1 },
  }),
  getMeetingReport: () => ({ path: `/v1/customers/${customer.id}/meeting-reports/${reportId}` }),
  acceptQuote: (role) => ({
    path: `/v1/customers/${customer.id}/opportunities/${opportunityToAccept[role]}/quotes/1/accept`,
    body: { version: 2 },
  }),
  projectSavings: () => ({
    path: '/v1/simulations/savings',
    body: { productCode: 'livret-a', initialCents: 100_000, monthlyCents: 5_000, years: 5 },
  }),
  simulateLoan: () => ({
    path: '/v1/simulations/loans',
    body: { productCode: 'pret-auto', projectCents: 2_000_000, downPaymentCents: 500_000, months: 48 },
  }),
};

// Who may call each route, by role: written by hand (A = advisor, M = branch manager, S = service
// agent, C = compliance officer, P = privacy officer, K = marketer, N = analyst, D = admin).
const grants: Record<RouteId, 'public' | 'writeKey' | string> = {
  getApiRoot: 'public',
  getOpenApi: 'public',
  getMe: 'AMSCPKND',
  listBranches: 'AMSCPKND',
  listBranchAdvisors: 'AMSC...D',
  createCustomer: 'AM.....D',
  searchCustomers: 'AMSC...D',
  getCustomer: 'AMSC...D',
  updateCustomer: 'AMS....D',
  getCustomer360: 'AMSC...D',
  listCustomerTimeline: 'AMSC...D',
  updateConsents: 'AMS....D',
  changeKycStatus: '.M.C....',
  recordRelationshipEnd: '.M.C....',
  reassignCustomer: '.M.....D',
  listCustomerAudit: '.......D',
  listBranchCustomers: 'AMSC...D',
  listAdvisorPortfolio: 'AMSC...D',
  ingestEvents: 'writeKey',
  createWriteKey: '.......D',
  listWriteKeys: '.......D',
  rotateWriteKey: '.......D',
  revokeWriteKey: '.......D',
  listEventSchemas: '......ND',
  registerEventSchema: '.......D',
  listIdentities: 'AMSC...D',
  unlinkIdentity: '..S....D',
  listSavedQueries: '......N.',
  runSavedQuery: '......N.',
  getQueryRun: '......N.',
  openPrivacyRequest: '....P...',
  listPrivacyRequests: '....P...',
  getPrivacyRequest: '....P...',
  downloadPrivacyExport: '....P...',
  confirmErasure: '....P...',
  listProducts: 'AMS....D',
  simulateLoan: 'AMS....D',
  projectSavings: 'AMS....D',
  createOpportunity: 'AM.....D',
  getOpportunity: 'AM.....D',
  updateOpportunity: 'AM.....D',
  moveOpportunityStage: 'AM.....D',
  listOpportunities: 'AM.....D',
  getForecast: 'AM.....D',
  issueQuote: 'AM.....D',
  listQuotes: 'AM.....D',
  printQuote: 'AM.....D',
  acceptQuote: 'AM.....D',
  logActivity: 'AMS....D',
  createTask: 'AMS....D',
  updateTask: 'AMS....D',
  listTasks: 'AM.....D',
  writeMeetingReport: 'AM.....D',
  correctMeetingReport: 'AM.....D',
  getMeetingReport: 'AM.....D',
};
const letters: Record<Role, string> = {
  advisor: 'A',
  branch_manager: 'M',
  service_agent: 'S',
  compliance_officer: 'C',
  privacy_officer: 'P',
  marketer: 'K',
  analyst: 'N',
  admin: 'D',
};
const mayCall = (id: RouteId, role: Role) => grants[id].includes(letters[role]);

const callerFor = (role: Role) =>
  role === 'advisor' || role === 'branch_manager' ? staffMember(role, branchId) : staffMember(role);

describe.each(routes as readonly RouteDefinition[])('$method $path', (route) => {
  const sample = samples[route.id as RouteId];

  it('has the roles the product grants', () => {
    const expected = grants[route.id as RouteId];
    if (expected === 'public' || expected === 'writeKey') expect(route.roles).toBe(expected);
    else
      expect([...route.roles].sort()).toEqual(
        allRoles.filter((role) => mayCall(route.id as RouteId, role)).sort(),
      );
  });

  if (route.roles === 'public') {
    it('answers without a token', async () => {
      const response = await anonymous().request(route.method, sample('admin').path);
      expect(response.status).toBe(route.response.status);
    });
    return;
  }

  it(
    route.roles === 'writeKey'
      ? 'refuses a request without a write key (401)'
      : 'refuses a request without a token (401)',
    async () => {
      const { path, body } = sample('admin');
      const response = await anonymous().request(route.method, path, { body });
      expect(response.status).toBe(401);
      const answer = { status: 401, contentType: response.headers.get('content-type'), body: response.body };
      expect(contractViolation(route.method, route.path, answer)).toBeUndefined();
    },
  );

  it.each(allRoles)('%s', async (role) => {
    // Prepare
    const api = await as(callerFor(role));
    const { path, body, headers } = sample(role);
    // Act
    const response = await api.request(route.method, path, { body, headers });
    // Assess: write-key routes ignore the user's token; the channel's key decides.
    const answer = {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: response.body,
    };
    expect(
      contractViolation(route.method, route.path, answer),
      'the answer keeps the published contract',
    ).toBeUndefined();
    if (route.roles === 'writeKey' || mayCall(route.id as RouteId, role)) {
      expect(response.status, JSON.stringify(response.body)).toBe(route.response.status);
    } else {
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(JSON.stringify(response.body)).not.toContain(customer.lastName);
    }
  });
});

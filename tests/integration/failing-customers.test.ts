/**
 * What the customers context must refuse, through the local HTTP API against the emulator:
 * writes across branches, regulated fields as free input, references that do not exist or lie
 * outside the caller's branch, one caller's Idempotency-Key replaying another's answer, a lost
 * update at the database, and bodies or cursors that used to answer 500. And what it must
 * record: changes and refused attempts in the audit trail, KYC decisions with their reason.
 */
import { describe, expect, it } from 'vitest';
import type { Customer, CustomerSummary } from '#schemas/customers/customer.ts';
import type { Customer360 } from '#schemas/customers/customer-360.ts';
import { sandboxPerFile } from '../support/sandbox.ts';

const { bank, as, staffMember } = sandboxPerFile();

const [home, other] = bank.branches;
const advisor = staffMember('advisor', home!.id);
const manager = staffMember('branch_manager', home!.id);
const otherAdvisor = staffMember('advisor', other!.id);
const otherManager = staffMember('branch_manager', other!.id);
const homeCustomers = bank.customers.map((c) => c.customer).filter((c) => c.branchId === home!.id);
// Each test works on its own customer, so versions never collide between tests.
const customerFor = (n: number) => homeCustomers[n]!;

type Problem = { status: number; errors?: { field: string; message: string }[] };
type AuditItems = { items: { actorId: string; action: string }[] };

/**
 * The customer's audit trail once it holds a record of `actorId` doing `action` (records reach
 * the table through the audit writer's queue, a moment later), or as it is after 15 s.
 */
const auditOf = async (customerId: string, expected: { actorId: string; action: string }) => {
  const admin = await as('admin');
  const deadline = Date.now() + 15_000;
  for (;;) {
    const path = `/v1/customers/${customerId}/audit?limit=100`;
    const { items } = (await admin.request<AuditItems>('GET', path)).body;
    const found = items.some((item) => item.actorId === expected.actorId && item.action === expected.action);
    if (found || Date.now() > deadline) return items;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

describe('writes across branches', () => {
  it('refuses a PATCH and a consent change by an advisor of another branch, and changes nothing', async () => {
    // Prepare
    const customer = customerFor(0);
    const api = await as(otherAdvisor);
    // Act
    const patch = await api.request('PATCH', `/v1/customers/${customer.id}`, {
      body: { firstName: 'Intrus', version: 1 },
    });
    const consents = await api.request('PUT', `/v1/customers/${customer.id}/consents`, {
      body: { changes: [{ channel: 'email', purpose: 'marketing', granted: true, source: 'branch' }] },
      headers: { 'if-match': '"1"' },
    });
    const after = await (await as(advisor)).request<Customer>('GET', `/v1/customers/${customer.id}`);
    // Assess
    expect(patch.status).toBe(404);
    expect(consents.status).toBe(404);
    expect(after.body.firstName).toBe(customer.firstName);
    expect(after.body.version).toBe(1);
  });

  it('keeps a branch manager to the branch: refused reads and writes elsewhere, granted at home', async () => {
    // Prepare
    const customer = customerFor(1);
    const outsider = await as(otherManager);
    const own = await as(manager);
    // Act
    const read = await outsider.request('GET', `/v1/customers/${customer.id}/360`);
    const write = await outsider.request('PATCH', `/v1/customers/${customer.id}`, {
      body: { lastName: 'Ailleurs', version: 1 },
    });
    const kyc = await outsider.request('PUT', `/v1/customers/${customer.id}/kyc`, {
      body: { status: 'rejected', reason: 'Not my branch', version: 1 },
    });
    const list = await outsider.request('GET', `/v1/branches/${home!.id}/customers`);
    const granted = await own.request('GET', `/v1/customers/${customer.id}`);
    // Assess
    expect([read.status, write.status, kyc.status, list.status]).toEqual([404, 404, 404, 404]);
    expect(granted.status).toBe(200);
  });

  it('records refused attempts in the audit trail', async () => {
    const customer = customerFor(2);
    await (await as(otherAdvisor)).request('GET', `/v1/customers/${customer.id}`);
    expect(
      await auditOf(customer.id, { actorId: otherAdvisor.sub, action: 'customer.accessRefused' }),
    ).toContainEqual(
      expect.objectContaining({ actorId: otherAdvisor.sub, action: 'customer.accessRefused' }),
    );
  });
});

describe('regulated and relationship fields', () => {
  it.each(['kycStatus', 'segment', 'branchId', 'advisorId'])(
    'are not free fields of a PATCH: %s',
    async (field) => {
      const customer = customerFor(3);
      const response = await (await as('service_agent')).request<Problem>(
        'PATCH',
        `/v1/customers/${customer.id}`,
        {
          body: { [field]: field === 'kycStatus' ? 'rejected' : 'x', version: 1 },
        },
      );
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.errors)).toContain(field);
    },
  );

  it('refuses a KYC decision to a service agent and to an advisor', async () => {
    const customer = customerFor(3);
    const body = { status: 'rejected', reason: 'Looks suspicious', version: 1 };
    const agent = await (await as('service_agent')).request('PUT', `/v1/customers/${customer.id}/kyc`, {
      body,
    });
    const own = await (await as(advisor)).request('PUT', `/v1/customers/${customer.id}/kyc`, { body });
    expect([agent.status, own.status]).toEqual([403, 403]);
  });

  it('records a KYC decision by compliance with its reason, in the timeline and the audit trail', async () => {
    // Prepare
    const customer = customerFor(4);
    const compliance = staffMember('compliance_officer');
    const to = customer.kycStatus === 'to_review' ? 'verified' : 'to_review';
    // Act
    const decided = await (await as(compliance)).request<Customer>(
      'PUT',
      `/v1/customers/${customer.id}/kyc`,
      {
        body: { status: to, reason: 'Proof of address older than 3 months', version: 1 },
      },
    );
    const file = await (await as(advisor)).request<Customer360>('GET', `/v1/customers/${customer.id}/360`);
    // Assess
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ kycStatus: to, version: 2, updatedBy: compliance.sub });
    expect(file.body.timeline).toContainEqual(
      expect.objectContaining({
        type: 'KycStatusChanged',
        detail: expect.objectContaining({
          from: customer.kycStatus,
          to,
          reason: 'Proof of address older than 3 months',
        }),
      }),
    );
    expect(
      await auditOf(customer.id, { actorId: compliance.sub, action: 'customer.kycDecision' }),
    ).toContainEqual(expect.objectContaining({ actorId: compliance.sub, action: 'customer.kycDecision' }));
  });

  it('lets the branch manager record a KYC decision for the branch', async () => {
    const customer = customerFor(5);
    const response = await (await as(manager)).request<Customer>('PUT', `/v1/customers/${customer.id}/kyc`, {
      body: { status: 'to_review', reason: 'Identity document expired', version: 1 },
    });
    expect(response.status).toBe(200);
    expect(response.body.kycStatus).toBe('to_review');
  });
});

describe('the end of a business relationship', () => {
  // Customers of the branch past those the tests above use, prospects left out.
  const [ended, withdrawn, stale] = homeCustomers.slice(10).filter((c) => c.kind !== 'prospect');
  const prospect = homeCustomers.slice(10).find((c) => c.kind === 'prospect')!;
  const compliance = staffMember('compliance_officer');
  const relationship = async (who: Parameters<typeof as>[0], customerId: string, body: unknown) =>
    (await as(who)).request<Customer & Problem>('PUT', `/v1/customers/${customerId}/relationship`, { body });

  it('is recorded by compliance with its reason, in the file, the timeline and the audit trail', async () => {
    // Act
    const recorded = await relationship(compliance, ended!.id, {
      endedOn: '2026-11-30',
      reason: 'Tous les comptes clôturés à la demande du client',
      version: 1,
    });
    const file = await (await as(advisor)).request<Customer360>('GET', `/v1/customers/${ended!.id}/360`);
    // Assess
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ relationshipEndedOn: '2026-11-30', version: 2 });
    expect(file.body.customer.relationshipEndedOn).toBe('2026-11-30');
    expect(file.body.timeline).toContainEqual(
      expect.objectContaining({
        type: 'RelationshipEndRecorded',
        detail: expect.objectContaining({
          endedOn: '2026-11-30',
          reason: 'Tous les comptes clôturés à la demande du client',
        }),
      }),
    );
    expect(
      await auditOf(ended!.id, { actorId: compliance.sub, action: 'customer.relationshipEnd' }),
    ).toContainEqual(
      expect.objectContaining({ actorId: compliance.sub, action: 'customer.relationshipEnd' }),
    );
  });

  it('is withdrawn by the branch manager, and refused to an advisor and to a manager of another branch', async () => {
    // Prepare
    await relationship(manager, withdrawn!.id, {
      endedOn: '2026-10-01',
      reason: 'Compte clôturé',
      version: 1,
    });
    // Act
    const byAdvisor = await relationship(advisor, withdrawn!.id, {
      endedOn: null,
      reason: 'Erreur',
      version: 2,
    });
    const byOther = await relationship(otherManager, withdrawn!.id, {
      endedOn: null,
      reason: 'Erreur',
      version: 2,
    });
    const back = await relationship(manager, withdrawn!.id, {
      endedOn: null,
      reason: 'Clôture saisie par erreur',
      version: 2,
    });
    // Assess
    expect(byAdvisor.status).toBe(403);
    expect([403, 404]).toContain(byOther.status);
    expect(back.status).toBe(200);
    expect(back.body.version).toBe(3);
    expect(back.body.relationshipEndedOn).toBeUndefined();
  });

  it('refuses a day to come, a prospect, and a stale version', async () => {
    const future = await relationship(compliance, stale!.id, {
      endedOn: '2999-01-01',
      reason: 'Clôture',
      version: 1,
    });
    const ofProspect = await relationship(compliance, prospect.id, {
      endedOn: '2026-11-30',
      reason: 'Clôture',
      version: 1,
    });
    await relationship(compliance, stale!.id, { endedOn: '2026-11-02', reason: 'Clôture', version: 1 });
    const late = await relationship(compliance, stale!.id, {
      endedOn: '2026-11-03',
      reason: 'Clôture',
      version: 1,
    });
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body.errors)).toContain('endedOn');
    expect(ofProspect.status).toBe(400);
    expect(late.status).toBe(409);
  });
});

describe('assignments', () => {
  it('refuses an advisor of another branch, an unknown advisor, and a move by a branch manager', async () => {
    // Prepare
    const customer = customerFor(6);
    const api = await as(manager);
    const path = `/v1/customers/${customer.id}/assignment`;
    // Act
    const foreign = await api.request<Problem>('PUT', path, {
      body: { advisorId: otherAdvisor.sub, version: 1 },
    });
    const unknown = await api.request<Problem>('PUT', path, {
      body: { advisorId: 'nobody-here', version: 1 },
    });
    const move = await api.request('PUT', path, { body: { branchId: other!.id, version: 1 } });
    // Assess
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors?.[0]?.field).toBe('advisorId');
    expect(unknown.status).toBe(400);
    expect(move.status).toBe(403);
  });

  it("moves a customer out of the old advisor's portfolio when an administrator moves its branch", async () => {
    // Prepare
    // (past the customers the other tests change)
    const customer = homeCustomers.slice(10).find((c) => c.advisorId === advisor.sub)!;
    // Act
    const moved = await (await as('admin')).request<Customer>(
      'PUT',
      `/v1/customers/${customer.id}/assignment`,
      {
        body: { branchId: other!.id, advisorId: otherAdvisor.sub, version: customer.version },
      },
    );
    const oldPortfolio = await (await as(advisor)).request<{ items: CustomerSummary[] }>(
      'GET',
      `/v1/advisors/${advisor.sub}/customers?limit=100`,
    );
    const newPortfolio = await (await as(otherAdvisor)).request<{ items: CustomerSummary[] }>(
      'GET',
      `/v1/advisors/${otherAdvisor.sub}/customers?limit=100`,
    );
    // Assess
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ branchId: other!.id, advisorId: otherAdvisor.sub });
    expect(oldPortfolio.body.items.map((c) => c.id)).not.toContain(customer.id);
    expect(newPortfolio.body.items.map((c) => c.id)).toContain(customer.id);
    // A name search in the old branch no longer finds the customer; one in the new branch does.
    const byName = async (member: typeof advisor) =>
      (
        await (
          await as(member)
        ).request<{ items: CustomerSummary[] }>(
          'GET',
          `/v1/customers?q=${encodeURIComponent(customer.lastName)}&limit=100`,
        )
      ).body.items.map((c) => c.id);
    expect(await byName(advisor)).not.toContain(customer.id);
    expect(await byName(otherAdvisor)).toContain(customer.id);
  });

  it("lists the advisors of the manager's branch by name, and refuses another branch's", async () => {
    // Act
    const own = await (await as(manager)).request<{ items: { id: string; name: string }[] }>(
      'GET',
      `/v1/branches/${home!.id}/advisors`,
    );
    const foreign = await (await as(manager)).request('GET', `/v1/branches/${other!.id}/advisors`);
    // Assess: the branch's advisors and its manager, nobody else.
    const expected = bank.staff
      .filter((member) => member.branchId === home!.id)
      .filter((member) => member.roles.includes('advisor') || member.roles.includes('branch_manager'))
      .map((member) => member.sub)
      .sort();
    expect(own.status).toBe(200);
    expect(own.body.items.map((member) => member.id).sort()).toEqual(expected);
    expect(own.body.items.map((member) => member.id)).not.toContain(otherAdvisor.sub);
    expect(own.body.items.map((member) => member.id)).toContain(manager.sub);
    expect(own.body.items.map((member) => member.id)).toContain(advisor.sub);
    expect(foreign.status).toBe(403);
  });

  it('refuses to create a customer with an advisor of another branch, or in a branch that does not exist', async () => {
    const prospect = { kind: 'prospect', firstName: 'Léa', lastName: 'Nouvelle', segment: 'young' };
    const foreign = await (await as(advisor)).request<Problem>('POST', '/v1/customers', {
      body: { ...prospect, branchId: home!.id, advisorId: otherAdvisor.sub },
    });
    const nowhere = await (await as('admin')).request<Problem>('POST', '/v1/customers', {
      body: { ...prospect, branchId: 'br-atlantis' },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors?.[0]?.field).toBe('advisorId');
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.errors?.[0]?.field).toBe('branchId');
  });
});

describe('answers cut to their contract', () => {
  it('answers a lookup by e-mail with the summary only, not the contact points', async () => {
    const customer = homeCustomers.find((c) => c.contact.email)!;
    const found = await (await as(advisor)).request<{ items: Record<string, unknown>[] }>(
      'GET',
      `/v1/customers?email=${encodeURIComponent(customer.contact.email!)}`,
    );
    expect(found.body.items[0]?.id).toBe(customer.id);
    expect(Object.keys(found.body.items[0]!).sort()).not.toContain('contact');
    expect(Object.keys(found.body.items[0]!)).not.toContain('address');
  });

  it('records the customers a search result and a list showed in their audit trails', async () => {
    const customer = homeCustomers.find((c) => c.contact.email)!;
    const api = await as(advisor);
    await api.request('GET', `/v1/customers?email=${encodeURIComponent(customer.contact.email!)}`);
    await api.request('GET', `/v1/branches/${home!.id}/customers?limit=100`);
    // The two records reach the trail through the audit writer, in either order (two batches at once).
    await auditOf(customer.id, { actorId: advisor.sub, action: 'customer.search' });
    const trail = await auditOf(customer.id, { actorId: advisor.sub, action: 'customer.list' });
    expect(trail).toContainEqual(
      expect.objectContaining({ actorId: advisor.sub, action: 'customer.search' }),
    );
    expect(trail).toContainEqual(expect.objectContaining({ actorId: advisor.sub, action: 'customer.list' }));
  });

  it('records a PATCH in the audit trail', async () => {
    const customer = customerFor(7);
    const saved = await (await as(advisor)).request('PATCH', `/v1/customers/${customer.id}`, {
      body: { firstName: `${customer.firstName}e`, version: 1 },
    });
    expect(saved.status).toBe(200);
    expect(await auditOf(customer.id, { actorId: advisor.sub, action: 'customer.update' })).toContainEqual(
      expect.objectContaining({ actorId: advisor.sub, action: 'customer.update' }),
    );
  });
});

describe('idempotency', () => {
  it("never replays one caller's answer to another who used the same key", async () => {
    // Prepare
    const headers = { 'idempotency-key': 'shared-key-7d1e0c55' };
    const body = {
      kind: 'prospect',
      firstName: 'Jules',
      lastName: 'Partage',
      segment: 'young',
      branchId: home!.id,
    };
    // Act
    const first = await (await as(advisor)).request<Customer>('POST', '/v1/customers', { body, headers });
    const second = await (await as(manager)).request<Customer>('POST', '/v1/customers', { body, headers });
    // Assess
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.body.createdBy).toBe(manager.sub);
  });
});

describe('a lost update at the database', () => {
  it('is refused by the version condition even when the check before it passed', async () => {
    // Prepare: two users read version 1; the first saves.
    const customer = customerFor(8);
    const { replaceCustomer } = await import('#functions/customers/store/customers-store.ts');
    const { domainEvent } = await import('#shared/outbox.ts');
    const { CustomerUpdated } = await import('#schemas/events/customer-updated.ts');
    const caller = { id: advisor.sub, name: advisor.name, roles: advisor.roles, branchId: home!.id };
    const read = (await (await as(advisor)).request<Customer>('GET', `/v1/customers/${customer.id}`)).body;
    const saved = await (await as(advisor)).request('PATCH', `/v1/customers/${customer.id}`, {
      body: { firstName: 'Premier', version: read.version },
    });
    expect(saved.status).toBe(200);
    // Act: the second writes from the version it read, past any check in the handler.
    const next = { ...read, firstName: 'Second', version: read.version + 1 };
    const event = domainEvent(
      CustomerUpdated,
      { customerId: read.id, branchId: read.branchId, changedFields: ['firstName'], version: next.version },
      caller,
      new Date().toISOString(),
    );
    const lost = replaceCustomer(read, next, event);
    // Assess
    await expect(lost).rejects.toThrow(/changed by someone else/);
    const after = await (await as(advisor)).request<Customer>('GET', `/v1/customers/${customer.id}`);
    expect(after.body.firstName).toBe('Premier');
  });
});

describe('requests that used to answer 500', () => {
  it('refuses a cursor of another list, and a made-up one (400)', async () => {
    const api = await as(advisor);
    const page = await api.request<{ nextCursor: string }>(
      'GET',
      `/v1/branches/${home!.id}/customers?limit=2`,
    );
    const foreign = await api.request<Problem>(
      'GET',
      `/v1/advisors/${advisor.sub}/customers?cursor=${page.body.nextCursor}`,
    );
    const madeUp = Buffer.from(JSON.stringify({ pk: 'x', hack: 1 })).toString('base64url');
    const forged = await api.request<Problem>('GET', `/v1/branches/${home!.id}/customers?cursor=${madeUp}`);
    const garbage = await api.request<Problem>('GET', `/v1/branches/${home!.id}/customers?cursor=%%%`);
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors?.[0]?.field).toBe('cursor');
    expect(forged.status).toBe(400);
    expect([400, 404]).toContain(garbage.status);
  });

  it('refuses a name holding a lone UTF-16 surrogate (400)', async () => {
    const customer = customerFor(9);
    const response = await (await as(advisor)).request<Problem>('PATCH', `/v1/customers/${customer.id}`, {
      rawBody: '{"firstName":"Jean\\ud800","version":1}',
    });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.field).toBe('firstName');
  });

  it('refuses a deeply nested body sent with an Idempotency-Key (400)', async () => {
    const nested = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const response = await (await as(advisor)).request<Problem>('POST', '/v1/customers', {
      rawBody: nested,
      headers: { 'idempotency-key': 'deep-body-0001' },
    });
    expect(response.status).toBe(400);
  });
});

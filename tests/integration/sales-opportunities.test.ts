/**
 * Opportunities through the local HTTP API against the emulator: opening one for a customer of
 * the caller's branch (owner, first stage and probability, history, event in the customer's
 * timeline, audit), once per Idempotency-Key; what is refused (another branch's customer or
 * owner, an owner who does not exist, a campaign without its id); and the pipeline columns by
 * owner, branch and month, within the caller's branch only.
 */
import { describe, expect, it } from 'vitest';
import type { Customer360 } from '#schemas/customers/customer-360.ts';
import type { TimelineEntry } from '#schemas/customers/timeline.ts';
import type { Opportunity } from '#schemas/sales/opportunity.ts';
import { sandboxPerFile } from '../support/sandbox.ts';

const { bank, as, staffMember } = sandboxPerFile();

const [home, other] = bank.branches;
const advisor = staffMember('advisor', home!.id);
const manager = staffMember('branch_manager', home!.id);
const otherAdvisor = staffMember('advisor', other!.id);
const homeCustomers = bank.customers.map((c) => c.customer).filter((c) => c.branchId === home!.id);
const otherCustomer = bank.customers.map((c) => c.customer).find((c) => c.branchId === other!.id)!;

type Problem = { status: number; errors?: { field: string; message: string }[] };
type Page = { items: Opportunity[]; nextCursor?: string };

const carLoan = {
  productCode: 'pret-auto',
  amountCents: 1_500_000,
  expectedCloseOn: '2027-01-29',
  source: 'branch',
};

const open = async (
  customerId: string,
  body: Record<string, unknown> = carLoan,
  caller = advisor,
  headers?: Record<string, string>,
) =>
  (await as(caller)).request<Opportunity & Problem>('POST', `/v1/customers/${customerId}/opportunities`, {
    body,
    ...(headers ? { headers } : {}),
  });

/** Reads until `check` passes or 15 s went by (audit records and events arrive a moment later). */
const eventually = async <T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> => {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

/** The customer's history once it holds an entry of `type` (the stream brings it a moment later). */
const historyWith = async (customerId: string, type: string) => {
  const api = await as(advisor);
  return eventually(
    async () =>
      (await api.request<{ items: TimelineEntry[] }>('GET', `/v1/customers/${customerId}/timeline`)).body,
    (page) => page.items.some((entry) => entry.type === type),
  );
};

/** Whether the customer's audit trail holds `record` (it arrives through a queue: waits up to 15 s). */
const auditShows = async (customerId: string, record: { action: string; actorId: string }) => {
  const admin = await as('admin');
  const trail = await eventually(
    async () =>
      (
        await admin.request<{ items: { action: string; actorId: string }[] }>(
          'GET',
          `/v1/customers/${customerId}/audit?limit=100`,
        )
      ).body,
    (page) => page.items.some((item) => item.action === record.action && item.actorId === record.actorId),
  );
  return trail.items.some((item) => item.action === record.action && item.actorId === record.actorId);
};

describe('opening an opportunity', () => {
  it("gives it to the calling advisor at the first stage of the product's pipeline, with its first history line", async () => {
    const customer = homeCustomers[0]!;
    const { status, body } = await open(customer.id);
    expect(status).toBe(201);
    expect(body).toMatchObject({
      customerId: customer.id,
      branchId: home!.id,
      ownerId: advisor.sub,
      productCode: 'pret-auto',
      family: 'loan',
      title: 'Crédit auto',
      amountCents: 1_500_000,
      stage: 'qualification',
      probabilityPercent: 10,
      version: 1,
      history: [{ to: 'qualification', by: advisor.sub }],
    });
    const read = await (await as(manager)).request<Opportunity>(
      'GET',
      `/v1/customers/${customer.id}/opportunities/${body.id}`,
    );
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(body.id);
  });

  it('opens one opportunity for one Idempotency-Key, however often it is sent', async () => {
    const customer = homeCustomers[1]!;
    const headers = { 'Idempotency-Key': `deal-${Date.now()}` };
    const first = await open(customer.id, carLoan, advisor, headers);
    const again = await open(customer.id, carLoan, advisor, headers);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const column = await (await as(advisor)).request<Page>(
      'GET',
      `/v1/opportunities?stage=qualification&ownerId=${advisor.sub}&limit=100`,
    );
    expect(column.body.items.filter((item) => item.customerId === customer.id)).toHaveLength(1);
  });

  it('puts OpportunityCreated in the customer’s history and the opening in the audit trail', async () => {
    const customer = homeCustomers[2]!;
    const { body } = await open(customer.id);
    const timeline = await historyWith(customer.id, 'OpportunityCreated');
    expect(timeline.items.find((entry) => entry.type === 'OpportunityCreated')?.detail).toMatchObject({
      opportunityId: body.id,
      amountCents: 1_500_000,
    });
    expect(await auditShows(customer.id, { action: 'opportunity.create', actorId: advisor.sub })).toBe(true);
  });

  it("refuses another branch's customer as if it did not exist, and records the attempt", async () => {
    expect((await open(otherCustomer.id)).status).toBe(404);
    expect(
      await auditShows(otherCustomer.id, { action: 'customer.accessRefused', actorId: advisor.sub }),
    ).toBe(true);
  });

  it('refuses an owner of another branch, one who does not exist, and a campaign without its id', async () => {
    const customer = homeCustomers[3]!;
    const foreignOwner = await open(customer.id, { ...carLoan, ownerId: otherAdvisor.sub });
    expect(foreignOwner.status).toBe(400);
    expect(foreignOwner.body.errors?.map((error) => error.field)).toEqual(['ownerId']);
    expect((await open(customer.id, { ...carLoan, ownerId: 'st-nobody' })).status).toBe(400);
    const campaign = await open(customer.id, { ...carLoan, source: 'campaign' });
    expect(campaign.body.errors?.map((error) => error.field)).toEqual(['campaignId']);
    expect((await open(customer.id, { ...carLoan, productCode: 'pret-lune' })).body.errors?.[0]?.field).toBe(
      'productCode',
    );
  });
});

describe('a pipeline column', () => {
  it("lists a branch's deals at a stage, and a month of them", async () => {
    const customer = homeCustomers[4]!;
    const { body: january } = await open(customer.id, { ...carLoan, expectedCloseOn: '2027-01-15' });
    const { body: march } = await open(customer.id, { ...carLoan, expectedCloseOn: '2027-03-15' });
    const column = async (query: string) =>
      (
        await (
          await as(manager)
        ).request<Page>('GET', `/v1/opportunities?stage=qualification&${query}&limit=100`)
      ).body.items.map((item) => item.id);
    const all = await column(`branchId=${home!.id}`);
    expect(all).toEqual(expect.arrayContaining([january.id, march.id]));
    const inJanuary = await column(`branchId=${home!.id}&closeMonth=2027-01`);
    expect(inJanuary).toContain(january.id);
    expect(inJanuary).not.toContain(march.id);
  });

  it("refuses another branch's pipeline or advisor as if they did not exist, and a query naming both or neither", async () => {
    const list = async (query: string) =>
      (await (await as(advisor)).request<Problem>('GET', `/v1/opportunities?stage=qualification&${query}`))
        .status;
    expect(await list(`branchId=${other!.id}`)).toBe(404);
    expect(await list(`ownerId=${otherAdvisor.sub}`)).toBe(404);
    expect(await list('ownerId=st-nobody')).toBe(404);
    expect(await list(`ownerId=${advisor.sub}&branchId=${home!.id}`)).toBe(400);
    expect(
      (await (await as(advisor)).request<Problem>('GET', '/v1/opportunities?stage=qualification')).status,
    ).toBe(400);
  });

  it("hides another branch's deal from an advisor, by its customer", async () => {
    const { body } = await open(otherCustomer.id, carLoan, otherAdvisor);
    const read = await (await as(advisor)).request<Problem>(
      'GET',
      `/v1/customers/${otherCustomer.id}/opportunities/${body.id}`,
    );
    expect(read.status).toBe(404);
  });
});

describe('moving an opportunity', () => {
  const move = async (deal: Opportunity, body: Record<string, unknown>, caller = advisor) =>
    (await as(caller)).request<Opportunity & Problem & { currentVersion?: number }>(
      'POST',
      `/v1/customers/${deal.customerId}/opportunities/${deal.id}/stage`,
      { body },
    );

  it('moves it one stage on from the version read, and answers a 409 with the new version to whoever read the old one', async () => {
    const { body: deal } = await open(homeCustomers[5]!.id);
    const moved = await move(deal, { to: 'needs_analysis', version: 1 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ stage: 'needs_analysis', probabilityPercent: 25, version: 2 });
    expect(moved.body.history.map((line) => `${line.from ?? ''}>${line.to}`)).toEqual([
      '>qualification',
      'qualification>needs_analysis',
    ]);
    const late = await move(deal, { to: 'lost', lostReason: 'price', version: 1 }, manager);
    expect(late.status).toBe(409);
    expect(late.body.currentVersion).toBe(2);
    expect((await move(deal, { to: 'proposal' })).status).toBe(428);
  });

  it('refuses a skipped stage and a loss without its reason, naming the field', async () => {
    const { body: deal } = await open(homeCustomers[6]!.id);
    const skipped = await move(deal, { to: 'proposal', version: 1 });
    expect(skipped.status).toBe(400);
    expect(skipped.body.errors).toEqual([
      { field: 'to', message: 'a deal at qualification may move to needs_analysis, lost' },
    ]);
    expect((await move(deal, { to: 'lost', version: 1 })).body.errors?.[0]?.field).toBe('lostReason');
  });

  it('wins a savings deal through its pipeline, closed today, with OpportunityWon in the history', async () => {
    const customer = homeCustomers[7]!;
    const { body: opened } = await open(customer.id, {
      ...carLoan,
      productCode: 'livret-a',
      amountCents: 500_000,
    });
    let deal = opened;
    for (const to of ['needs_analysis', 'proposal', 'won']) {
      const moved = await move(deal, { to, version: deal.version });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      deal = moved.body;
    }
    expect(deal).toMatchObject({
      stage: 'won',
      probabilityPercent: 100,
      closedOn: new Date().toISOString().slice(0, 10),
    });
    const timeline = await historyWith(customer.id, 'OpportunityWon');
    expect(timeline.items.filter((entry) => entry.type === 'OpportunityStageChanged')).toHaveLength(3);
    // Won, it leaves the qualification column for the won one.
    const won = await (await as(manager)).request<Page>(
      'GET',
      `/v1/opportunities?stage=won&branchId=${home!.id}&limit=100`,
    );
    expect(won.body.items.map((item) => item.id)).toContain(deal.id);
  });

  it("refuses to move another branch's deal as if it did not exist", async () => {
    const { body: deal } = await open(otherCustomer.id, carLoan, otherAdvisor);
    expect((await move(deal, { to: 'needs_analysis', version: 1 })).status).toBe(404);
  });

  it('is refused by the version condition at the database even when the check before it passed', async () => {
    // Prepare: two users read version 1; the first moves it.
    const { body: read } = await open(homeCustomers[8]!.id);
    expect((await move(read, { to: 'needs_analysis', version: 1 })).status).toBe(200);
    // Act: the second writes from the version it read, past any check in the handler.
    const { replaceOpportunity } = await import('#functions/sales/store/opportunities-store.ts');
    const written = await replaceOpportunity(
      read,
      { ...read, stage: 'lost', lostReason: 'price', version: 2 },
      [],
    );
    // Assess
    expect(written).toBe(false);
    const after = await (await as(advisor)).request<Opportunity>(
      'GET',
      `/v1/customers/${read.customerId}/opportunities/${read.id}`,
    );
    expect(after.body.stage).toBe('needs_analysis');
  });
});

describe("the customer file's open deals", () => {
  it('shows the open deals, soonest first, to the branch network, and no deal to the contact centre', async () => {
    const customer = homeCustomers[9]!;
    const { body: later } = await open(customer.id, { ...carLoan, expectedCloseOn: '2027-06-30' });
    const { body: sooner } = await open(customer.id, {
      ...carLoan,
      productCode: 'livret-a',
      expectedCloseOn: '2027-02-01',
    });
    const { body: lost } = await open(customer.id, carLoan);
    await (await as(advisor)).request('POST', `/v1/customers/${customer.id}/opportunities/${lost.id}/stage`, {
      body: { to: 'lost', lostReason: 'no_response', version: 1 },
    });
    const file = async (caller: Parameters<typeof as>[0]) =>
      (await (await as(caller)).request<Customer360>('GET', `/v1/customers/${customer.id}/360`)).body;
    const seen = await file(advisor);
    expect(seen.openOpportunities?.map((deal) => deal.id)).toEqual([sooner.id, later.id]);
    expect(seen.openOpportunities?.[0]).toMatchObject({
      title: 'Livret A',
      stage: 'qualification',
      probabilityPercent: 20,
    });
    expect((await file(manager)).openOpportunities).toHaveLength(2);
    const agent = await file('service_agent');
    expect(agent.customer.id).toBe(customer.id);
    expect(agent.openOpportunities).toBeUndefined();
    expect((await file('compliance_officer')).openOpportunities).toBeUndefined();
  });
});

describe("changing an open deal's details", () => {
  const patch = async (
    deal: Opportunity,
    body: Record<string, unknown>,
    caller: Parameters<typeof as>[0] = advisor,
  ) =>
    (await as(caller)).request<Opportunity & Problem & { currentVersion?: number }>(
      'PATCH',
      `/v1/customers/${deal.customerId}/opportunities/${deal.id}`,
      { body },
    );
  const ownerColumn = async (ownerId: string) =>
    (
      await (
        await as(manager)
      ).request<Page>('GET', `/v1/opportunities?stage=qualification&ownerId=${ownerId}&limit=100`)
    ).body.items.map((item) => item.id);

  it('lets the branch manager give a deal to another advisor of the branch, whose pipeline then holds it', async () => {
    const colleague = bank.staff.find(
      (member) =>
        member.roles.includes('advisor') && member.branchId === home!.id && member.sub !== advisor.sub,
    )!;
    const { body: deal } = await open(homeCustomers[10]!.id);
    const given = await patch(deal, { ownerId: colleague.sub, amountCents: 1_800_000, version: 1 }, manager);
    expect(given.status).toBe(200);
    expect(given.body).toMatchObject({ ownerId: colleague.sub, amountCents: 1_800_000, version: 2 });
    expect(await ownerColumn(colleague.sub)).toContain(deal.id);
    expect(await ownerColumn(advisor.sub)).not.toContain(deal.id);
  });

  it('lets an advisor change the amount but not the owner, nor give it outside the branch, nor from a stale version', async () => {
    const { body: deal } = await open(homeCustomers[11]!.id);
    expect((await patch(deal, { ownerId: manager.sub, version: 1 })).status).toBe(403);
    const foreign = await patch(deal, { ownerId: otherAdvisor.sub, version: 1 }, manager);
    expect(foreign.body.errors?.map((error) => error.field)).toEqual(['ownerId']);
    const changed = await patch(deal, { expectedCloseOn: '2027-03-31', version: 1 });
    expect(changed.body).toMatchObject({ expectedCloseOn: '2027-03-31', version: 2 });
    const stale = await patch(deal, { amountCents: 100_000, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
  });

  it("refuses a change of another branch's deal by this branch's advisor or manager, as if it did not exist; an admin may", async () => {
    const { body: deal } = await open(otherCustomer.id, carLoan, otherAdvisor);
    expect((await patch(deal, { amountCents: 100_000, version: 1 }, manager)).status).toBe(404);
    expect((await patch(deal, { amountCents: 100_000, version: 1 }, advisor)).status).toBe(404);
    const admin = await patch(deal, { amountCents: 100_000, version: 1 }, 'admin');
    expect(admin.status).toBe(200);
  });

  it('leaves a closed deal as it was', async () => {
    const { body: deal } = await open(homeCustomers[11]!.id);
    await (await as(advisor)).request(
      'POST',
      `/v1/customers/${deal.customerId}/opportunities/${deal.id}/stage`,
      {
        body: { to: 'lost', lostReason: 'price', version: 1 },
      },
    );
    expect((await patch(deal, { amountCents: 100_000, version: 2 })).status).toBe(400);
  });
});

/**
 * The customers context through the local HTTP API, against the emulator: search, the customer
 * file and its scope, creation with Idempotency-Key, updates with optimistic concurrency, the
 * audit trail, pagination, and the domain events reaching the bus through the table stream.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectVersionsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import type { Customer, CustomerSummary } from '#schemas/customers/customer.ts';
import type { Customer360 } from '#schemas/customers/customer-360.ts';
import { type BusEvent, spyOnBus } from '../support/bus-spy.ts';
import { sandboxPerFile } from '../support/sandbox.ts';

const { bank, as, staffMember, sandbox } = sandboxPerFile();

const [home, other] = bank.branches;
const advisor = staffMember('advisor', home!.id);
const outsider = staffMember('advisor', other!.id);
const withAccent = bank.customers.find(
  (c) => c.customer.branchId === home!.id && /[À-ÿ]/.test(c.customer.lastName) && c.holdings.length > 0,
)?.customer;
const someone = bank.customers.find((c) => c.customer.branchId === home!.id && c.holdings.length > 0)!;
const target = withAccent ?? someone.customer;

const newProspect = (lastName: string) => ({
  kind: 'prospect',
  firstName: 'Zoé',
  lastName,
  segment: 'young',
  branchId: home!.id,
  contact: { email: `${lastName.toLowerCase()}@exemple.fr`, mobilePhone: '+33611223344' },
});

describe('finding a customer', () => {
  it('finds customers by name prefix, ignoring accents and case', async () => {
    // Prepare
    const api = await as(advisor);
    const typed = target.lastName
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .slice(0, 4)
      .toUpperCase();
    // Act
    const found = await api.request<{ items: CustomerSummary[] }>(
      'GET',
      `/v1/customers?q=${encodeURIComponent(typed)}`,
    );
    // Assess
    expect(found.status).toBe(200);
    expect(found.body.items.map((c) => c.id)).toContain(target.id);
    expect(found.body.items.every((c) => c.branchId === home!.id)).toBe(true);
  });

  it('finds a customer by first name, company, or a name typed without apostrophes or spaces, and follows a rename', async () => {
    // Prepare: a professional with a composite name and a company.
    const api = await as(advisor);
    const created = (
      await api.request<Customer>('POST', '/v1/customers', {
        body: {
          ...newProspect("Le Goff-N'Diaye"),
          kind: 'professional',
          firstName: 'Éloïse',
          companyName: 'Boulangerie du Quai',
          contact: { email: 'eloise@boulangerie-du-quai.fr' },
        },
      })
    ).body;
    const ids = async (q: string) =>
      (
        await api.request<{ items: CustomerSummary[] }>('GET', `/v1/customers?q=${encodeURIComponent(q)}`)
      ).body.items
        .filter((c) => c.id === created.id)
        .map((c) => c.lastName);
    // Act and assess: each way a person types it finds the customer, once.
    for (const typed of [
      'legoff',
      'Le Goff',
      'ndiaye',
      "N'Diaye",
      'eloise le',
      'Éloïse',
      'boulangerie',
      'quai',
    ]) {
      expect(await ids(typed), typed).toEqual(["Le Goff-N'Diaye"]);
    }
    // Act: a rename.
    await api.request('PATCH', `/v1/customers/${created.id}`, {
      body: { lastName: 'Kerbrat', version: created.version },
    });
    // Assess: the new name finds the customer with its new summary, the old one no longer does.
    expect(await ids('kerbrat')).toEqual(['Kerbrat']);
    expect(await ids('eloise')).toEqual(['Kerbrat']);
    expect(await ids('legoff')).toEqual([]);
  });

  it('finds a customer by exact e-mail and by customer number', async () => {
    const api = await as(advisor);
    const withEmail = bank.customers.find(
      (c) => c.customer.branchId === home!.id && c.customer.contact.email,
    )!.customer;
    const byEmail = await api.request<{ items: CustomerSummary[] }>(
      'GET',
      `/v1/customers?email=${encodeURIComponent(withEmail.contact.email!.toUpperCase())}`,
    );
    const byNumber = await api.request<{ items: CustomerSummary[] }>(
      'GET',
      `/v1/customers?number=${withEmail.customerNumber}`,
    );
    expect(byEmail.body.items.map((c) => c.id)).toContain(withEmail.id);
    expect(byNumber.body.items.map((c) => c.id)).toEqual([withEmail.id]);
  });

  it('never shows an advisor the customers of another branch', async () => {
    // Prepare
    const api = await as(outsider);
    // Act
    const file = await api.request('GET', `/v1/customers/${target.id}/360`);
    const profile = await api.request('GET', `/v1/customers/${target.id}`);
    const timeline = await api.request('GET', `/v1/customers/${target.id}/timeline`);
    const search = await api.request<{ items: CustomerSummary[] }>(
      'GET',
      `/v1/customers?number=${target.customerNumber}`,
    );
    // Assess
    expect(file.status).toBe(404);
    expect(profile.status).toBe(404);
    expect(timeline.status).toBe(404);
    expect(JSON.stringify(file.body)).not.toContain(target.lastName);
    expect(search.body.items).toEqual([]);
  });

  it('lets a service agent open a customer of any branch', async () => {
    const api = await as('service_agent');
    const file = await api.request<Customer360>('GET', `/v1/customers/${target.id}/360`);
    expect(file.status).toBe(200);
  });

  it('pages through a branch with a cursor, without repeating anyone', async () => {
    const api = await as(advisor);
    const first = await api.request<{ items: CustomerSummary[]; nextCursor?: string }>(
      'GET',
      `/v1/branches/${home!.id}/customers?limit=5`,
    );
    const second = await api.request<{ items: CustomerSummary[] }>(
      'GET',
      `/v1/branches/${home!.id}/customers?limit=5&cursor=${first.body.nextCursor}`,
    );
    expect(first.body.items).toHaveLength(5);
    expect(first.body.nextCursor).toBeDefined();
    const ids = [...first.body.items, ...second.body.items].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("lists an advisor's portfolio", async () => {
    const api = await as(advisor);
    const portfolio = await api.request<{ items: CustomerSummary[] }>(
      'GET',
      `/v1/advisors/${advisor.sub}/customers?limit=100`,
    );
    const expected = bank.customers.filter((c) => c.customer.advisorId === advisor.sub).length;
    expect(portfolio.body.items).toHaveLength(expected);
  });
});

describe('the customer file (360°)', () => {
  it('returns profile, holdings, consents and timeline in one answer', async () => {
    // Prepare
    const api = await as(advisor);
    const seeded = bank.customers.find((c) => c.customer.id === target.id)!;
    // Act
    const file = await api.request<Customer360>('GET', `/v1/customers/${target.id}/360`);
    // Assess
    expect(file.status).toBe(200);
    expect(file.body.customer.lastName).toBe(target.lastName);
    expect(file.body.advisor?.name).toBe(bank.staff.find((m) => m.sub === target.advisorId)?.name);
    expect(file.body.holdings).toHaveLength(seeded.holdings.length);
    expect(file.body.consents.items).toHaveLength(10);
    expect(file.body.timeline[0]?.type).toBeDefined();
    expect(file.body.timeline.map((e) => e.type)).toContain('CustomerCreated');
  });

  it('records who read the file, when and why, for the admin to see', async () => {
    // Prepare
    const api = await as(advisor);
    // Act
    await api.request('GET', `/v1/customers/${target.id}`, {
      headers: { 'x-access-reason': 'customer_meeting' },
    });
    // (the record reaches the trail through the audit writer's queue, a moment later)
    const admin = await as('admin');
    type Trail = { items: { actorId: string; reason: string; action: string }[] };
    let trail = await admin.request<Trail>('GET', `/v1/customers/${target.id}/audit`);
    for (
      let tries = 0;
      tries < 60 && !trail.body.items.some((r) => r.actorId === advisor.sub && r.action === 'customer.read');
      tries++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      trail = await admin.request<Trail>('GET', `/v1/customers/${target.id}/audit`);
    }
    // Assess
    expect(trail.body.items).toContainEqual(
      expect.objectContaining({ actorId: advisor.sub, reason: 'customer_meeting', action: 'customer.read' }),
    );
  });

  it('keeps the record in the locked archive too, where nobody can delete it', async () => {
    // Prepare: a read with a reason of its own, to find its record.
    const api = await as(advisor);
    await api.request('GET', `/v1/customers/${target.id}`, {
      headers: { 'x-access-reason': 'service_request' },
    });
    await sandbox().idle();
    const bucket = sandbox().resources.buckets.auditArchive;
    const s3 = new S3Client({ forcePathStyle: true });
    // Act
    const versions =
      (await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: 'records/' }))).Versions ?? [];
    const bodies = await Promise.all(
      versions.map(async (version) => ({
        version,
        text: await (
          await s3.send(
            new GetObjectCommand({ Bucket: bucket, Key: version.Key, VersionId: version.VersionId }),
          )
        ).Body!.transformToString(),
      })),
    );
    const holding = bodies.find(({ text }) =>
      text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { customerId: string; reason?: string; actorId: string })
        .some(
          (r) => r.customerId === target.id && r.reason === 'service_request' && r.actorId === advisor.sub,
        ),
    );
    // Assess: the record is archived, and its object version cannot be deleted.
    expect(holding).toBeDefined();
    await expect(
      s3.send(
        new DeleteObjectCommand({
          Bucket: bucket,
          Key: holding!.version.Key,
          VersionId: holding!.version.VersionId,
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('refuses an unknown access reason', async () => {
    const api = await as(advisor);
    const response = await api.request<{ errors: { field: string }[] }>('GET', `/v1/customers/${target.id}`, {
      headers: { 'x-access-reason': 'curiosity' },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors[0]?.field).toBe('X-Access-Reason');
  });
});

describe('the customer history', () => {
  it('shows the 20 latest entries in the file and pages back through the rest, newest first, none twice', async () => {
    // Prepare: a creation and 24 changes, 25 entries.
    const api = await as(advisor);
    let customer = (await api.request<Customer>('POST', '/v1/customers', { body: newProspect('Historique') }))
      .body;
    for (let n = 1; n <= 24; n++) {
      customer = (
        await api.request<Customer>('PATCH', `/v1/customers/${customer.id}`, {
          body: { firstName: `Zoé-${n}`, version: customer.version },
        })
      ).body;
    }
    // Act
    const file = (await api.request<Customer360>('GET', `/v1/customers/${customer.id}/360`)).body;
    const older = await api.request<{ items: Customer360['timeline']; nextCursor?: string }>(
      'GET',
      `/v1/customers/${customer.id}/timeline?limit=10&cursor=${file.timelineCursor}`,
    );
    // Assess: 20 + 5, newest first, the creation last.
    expect(file.timeline).toHaveLength(20);
    expect(older.status).toBe(200);
    const all = [...file.timeline, ...older.body.items];
    expect(all).toHaveLength(25);
    expect(new Set(all.map((entry) => entry.id)).size).toBe(25);
    expect(all.map((entry) => entry.occurredAt)).toEqual(
      [...all.map((entry) => entry.occurredAt)].sort().reverse(),
    );
    expect(all.at(-1)?.type).toBe('CustomerCreated');
    expect(older.body.nextCursor).toBeUndefined();
  });
});

describe('creating a customer', () => {
  it('creates once per Idempotency-Key, however often the request is retried', async () => {
    // Prepare
    const api = await as(advisor);
    const body = newProspect('Idempotent');
    const headers = { 'idempotency-key': 'create-3f1c2b9e-0001' };
    // Act
    const first = await api.request<Customer>('POST', '/v1/customers', { body, headers });
    const retry = await api.request<Customer>('POST', '/v1/customers', { body, headers });
    const search = await api.request<{ items: CustomerSummary[] }>('GET', '/v1/customers?q=idempotent');
    // Assess
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(search.body.items).toHaveLength(1);
  });

  it('refuses the same Idempotency-Key with another body (422)', async () => {
    const api = await as(advisor);
    const headers = { 'idempotency-key': 'create-3f1c2b9e-0002' };
    await api.request('POST', '/v1/customers', { body: newProspect('Premier'), headers });
    const reused = await api.request('POST', '/v1/customers', { body: newProspect('Second'), headers });
    expect(reused.status).toBe(422);
  });

  it('names each invalid field (400) and writes nothing', async () => {
    const api = await as(advisor);
    const response = await api.request<{ errors: { field: string }[] }>('POST', '/v1/customers', {
      body: { ...newProspect('Invalide'), contact: { email: 'not-an-email' }, segment: 'vip' },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e) => e.field).sort()).toEqual(['contact.email', 'segment']);
    const search = await api.request<{ items: unknown[] }>('GET', '/v1/customers?q=invalide');
    expect(search.body.items).toEqual([]);
  });

  it('refuses an advisor creating a customer in another branch', async () => {
    const api = await as(outsider);
    const response = await api.request('POST', '/v1/customers', { body: newProspect('Ailleurs') });
    expect(response.status).toBe(403);
  });
});

describe('updating a customer', () => {
  it('saves a change and answers the new version; a stale version is a 409', async () => {
    // Prepare
    const api = await as(advisor);
    const created = (
      await api.request<Customer>('POST', '/v1/customers', { body: newProspect('Versionnee') })
    ).body;
    // Act
    const saved = await api.request<Customer>('PATCH', `/v1/customers/${created.id}`, {
      body: { contact: { email: 'nouvelle@exemple.fr' }, version: created.version },
    });
    const stale = await api.request<{ currentVersion: number }>('PATCH', `/v1/customers/${created.id}`, {
      body: { lastName: 'Perdue' },
      headers: { 'if-match': `"${created.version}"` },
    });
    const reread = await api.request<Customer>('GET', `/v1/customers/${created.id}`);
    // Assess
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(created.version + 1);
    expect(saved.headers.get('etag')).toBe(`"${created.version + 1}"`);
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(created.version + 1);
    expect(reread.body.lastName).toBe('Versionnee');
    expect(reread.body.contact.email).toBe('nouvelle@exemple.fr');
  });

  it('asks for the version read (428) rather than risk losing a change', async () => {
    const api = await as(advisor);
    const response = await api.request('PATCH', `/v1/customers/${target.id}`, { body: { firstName: 'X' } });
    expect(response.status).toBe(428);
  });

  it('finds the customer under the new e-mail, not the old one', async () => {
    const api = await as(advisor);
    const created = (await api.request<Customer>('POST', '/v1/customers', { body: newProspect('Demenage') }))
      .body;
    await api.request('PATCH', `/v1/customers/${created.id}`, {
      body: { contact: { email: 'demenage.nouveau@exemple.fr' }, version: 1 },
    });
    const byOld = await api.request<{ items: unknown[] }>('GET', '/v1/customers?email=demenage@exemple.fr');
    const byNew = await api.request<{ items: { id: string }[] }>(
      'GET',
      '/v1/customers?email=demenage.nouveau@exemple.fr',
    );
    expect(byOld.body.items).toEqual([]);
    expect(byNew.body.items.map((c) => c.id)).toEqual([created.id]);
  });
});

describe('domain events', () => {
  it('reach the bus from the table stream: created, updated, consent changed', async () => {
    // Prepare
    const spy = await spyOnBus(sandbox().resources.busName, { source: ['relais.customers'] });
    const api = await as(advisor);
    const created = (await api.request<Customer>('POST', '/v1/customers', { body: newProspect('Evenement') }))
      .body;
    await api.request('PATCH', `/v1/customers/${created.id}`, {
      body: { firstName: 'Zoély', version: 1 },
    });
    await api.request('PUT', `/v1/customers/${created.id}/consents`, {
      body: {
        changes: [{ channel: 'email', purpose: 'marketing', granted: true, source: 'branch' }],
        version: 0,
      },
    });
    // Act
    const mine = (seen: BusEvent[]) => seen.filter((e) => e.detail.customerId === created.id);
    const seen = await spy.until((all) => mine(all).length >= 3);
    // Assess
    expect(mine(seen).map((e) => e['detail-type'])).toEqual([
      'CustomerCreated',
      'CustomerUpdated',
      'ConsentChanged',
    ]);
  });
});

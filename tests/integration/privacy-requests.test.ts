/**
 * The privacy officer's data protection requests on the sandbox: opening one for a customer
 * found by id or number (due a month after receipt), once per Idempotency-Key, with its event on
 * the bus and the officer's sight of the customer audited; the open list, the next due first;
 * refusals in the officer's language of the API (400, 404).
 */

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { PrivacyRequest } from '#schemas/platform/privacy-request.ts';
import { documents } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/env.ts';
import { privacyRequestKeys } from '#shared/table/main-table.ts';
import { spyOnBus } from '../support/bus-spy.ts';
import { eventually } from '../support/eventually.ts';
import { putOnBus, waitForPartition } from '../support/lake.ts';
import { sandboxPerFile } from '../support/sandbox.ts';
import { channelEnvelope } from '../unit/analytics/lake-events.ts';

const { bank, as, sandbox } = sandboxPerFile();

const [first, second] = bank.customers.map(({ customer }) => customer);

describe('opening a data protection request', () => {
  it('finds the customer by id, names them, and counts the legal month from receipt', async () => {
    // Prepare
    const officer = await as('privacy_officer');
    const spy = await spyOnBus(sandbox().resources.busName, { source: ['relais.platform'] });

    // Act
    const opened = await officer.request<PrivacyRequest>('POST', '/v1/privacy/requests', {
      body: {
        kind: 'access',
        customerId: first!.id,
        receivedOn: '2027-01-31',
        note: 'Courrier du 31/01, pièce d’identité vérifiée',
      },
    });

    // Assess
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      kind: 'access',
      customerId: first!.id,
      customerName: `${first!.lastName.toLocaleUpperCase('fr-FR')} ${first!.firstName}`,
      receivedOn: '2027-01-31',
      // A month from 31 January ends on the last day of February.
      dueOn: '2027-02-28',
      state: 'received',
      progress: { done: 0, total: 4 },
      openedBy: { name: 'Mathilde Perrin' },
    });
    const seen = await spy.until((events) => events.some((e) => e.detail.requestId === opened.body.id));
    const event = seen.find((e) => e.detail.requestId === opened.body.id);
    expect(event?.['detail-type']).toBe('DataAccessRequested');
    // Nothing personal on the bus beyond the customer id.
    expect(Object.keys(event?.detail ?? {}).sort()).toEqual(
      ['actor', 'customerId', 'dueOn', 'eventId', 'occurredAt', 'requestId', 'schemaVersion'].sort(),
    );
    // The request, the proof it was answered, goes by TTL five years after its last change.
    const item = (
      await documents.send(
        new GetCommand({
          TableName: tableName('main'),
          Key: { pk: privacyRequestKeys.pk, sk: privacyRequestKeys.sk(opened.body.id) },
        }),
      )
    ).Item;
    const days = (Number(item?.expiresAt) * 1000 - Date.parse(opened.body.updatedAt)) / 86_400_000;
    expect(days).toBeGreaterThan(1824);
    expect(days).toBeLessThanOrEqual(1827);
  });

  it('finds the customer by number, and records that the officer saw their file', async () => {
    // Prepare
    const officer = await as('privacy_officer');

    // Act
    const opened = await officer.request<PrivacyRequest>('POST', '/v1/privacy/requests', {
      body: { kind: 'erasure', customerNumber: second!.customerNumber },
    });

    // Assess
    expect(opened.status).toBe(201);
    expect(opened.body.customerId).toBe(second!.id);
    expect(opened.body.receivedOn).toBe(new Date().toISOString().slice(0, 10));
    const admin = await as('admin');
    type Trail = { items: { action: string; reason: string; actorName: string }[] };
    const trail = await eventually(
      () => admin.request<Trail>('GET', `/v1/customers/${second!.id}/audit`),
      (answer) => answer.body.items.some((record) => record.action === 'customer.privacyRequest'),
    );
    expect(trail.body.items).toContainEqual(
      expect.objectContaining({
        action: 'customer.privacyRequest',
        reason: 'privacy_request',
        actorName: 'Mathilde Perrin',
      }),
    );
  });

  it('opens one request per Idempotency-Key, however often it is sent', async () => {
    // Prepare
    const officer = await as('privacy_officer');
    const send = () =>
      officer.request<PrivacyRequest>('POST', '/v1/privacy/requests', {
        body: { kind: 'access', customerId: second!.id, receivedOn: '2027-03-01' },
        headers: { 'idempotency-key': 'privacy-7c1e9a20-0001' },
      });

    // Act
    const [once, again] = [await send(), await send()];

    // Assess
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(once.body.id);
    const list = await officer.request<{ items: PrivacyRequest[] }>('GET', '/v1/privacy/requests?state=all');
    expect(list.body.items.filter((request) => request.receivedOn === '2027-03-01')).toHaveLength(1);
  });

  it('refuses a request naming no customer, or both ways, or a customer who does not exist', async () => {
    // Prepare
    const officer = await as('privacy_officer');
    const open = (body: unknown) => officer.request('POST', '/v1/privacy/requests', { body });

    // Act
    const [none, both, unknown, badKind] = [
      await open({ kind: 'access' }),
      await open({ kind: 'access', customerId: first!.id, customerNumber: first!.customerNumber }),
      await open({ kind: 'access', customerId: 'cu-doesnotexist' }),
      await open({ kind: 'rectification', customerId: first!.id }),
    ];

    // Assess
    expect(none.status).toBe(400);
    expect(none.body).toMatchObject({
      errors: [{ field: 'customerId', message: 'give the customer’s id or number, one of them' }],
    });
    expect(both.status).toBe(400);
    expect(unknown.status).toBe(404);
    expect(badKind.status).toBe(400);
  });
});

describe('an erasure request', () => {
  it('says what the erasure will remove and keep: everything of a prospect, what the law holds of a customer', async () => {
    // Prepare
    const officer = await as('privacy_officer');
    const prospect = bank.customers.find(({ customer }) => customer.kind === 'prospect')!.customer;
    const client = bank.customers.find(({ customer }) => customer.kind === 'individual')!.customer;

    // Act
    const [ofProspect, ofClient] = [
      await officer.request<PrivacyRequest>('POST', '/v1/privacy/requests', {
        body: { kind: 'erasure', customerId: prospect.id },
      }),
      await officer.request<PrivacyRequest>('POST', '/v1/privacy/requests', {
        body: { kind: 'erasure', customerId: client.id },
      }),
    ];

    // Assess
    expect(ofProspect.body.erasurePlan?.scope).toBe('entirely');
    expect(ofProspect.body.erasurePlan?.erase.map((place) => place.location)).toContain('item main/customer');
    expect(ofClient.body.erasurePlan?.scope).toBe('exceptHeld');
    expect(ofClient.body.erasurePlan?.keep).toContainEqual(
      expect.objectContaining({
        location: 'item main/customer',
        what: expect.objectContaining({ fr: expect.stringContaining('le profil du client') }),
        why: { en: expect.stringContaining('CMF L561-12'), fr: expect.stringContaining('CMF L561-12') },
      }),
    );
    const again = await officer.request<PrivacyRequest>('GET', `/v1/privacy/requests/${ofClient.body.id}`);
    expect(again.body.erasurePlan).toEqual(ofClient.body.erasurePlan);
  });
});

describe('the list of requests', () => {
  it('shows the open requests, the next due first, and one by one with its progress', async () => {
    // Prepare
    const officer = await as('privacy_officer');
    const later = await officer.request<PrivacyRequest>('POST', '/v1/privacy/requests', {
      body: { kind: 'access', customerId: first!.id, receivedOn: '2027-06-10' },
    });
    const sooner = await officer.request<PrivacyRequest>('POST', '/v1/privacy/requests', {
      body: { kind: 'access', customerId: second!.id, receivedOn: '2027-06-01' },
    });

    // Act
    const open = await officer.request<{ items: PrivacyRequest[] }>('GET', '/v1/privacy/requests');
    const one = await officer.request<PrivacyRequest>('GET', `/v1/privacy/requests/${later.body.id}`);
    const missing = await officer.request('GET', '/v1/privacy/requests/pr-unknown');

    // Assess
    const ids = open.body.items.map((request) => request.id);
    expect(ids.indexOf(sooner.body.id)).toBeLessThan(ids.indexOf(later.body.id));
    expect(open.body.items.map((request) => request.dueOn)).toEqual(
      [...open.body.items.map((request) => request.dueOn)].sort(),
    );
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: later.body.id, dueOn: '2027-07-10' });
    expect(missing.status).toBe(404);
  });
});

describe("a customer's export", () => {
  it('is made by the job, shows its progress, and holds every section of their file and nothing of another customer', async () => {
    // Prepare: the customer's file as the demo bank made it (a customer who lets the lake keep
    // their pseudonym), and a visit of theirs and of another customer in the lake.
    const officer = await as('privacy_officer');
    const consenting = bank.customers.filter(({ consents }) =>
      consents.some((consent) => consent.purpose === 'profiling' && consent.granted),
    );
    const { customer, holdings, consents } = consenting[0]!;
    const other = consenting[1]!.customer;
    const visitHour = { dt: '2026-02-10', hour: '14' };
    await putOnBus(sandbox().resources.busName, [
      channelEnvelope({
        eventId: 'export-mine-1',
        occurredAt: '2026-02-10T14:00:01.000Z',
        customerId: customer.id,
      }),
      channelEnvelope({
        eventId: 'export-other-1',
        occurredAt: '2026-02-10T14:00:02.000Z',
        customerId: other.id,
      }),
    ]);
    await waitForPartition(
      sandbox().resources.buckets.lake,
      visitHour,
      (content) => content.rows.length >= 2,
    );
    // Someone read the file before the request: the export's access log shows it.
    await (await as('service_agent')).request('GET', `/v1/customers/${customer.id}`);
    const admin = await as('admin');
    await eventually(
      () => admin.request<{ items: { action: string }[] }>('GET', `/v1/customers/${customer.id}/audit`),
      (answer) => answer.body.items.some((record) => record.action === 'customer.read'),
    );
    const opened = await officer.request<PrivacyRequest>('POST', '/v1/privacy/requests', {
      body: { kind: 'access', customerId: customer.id },
    });

    // Act
    const ready = await eventually(
      () => officer.request<PrivacyRequest>('GET', `/v1/privacy/requests/${opened.body.id}`),
      (answer) => answer.body.state === 'ready' || answer.body.state === 'failed',
    );
    const link = await officer.request<{ url: string; fileName: string; expiresAt: string }>(
      'POST',
      `/v1/privacy/requests/${opened.body.id}/download`,
      { body: {} },
    );
    const archive = new Uint8Array(await (await fetch(link.body.url)).arrayBuffer());

    // Assess
    expect(ready.body).toMatchObject({ state: 'ready', progress: { done: 4, total: 4 } });
    expect(link.status).toBe(200);
    expect(link.body.fileName).toBe(`relais-export-${opened.body.id}.zip`);
    expect(Date.parse(link.body.expiresAt) - Date.now()).toBeLessThanOrEqual(5 * 60 * 1000);
    const files = unzipSync(archive);
    const sections = Object.keys(files).sort();
    expect(sections).toEqual(
      expect.arrayContaining([
        'README.txt',
        'export.json',
        'customer.csv',
        'consents.csv',
        'event.csv',
        'accessLog.csv',
        'privacyRequests.csv',
        'lake.csv',
      ]),
    );
    if (holdings.length > 0) expect(sections).toContain('holding.csv');
    const exported = JSON.parse(strFromU8(files['export.json']!)) as {
      customerId: string;
      sections: { name: string; rows: Record<string, unknown>[] }[];
    };
    const section = (name: string) => exported.sections.find((s) => s.name === name)?.rows ?? [];
    expect(exported.customerId).toBe(customer.id);
    expect(section('customer')).toEqual([
      expect.objectContaining({ id: customer.id, lastName: customer.lastName }),
    ]);
    expect(section('customer')[0]).not.toHaveProperty('pk');
    expect(section('consents')[0]?.items).toHaveLength(consents.length);
    expect(section('holding')).toHaveLength(holdings.length);
    expect(section('event').map((row) => row.type)).toContain('CustomerCreated');
    expect(section('privacyRequests').map((row) => row.id)).toContain(opened.body.id);
    // Their visit and their domain events (creation, this request…), all under their one pseudonym.
    const lakeRows = section('lake');
    expect(lakeRows.map((row) => row.event_id)).toContain('export-mine-1');
    expect(lakeRows.map((row) => row.event_id)).not.toContain('export-other-1');
    expect(new Set(lakeRows.map((row) => row.customer_pid)).size).toBe(1);
    expect(lakeRows.map((row) => row.event_type)).toContain('CustomerCreated');
    expect(section('accessLog')).toContainEqual(
      expect.objectContaining({ action: 'customer.read', actorName: 'Sarah Lévy', customerId: customer.id }),
    );
    // Nothing of another customer, anywhere in the archive.
    const everything = Object.values(files)
      .map((file) => strFromU8(file))
      .join('\n');
    expect(everything).not.toContain(other.id);
    expect(everything).not.toContain(other.customerNumber);
    // French spreadsheets: semicolons and a UTF-8 mark.
    expect([...files['customer.csv']!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(strFromU8(files['customer.csv']!).split('\r\n')[0]).toContain(';');
  }, 60_000);

  it('cannot be downloaded before it is ready, and its delivery is recorded', async () => {
    // Prepare
    const officer = await as('privacy_officer');
    const erasure = await officer.request<PrivacyRequest>('POST', '/v1/privacy/requests', {
      body: { kind: 'erasure', customerId: first!.id },
    });

    // Act
    const refused = await officer.request('POST', `/v1/privacy/requests/${erasure.body.id}/download`, {
      body: {},
    });

    // Assess
    expect(refused.status).toBe(409);
  });
});

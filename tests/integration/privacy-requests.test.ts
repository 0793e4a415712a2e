/**
 * The privacy officer's data protection requests on the sandbox: opening one for a customer
 * found by id or number (due a month after receipt), once per Idempotency-Key, with its event on
 * the bus and the officer's sight of the customer audited; the open list, the next due first;
 * refusals in the officer's language of the API (400, 404).
 */
import { describe, expect, it } from 'vitest';
import type { PrivacyRequest } from '#schemas/platform/privacy-request.ts';
import { spyOnBus } from '../support/bus-spy.ts';
import { sandboxPerFile } from '../support/sandbox.ts';

const { bank, as, sandbox } = sandboxPerFile();

const [first, second] = bank.customers.map(({ customer }) => customer);

/** Polls `read` until `done` holds, a quarter of a second apart, for up to 15 s. */
const eventually = async <T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
  let value = await read();
  for (let tries = 0; tries < 60 && !done(value); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
};

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

/**
 * Erasure (GDPR art. 17) on the sandbox, end to end: the officer opens the request, reads its
 * plan and confirms it; the job erases, then reports. A prospect goes entirely — file, index
 * entries, look-ups, devices and their links, idempotency answers, exports, lake rows raw and
 * curated, found by pseudonym and by linked visitor id — and a late event or a replay of their
 * events brings nothing back. A customer under the AML hold keeps their profile, holdings and
 * the file's history, and loses the rest — also the row an archiver batch begun before the
 * erasure writes while the job runs.
 */
import { paginateScan, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { archiveBatch } from '#functions/analytics/lake/archive.ts';
import { pseudonymOf } from '#functions/analytics/lake/privacy.ts';
import { beginArchiverBatch } from '#functions/analytics/lake/running-batches.ts';
import { s3LakeStore } from '#functions/analytics/lake/store.ts';
import type { Customer } from '#schemas/customers/customer.ts';
import type { Customer360 } from '#schemas/customers/customer-360.ts';
import type { PrivacyRequest } from '#schemas/platform/privacy-request.ts';
import { documents } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/env.ts';
import { secretValue } from '#shared/secrets.ts';
import { spyOnBus } from '../support/bus-spy.ts';
import { eventually } from '../support/eventually.ts';
import { putOnBus, readPartition, waitForPartition } from '../support/lake.ts';
import { sandboxPerFile } from '../support/sandbox.ts';
import { visitsOf } from '../support/visits.ts';
import { channelEnvelope, nobodyErased, noObjections, sqsRecords } from '../unit/analytics/lake-events.ts';

const { bank, as, anonymous, sandbox, staffMember } = sandboxPerFile();

const home = bank.branches[0]!;
const advisor = staffMember('advisor', home.id);
const suffix = Date.now().toString(36);

/** Every item of the main table's partition `pk`. */
const partition = async (pk: string) =>
  (
    await documents.send(
      new QueryCommand({
        TableName: tableName('main'),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
      }),
    )
  ).Items ?? [];

/** The idempotency records whose stored answer contains `text`. */
const idempotencyAnswersWith = async (text: string) => {
  const found: unknown[] = [];
  for await (const page of paginateScan({ client: documents }, { TableName: tableName('idempotency') })) {
    found.push(...(page.Items ?? []).filter((item) => JSON.stringify(item).includes(text)));
  }
  return found;
};

const visitOf = visitsOf({ as, anonymous, sandbox });

/**
 * The officer opens the erasure, confirms its plan, and waits for the job to finish;
 * `whileRunning` acts once the job has begun.
 */
const erase = async (customerId: string, whileRunning?: (requestId: string) => Promise<void>) => {
  const officer = await as('privacy_officer');
  const opened = await officer.request<PrivacyRequest>('POST', '/v1/privacy/requests', {
    body: { kind: 'erasure', customerId, note: 'Demande écrite, identité vérifiée' },
  });
  expect(opened.body.state).toBe('awaitingConfirmation');
  const confirmed = await officer.request<PrivacyRequest>(
    'POST',
    `/v1/privacy/requests/${opened.body.id}/confirm-erasure`,
    { body: { version: opened.body.version } },
  );
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  const again = await officer.request('POST', `/v1/privacy/requests/${opened.body.id}/confirm-erasure`, {
    body: { version: confirmed.body.version },
  });
  expect(again.status).toBe(409);
  await whileRunning?.(opened.body.id);
  const done = await eventually(
    () => officer.request<PrivacyRequest>('GET', `/v1/privacy/requests/${opened.body.id}`),
    (answer) => answer.body.state === 'completed' || answer.body.state === 'failed',
    150_000,
  );
  expect(done.body.state).toBe('completed');
  return done.body;
};

const removedAt = (request: PrivacyRequest, location: string) =>
  request.erasureReport?.removed.find((place) => place.location === location)?.count;

describe('erasing a prospect', () => {
  it.concurrent('removes everything about them, everywhere, reports it, and nothing brings them back', async () => {
    // Prepare: a prospect created with an Idempotency-Key, who logged in on a device; their
    // visit in the file and the lake, and a visit of that device before the login, in March.
    const api = await as(advisor);
    const email = `efface-${suffix}@exemple.fr`;
    const created = await api.request<Customer>('POST', '/v1/customers', {
      headers: { 'idempotency-key': `erasure-${suffix}` },
      body: {
        kind: 'prospect',
        firstName: 'Oubliée',
        lastName: `Effacée${suffix}`,
        segment: 'young',
        branchId: home.id,
        contact: { email, mobilePhone: '+33698765432' },
      },
    });
    const prospect = created.body;
    const visitor = `erased-browser-${suffix}`;
    const march = { dt: '2026-03-04', hour: '10' };
    await putOnBus(sandbox().resources.busName, [
      channelEnvelope({
        eventId: `before-${suffix}`,
        occurredAt: '2026-03-04T10:00:01.000Z',
        anonymousId: visitor,
      }),
      channelEnvelope({ eventId: `bystander-${suffix}`, occurredAt: '2026-03-04T10:00:02.000Z' }),
    ]);
    await visitOf(prospect.id, visitor);
    await eventually(
      async () => (await api.request<Customer360>('GET', `/v1/customers/${prospect.id}/360`)).body,
      (file) => file.timeline.some((entry) => entry.type === 'Visit'),
    );
    await waitForPartition(sandbox().resources.buckets.lake, march, (content) => content.rows.length >= 2);
    const officer = await as('privacy_officer');
    const access = await officer.request<PrivacyRequest>('POST', '/v1/privacy/requests', {
      body: { kind: 'access', customerId: prospect.id },
    });
    await eventually(
      () => officer.request<PrivacyRequest>('GET', `/v1/privacy/requests/${access.body.id}`),
      (answer) => answer.body.state === 'ready',
      60_000,
    );
    const spy = await spyOnBus(sandbox().resources.busName, { 'detail-type': ['CustomerErased'] });

    // Act
    const erasure = await erase(prospect.id);

    // Assess: the report
    expect(erasure.erasureReport?.scope).toBe('entirely');
    expect(removedAt(erasure, 'item main/customer')).toBe(1);
    expect(removedAt(erasure, 'item main/lookup')).toBe(3);
    expect(removedAt(erasure, 'item main/identityLink')).toBe(1);
    expect(removedAt(erasure, 'item main/identity')).toBe(1);
    expect(removedAt(erasure, 'item main/activity')).toBeGreaterThanOrEqual(1);
    expect(removedAt(erasure, 'table idempotency')).toBe(1);
    expect(removedAt(erasure, 'bucket privacyExports')).toBe(1);
    expect(removedAt(erasure, 'lakeTable events')).toBeGreaterThanOrEqual(4);
    expect(erasure.erasureReport?.kept.map((place) => place.location)).toEqual(
      expect.arrayContaining(['table audit', 'item main/privacyRequest']),
    );
    // … the event, with nothing but ids
    const [announced] = await spy.until((events) => events.length > 0);
    expect(announced?.detail).toMatchObject({
      customerId: prospect.id,
      requestId: erasure.id,
      scope: 'entirely',
    });
    // … the operational stores
    expect(await partition(`CUSTOMER#${prospect.id}`)).toEqual([]);
    expect(await partition(`ANON#${visitor}`)).toEqual([]);
    expect(await partition(`LOOKUP#email#${email}`)).toEqual([]);
    expect(await idempotencyAnswersWith(prospect.id)).toEqual([]);
    expect((await api.request('GET', `/v1/customers/${prospect.id}`)).status).toBe(404);
    const byName = await api.request<{ items: unknown[] }>(
      'GET',
      `/v1/customers?q=${encodeURIComponent(`Effacée${suffix}`)}`,
    );
    expect(byName.body.items).toEqual([]);
    const download = await officer.request('POST', `/v1/privacy/requests/${access.body.id}/download`, {
      body: {},
    });
    expect(download.status).not.toBe(200);
    // … the lake, raw and curated, by pseudonym and by visitor id; the bystander stays
    const pseudonym = pseudonymOf(prospect.id, await secretValue('pseudonymKey'));
    const today = new Date().toISOString();
    for (const hour of [march, { dt: today.slice(0, 10), hour: today.slice(11, 13) }]) {
      const content = await readPartition(sandbox().resources.buckets.lake, hour);
      expect(content.rawText).not.toContain(visitor);
      expect(content.rawText).not.toContain(pseudonym);
      expect(
        content.rows.filter((row) => row.anonymous_id === visitor || row.customer_pid === pseudonym),
      ).toEqual([]);
    }
    expect(
      (await readPartition(sandbox().resources.buckets.lake, march)).rows.map((row) => row.event_id),
    ).toContain(`bystander-${suffix}`);

    // Act again: a late copy of their March visit and of a login come back (a replay)
    await putOnBus(sandbox().resources.busName, [
      channelEnvelope({
        eventId: `before-${suffix}`,
        occurredAt: '2026-03-04T10:00:01.000Z',
        anonymousId: visitor,
      }),
      channelEnvelope({
        eventId: `late-${suffix}`,
        occurredAt: '2026-03-04T10:00:03.000Z',
        anonymousId: visitor,
        customerId: prospect.id,
      }),
      channelEnvelope({ eventId: `marker-${suffix}`, occurredAt: '2026-03-04T10:00:04.000Z' }),
    ]);
    const after = await waitForPartition(sandbox().resources.buckets.lake, march, (content) =>
      content.rows.some((row) => row.event_id === `marker-${suffix}`),
    );

    // Assess: nothing of theirs came back
    expect(after.rawText).not.toContain(visitor);
    expect(after.rows.map((row) => row.event_id)).not.toContain(`late-${suffix}`);
    expect(await partition(`CUSTOMER#${prospect.id}`)).toEqual([]);
  }, 300_000);
});

describe('erasing a customer under the AML hold', () => {
  it.concurrent('keeps their profile, products and file history, and erases consents, devices, visits and lake rows', async () => {
    // Prepare
    const { customer, holdings } = bank.customers.find(
      ({ customer, holdings }) =>
        customer.kind === 'individual' && customer.branchId === home.id && holdings.length > 0,
    )!;
    const visitor = `held-browser-${suffix}`;
    await visitOf(customer.id, visitor);
    const api = await as(advisor);
    await eventually(
      async () => (await api.request<Customer360>('GET', `/v1/customers/${customer.id}/360`)).body,
      (file) => file.timeline.some((entry) => entry.type === 'Visit'),
    );

    // … and an archiver batch under way since before the erasure, which has not seen the
    // tombstones: it writes a row about them while the job has gone on to the lake
    const lateBatch = await beginArchiverBatch();
    const lateHour = { dt: '2026-05-06', hour: '09' };
    const writeLateRow = async (requestId: string) => {
      await eventually(
        () => officer.request<PrivacyRequest>('GET', `/v1/privacy/requests/${requestId}`),
        (answer) => answer.body.progress.step === 'lake',
      );
      const late = channelEnvelope({
        eventId: `held-late-${suffix}`,
        occurredAt: `${lateHour.dt}T${lateHour.hour}:00:01.000Z`,
        anonymousId: visitor,
        customerId: customer.id,
      });
      await archiveBatch(sqsRecords([late]), {
        store: s3LakeStore(sandbox().resources.buckets.lake),
        key: await secretValue('pseudonymKey'),
        profilingObjections: noObjections,
        erased: nobodyErased,
      });
      await lateBatch();
    };
    const officer = await as('privacy_officer');

    // Act
    const erasure = await erase(customer.id, writeLateRow);

    // Assess
    expect(erasure.erasureReport?.scope).toBe('exceptHeld');
    expect((await readPartition(sandbox().resources.buckets.lake, lateHour)).rawText).not.toContain(visitor);
    expect(erasure.erasureReport?.kept).toContainEqual(
      expect.objectContaining({
        location: 'item main/customer',
        why: { en: expect.stringContaining('CMF L561-12'), fr: expect.stringContaining('CMF L561-12') },
      }),
    );
    const items = await partition(`CUSTOMER#${customer.id}`);
    const kinds = new Set(items.map((item) => item.entity));
    expect(kinds.has('customer')).toBe(true);
    expect(items.filter((item) => item.entity === 'holding')).toHaveLength(holdings.length);
    expect(kinds.has('event')).toBe(true);
    for (const erased of ['consents', 'activity', 'identity', 'visitPointer'])
      expect(kinds.has(erased)).toBe(false);
    expect(await partition(`ANON#${visitor}`)).toEqual([]);
    const file = await api.request<Customer360>('GET', `/v1/customers/${customer.id}/360`);
    expect(file.status).toBe(200);
    expect(file.body.timeline.some((entry) => entry.type === 'Visit')).toBe(false);
  }, 300_000);
});

/**
 * Acceptance of "Privacy by design, operated": a customer under the AML hold — with two devices,
 * visits, consents, a timeline, lake rows raw and curated (in an hour compacted before the
 * erasure and in one that was not), an export and events in the bus archive — is erased. Then
 * nothing about them is found by customer id, pseudonym, e-mail, phone or linked visitor id in
 * any table, queue, DLQ or object version of the sandbox, except the records the law holds
 * (profile, products, the file's history, the audit, the requests, the tombstone); a replay of
 * the whole bus archive brings nothing back.
 */
import { gunzipSync } from 'node:zlib';
import { EventBridgeClient, StartReplayCommand } from '@aws-sdk/client-eventbridge';
import { GetObjectCommand, ListObjectVersionsCommand, S3Client } from '@aws-sdk/client-s3';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { paginateScan } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { readCuratedParquet } from '#functions/analytics/lake/files.ts';
import { pseudonymOf } from '#functions/analytics/lake/privacy.ts';
import { lambdaContext } from '#local/lambda/lambda-context.ts';
import type { Customer } from '#schemas/customers/customer.ts';
import type { Customer360 } from '#schemas/customers/customer-360.ts';
import type { PrivacyRequest } from '#schemas/platform/privacy-request.ts';
import { documents } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/env.ts';
import { secretValue } from '#shared/secrets.ts';
import { spyOnBus } from '../support/bus-spy.ts';
import { eventually } from '../support/eventually.ts';
import { putOnBus, waitForPartition } from '../support/lake.ts';
import { sandboxPerFile } from '../support/sandbox.ts';
import { visitsOf } from '../support/visits.ts';
import { channelEnvelope } from '../unit/analytics/lake-events.ts';

// The lake archiver's window at 2 s (20 s in the stack), so that each step's rows land quickly.
const { bank, as, anonymous, sandbox, staffMember } = sandboxPerFile({ batchingWindows: { lakeIntake: 2 } });
const visit = visitsOf({ as, anonymous, sandbox });
const suffix = Date.now().toString(36);
const s3 = new S3Client({ forcePathStyle: true });
const sqs = new SQSClient({});

/** Every item of a table whose JSON contains one of `needles`. */
const itemsWith = async (table: Parameters<typeof tableName>[0], needles: readonly string[]) => {
  const found: Record<string, unknown>[] = [];
  for await (const page of paginateScan({ client: documents }, { TableName: tableName(table) })) {
    for (const item of page.Items ?? []) {
      const text = JSON.stringify(item);
      if (needles.some((needle) => text.includes(needle))) found.push(item);
    }
  }
  return found;
};

/** The text of every version of every object of a bucket (raw files unzipped, Parquet as rows). */
const everyObjectVersion = async (bucket: string) => {
  const texts: { key: string; text: string }[] = [];
  let markers: { KeyMarker?: string; VersionIdMarker?: string } = {};
  for (;;) {
    const page = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, ...markers }));
    for (const version of page.Versions ?? []) {
      const object = await s3.send(
        new GetObjectCommand({ Bucket: bucket, Key: version.Key, VersionId: version.VersionId }),
      );
      const bytes = await object.Body!.transformToByteArray();
      const key = version.Key ?? '';
      const text = key.endsWith('.parquet')
        ? JSON.stringify(await readCuratedParquet(bytes))
        : key.endsWith('.gz')
          ? gunzipSync(bytes).toString('utf8')
          : Buffer.from(bytes).toString('utf8');
      texts.push({ key, text });
    }
    if (!page.IsTruncated) return texts;
    markers = { KeyMarker: page.NextKeyMarker, VersionIdMarker: page.NextVersionIdMarker };
  }
};

/** What every queue and DLQ of the sandbox still holds (messages left visible). */
const queuedMessages = async () => {
  const bodies: string[] = [];
  for (const queue of Object.values(sandbox().resources.queues)) {
    for (const url of [queue.url, queue.dlqUrl]) {
      const answer = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }),
      );
      bodies.push(...(answer.Messages ?? []).map((message) => message.Body ?? ''));
    }
  }
  return bodies;
};

/** The officer's request, once its job is done. */
const finished = async (requestId: string) =>
  (
    await eventually(
      async () =>
        (await as('privacy_officer')).request<PrivacyRequest>('GET', `/v1/privacy/requests/${requestId}`),
      (answer) => ['ready', 'completed', 'failed'].includes(answer.body.state),
      240_000,
    )
  ).body;

describe('erasing a customer under the AML hold', () => {
  it('leaves nothing about them anywhere but what the law holds, and a replay of the archive brings nothing back', async () => {
    // Prepare: a customer with products, an e-mail and a mobile phone
    // … who never refused profiling (their lake rows carry their pseudonym)
    const { customer, holdings } = bank.customers.find(
      ({ customer, holdings, consents }) =>
        customer.kind === 'individual' &&
        holdings.length > 0 &&
        customer.contact.email !== undefined &&
        customer.contact.mobilePhone !== undefined &&
        !consents.some((consent) => consent.purpose === 'profiling' && !consent.granted),
    )!;
    const advisor = staffMember('advisor', customer.branchId);
    const api = await as(advisor);
    const startedAt = new Date(Date.now() - 60_000);
    const { busName, buckets } = sandbox().resources;
    // … a laptop seen before they logged in, in October, in an hour the compactor then merged,
    // and again in an hour left as the archiver wrote it
    const laptop = `laptop-${suffix}`;
    const phone = `phone-${suffix}`;
    const october = { dt: '2026-10-05', hour: '10' };
    const november = { dt: '2026-11-20', hour: '18' };
    const anonymousViews = (hour: typeof october, n: number) =>
      channelEnvelope({
        eventId: `anon-${suffix}-${hour.dt}-${n}`,
        occurredAt: `${hour.dt}T${hour.hour}:0${n}:00.000Z`,
        anonymousId: laptop,
      });
    const bystander = channelEnvelope({
      eventId: `bystander-${suffix}`,
      occurredAt: `${october.dt}T${october.hour}:09:00.000Z`,
    });
    await putOnBus(busName, [anonymousViews(october, 1), anonymousViews(october, 2), bystander]);
    await waitForPartition(buckets.lake, october, (content) => content.rows.length >= 3);
    await putOnBus(busName, [anonymousViews(october, 3)]);
    await waitForPartition(buckets.lake, october, (content) => content.rows.length >= 4);
    const { handler: compact } = await import('#functions/analytics/lake-compactor.ts');
    await compact({ dt: october.dt, hour: october.hour }, lambdaContext('lakeCompactor', 300));
    await putOnBus(busName, [anonymousViews(november, 1)]);
    await waitForPartition(buckets.lake, november, (content) => content.rows.length >= 1);
    // … then they log in on both devices (visits in their timeline, the devices linked)
    await visit(customer.id, laptop);
    await visit(customer.id, phone);
    // … change a consent (its history)
    const { consents } = (await api.request<Customer360>('GET', `/v1/customers/${customer.id}/360`)).body;
    const changed = await api.request('PUT', `/v1/customers/${customer.id}/consents`, {
      body: {
        version: consents.version,
        changes: [{ channel: 'email', purpose: 'marketing', granted: false, source: 'branch' }],
      },
    });
    expect(changed.status).toBe(200);
    await eventually(
      () =>
        api.request<{ items: { type: string }[] }>('GET', `/v1/customers/${customer.id}/timeline?limit=50`),
      (answer) => answer.body.items.filter((entry) => entry.type === 'Visit').length >= 2,
      90_000,
    );
    // … and ask for their data (an export in the bucket)
    const officer = await as('privacy_officer');
    const access = await officer.request<PrivacyRequest>('POST', '/v1/privacy/requests', {
      body: { kind: 'access', customerId: customer.id },
    });
    expect((await finished(access.body.id)).state).toBe('ready');
    const pseudonym = pseudonymOf(customer.id, await secretValue('pseudonymKey'));
    const loggedIn = new Date(Date.now() - 2 * 60_000).toISOString();
    await waitForPartition(
      buckets.lake,
      { dt: loggedIn.slice(0, 10), hour: loggedIn.slice(11, 13) },
      (content) => content.rows.some((row) => row.customer_pid === pseudonym),
    );

    // Act: the officer erases them
    const opened = await officer.request<PrivacyRequest>('POST', '/v1/privacy/requests', {
      body: { kind: 'erasure', customerId: customer.id },
    });
    const confirmed = await officer.request(
      'POST',
      `/v1/privacy/requests/${opened.body.id}/confirm-erasure`,
      {
        body: { version: opened.body.version },
      },
    );
    expect(confirmed.status).toBe(200);
    const erasure = await finished(opened.body.id);
    expect(erasure.state).toBe('completed');

    // Assess: what the law holds is there
    expect(erasure.erasureReport?.scope).toBe('exceptHeld');
    const file = await api.request<Customer>('GET', `/v1/customers/${customer.id}`);
    expect(file.status).toBe(200);
    expect(file.body.contact.email).toBe(customer.contact.email);
    const audit = await (await as('admin')).request<{ items: unknown[] }>(
      'GET',
      `/v1/customers/${customer.id}/audit`,
    );
    expect(audit.body.items.length).toBeGreaterThan(0);
    // … and nothing else, anywhere
    const needles = [
      customer.id,
      pseudonym,
      customer.contact.email!,
      customer.contact.mobilePhone!,
      laptop,
      phone,
    ];
    const heldEntities = [
      'customer',
      'holding',
      'event',
      'searchTerm',
      'lookup',
      'privacyRequest',
      // The erasure's own: the tombstone, and CustomerErased on its way to the bus (ids only, a day).
      'tombstone',
      'privacyEvent',
    ];
    const stillInTable = async () =>
      (await itemsWith('main', needles)).filter((item) => !heldEntities.includes(String(item.entity)));
    expect(await stillInTable()).toEqual([]);
    const held = await itemsWith('main', needles);
    expect(held.filter((item) => item.entity === 'holding')).toHaveLength(holdings.length);
    // The history keeps what the bank did, not the devices: no held item names a visitor id.
    expect(
      held.filter((item) => item.entity !== 'tombstone' && /laptop-|phone-/.test(JSON.stringify(item))),
    ).toEqual([]);
    expect(await itemsWith('ingest', needles)).toEqual([]);
    expect(await itemsWith('idempotency', needles)).toEqual([]);
    const lakeLeft = async () =>
      (await everyObjectVersion(buckets.lake)).filter(({ text }) =>
        needles.some((needle) => text.includes(needle)),
      );
    expect(await lakeLeft()).toEqual([]);
    expect(
      (await everyObjectVersion(buckets.lake)).some(({ text }) => text.includes(`bystander-${suffix}`)),
    ).toBe(true);
    expect(await everyObjectVersion(buckets.privacyExports)).toEqual([]);
    await sandbox().idle();
    expect(
      (await queuedMessages()).filter((body) => needles.some((needle) => body.includes(needle))),
    ).toEqual([]);

    // Act again: the whole archive replayed onto the bus
    const replayed = await spyOnBus(busName, { 'replay-name': [{ exists: true }] });
    await new EventBridgeClient({}).send(
      new StartReplayCommand({
        ReplayName: `erasure-${suffix}`,
        EventSourceArn: sandbox().resources.busArchive.arn,
        EventStartTime: startedAt,
        EventEndTime: new Date(),
        Destination: { Arn: sandbox().resources.busArn },
      }),
    );
    const back = await replayed.until((seen) =>
      seen.some((event) => event.detail.eventId === `bystander-${suffix}`),
    );
    expect(back.some((event) => JSON.stringify(event).includes(laptop))).toBe(true);
    // Past the archiver's window, so the replayed events have been handled.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    await sandbox().idle();

    // Assess: nothing of theirs came back
    expect(await stillInTable()).toEqual([]);
    expect(await lakeLeft()).toEqual([]);
    const timeline = await api.request<{ items: { type: string }[] }>(
      'GET',
      `/v1/customers/${customer.id}/timeline?limit=50`,
    );
    expect(timeline.body.items.filter((entry) => entry.type === 'Visit')).toEqual([]);
  }, 600_000);
});

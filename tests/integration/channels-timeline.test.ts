/**
 * A known customer's channel events in the 360° file: posted through the local API, routed by
 * the `knownCustomerActivity` rule to the timeline queue, summarised by the projector (one
 * visit per session, logins and simulations as entries of their own), idempotently.
 */
import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { lambdaContext } from '#local/lambda/lambda-context.ts';
import type { WriteKeyWithSecret } from '#schemas/channels/write-key.ts';
import type { Customer360 } from '#schemas/customers/customer-360.ts';
import type { TimelineEntry } from '#schemas/customers/timeline.ts';
import type { ChannelEventV1 } from '#schemas/events/channel-event.ts';
import { eventually } from '../support/eventually.ts';
import { sandboxPerFile } from '../support/sandbox.ts';

const { bank, sandbox, as, anonymous, staffMember } = sandboxPerFile();

const home = bank.branches[0]!;
const advisor = staffMember('advisor', home.id);
const customer = bank.customers.find((c) => c.customer.branchId === home.id)!.customer;
const suffix = Date.now().toString(36);
const visitor = `browser-${suffix}`;
const session = `session-${suffix}`;
let n = 0;

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const event = (type: string, properties: Record<string, unknown>, minutes: number, extra = {}) => ({
  messageId: `tl-${suffix}-${n++}`,
  type,
  timestamp: minutesAgo(minutes),
  anonymousId: visitor,
  sessionId: session,
  context: { consent: { analytics: true } },
  properties,
  ...extra,
});

const fileOf = async () =>
  (await (await as(advisor)).request<Customer360>('GET', `/v1/customers/${customer.id}/360`)).body;
const visitIn = (timeline: TimelineEntry[]) =>
  timeline.find((e) => e.type === 'Visit' && e.detail.sessionId === session);

/** Reads the file until `ready` holds (the projector runs after a 2 s batching window). */
const waitForFile = (ready: (file: Customer360) => boolean, ms = 30_000) => eventually(fileOf, ready, ms);

/** A channel event of this file's customer, as ingestion puts it on the bus (web page view by default). */
const knownCustomerEvent = (
  fields: Pick<ChannelEventV1, 'eventId' | 'occurredAt' | 'properties'> & Partial<ChannelEventV1>,
): ChannelEventV1 => ({
  schemaVersion: 1,
  channel: 'web',
  writeKeyId: 'wk-test',
  type: 'page_view',
  receivedAt: new Date().toISOString(),
  sentAt: new Date().toISOString(),
  anonymousId: visitor,
  customerId: customer.id,
  context: { consent: { analytics: true } },
  ...fields,
});

/** An SQS record of the timeline queue carrying a channel event, as the rule delivers it. */
const sqsRecord = (id: string, detail: ChannelEventV1): SQSEvent['Records'][number] => ({
  messageId: id,
  receiptHandle: id,
  body: JSON.stringify({ source: 'relais.channels', 'detail-type': 'ChannelEvent', detail }),
  attributes: {} as SQSEvent['Records'][number]['attributes'],
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:eu-west-3:123456789012:test',
  awsRegion: 'eu-west-3',
});

describe("a known customer's visit in the 360° file", () => {
  it('shows the visit summarised, the login and the simulation, beside the domain events', async () => {
    // Prepare
    const key = (
      await (
        await as('admin')
      ).request<WriteKeyWithSecret>('POST', '/v1/write-keys', {
        body: { channel: 'web', label: 'Site' },
      })
    ).body.key;
    const batch = [
      event('page_view', { path: '/' }, 10),
      event('identify', { method: 'password' }, 9, {
        customerId: customer.id,
        identityToken: await sandbox().identityToken(customer.id, visitor, new Date(minutesAgo(9))),
      }),
      event('page_view', { path: '/espace-client' }, 8),
      event('page_view', { path: '/credit-immobilier' }, 7),
      event('product_view', { product: 'home_loan', family: 'loan' }, 7),
      event('simulation_completed', { simulationId: 'sim-1', product: 'home_loan', amount: 250_000 }, 5),
    ];
    // Act
    const answer = await anonymous().request('POST', '/v1/events', {
      body: { batch, sentAt: new Date().toISOString() },
      headers: { 'x-write-key': key },
    });
    const file = await waitForFile(
      (f) =>
        visitIn(f.timeline)?.detail.pages === 2 &&
        (visitIn(f.timeline)?.detail.products as string[] | undefined)?.length === 1 &&
        f.timeline.some((e) => e.type === 'SimulationCompleted'),
    );
    // Assess
    expect(answer.status).toBe(200);
    const visit = visitIn(file.timeline);
    // The first page was viewed before the login: it stays anonymous (in the lake only).
    expect(visit?.detail).toMatchObject({
      channel: 'web',
      pages: 2,
      paths: ['/espace-client', '/credit-immobilier'],
      products: ['home_loan'],
    });
    const types = file.timeline.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['Login', 'SimulationCompleted', 'ProductViewed', 'IdentityLinked']),
    );
    expect(types).toContain('CustomerCreated');
    const times = file.timeline.map((e) => Date.parse(e.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(file.timeline.find((e) => e.type === 'SimulationCompleted')?.detail).toMatchObject({
      amount: 250_000,
    });
  });

  it('adds later page views of the same session to the same visit, stitched from the visitor id', async () => {
    // Prepare
    const key = (
      await (
        await as('admin')
      ).request<WriteKeyWithSecret>('POST', '/v1/write-keys', {
        body: { channel: 'web', label: 'Site' },
      })
    ).body.key;
    const before = visitIn((await fileOf()).timeline)!;
    // Act
    await anonymous().request('POST', '/v1/events', {
      body: { batch: [event('page_view', { path: '/epargne' }, 2)], sentAt: new Date().toISOString() },
      headers: { 'x-write-key': key },
    });
    const file = await waitForFile((f) => visitIn(f.timeline)?.detail.pages === 3);
    // Assess
    const visit = visitIn(file.timeline);
    expect(visit?.id).toBe(before.id);
    expect(visit?.detail.pages).toBe(3);
    expect(file.timeline.filter((e) => e.type === 'Visit' && e.detail.sessionId === session)).toHaveLength(1);
  });

  it('counts a late page without a session once when it is delivered again, and does not poison the queue', async () => {
    // Prepare: a page view of two days ago (an offline queue), with no session: an earlier visit.
    const { handler: projectTimeline } = await import('#functions/channels/timeline-projector.ts');
    const occurredAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const detail = knownCustomerEvent({
      eventId: `tl-${suffix}-late`,
      channel: 'ios',
      type: 'screen_view',
      occurredAt,
      anonymousId: `${visitor}-app`,
      properties: { name: 'Comptes' },
    });
    // Then the device's visit of today moves the visitor's visit on.
    const today = { ...detail, eventId: `tl-${suffix}-today`, occurredAt: minutesAgo(2) };
    const run = (id: string, event: ChannelEventV1) =>
      projectTimeline({ Records: [sqsRecord(id, event)] }, lambdaContext('test', 30));
    // Act: the late one delivered, today's, then the late one again (SQS is at least once).
    const first = await run('late-1', detail);
    const current = await run('today-1', today);
    const again = await run('late-2', detail);
    // Assess
    expect(first.batchItemFailures).toEqual([]);
    expect(current.batchItemFailures).toEqual([]);
    expect(again.batchItemFailures).toEqual([]);
    const lateVisits = (await fileOf()).timeline.filter((entry) => entry.occurredAt === occurredAt);
    expect(lateVisits).toHaveLength(1);
    expect(lateVisits[0]?.detail.pages).toBe(1);
  });

  it('moves a visit to its new start when an earlier page of it comes late, keeping the history in order', async () => {
    // Prepare: a visit of its own session, whose second page is processed before its first.
    const { handler: projectTimeline } = await import('#functions/channels/timeline-projector.ts');
    const ownSession = `ses-${suffix}-late-start`;
    const page = (n: number, at: string) =>
      knownCustomerEvent({
        eventId: `tl-${suffix}-start-${n}`,
        occurredAt: at,
        sessionId: ownSession,
        properties: { path: `/p${n}` },
      });
    const [firstAt, secondAt] = [minutesAgo(50), minutesAgo(45)];
    const run = (id: string, event: ChannelEventV1) =>
      projectTimeline({ Records: [sqsRecord(id, event)] }, lambdaContext('test', 30));

    // Another visit between the two pages' times: the moved visit must go below it.
    const between = knownCustomerEvent({
      eventId: `tl-${suffix}-between`,
      occurredAt: minutesAgo(47),
      channel: 'ios',
      type: 'screen_view',
      anonymousId: `${visitor}-between`,
      sessionId: `ses-${suffix}-between`,
      properties: { name: 'Cartes' },
    });
    await run('between', between);

    // Act
    await run('start-2', page(2, secondAt));
    await run('start-1', page(1, firstAt));

    // Assess: one visit, started at the first page, and the history still newest first.
    const { timeline } = await fileOf();
    const visits = timeline.filter(
      (entry) => entry.type === 'Visit' && entry.detail.sessionId === ownSession,
    );
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ occurredAt: firstAt, detail: { pages: 2 } });
    const times = timeline.map((entry) => Date.parse(entry.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('counts a page once however often its message is processed', async () => {
    // Prepare: loaded now, so it reads the sandbox's environment as the sandbox's own copy does.
    const { handler: projectTimeline } = await import('#functions/channels/timeline-projector.ts');
    const before = visitIn((await fileOf()).timeline)!;
    const detail = knownCustomerEvent({
      eventId: `tl-${suffix}-again`,
      occurredAt: minutesAgo(1),
      sessionId: session,
      properties: { path: '/contact' },
    });
    const record = (id: string) => sqsRecord(id, detail);
    // Act
    const firstRun = await projectTimeline(
      { Records: [record('m-1'), record('m-2')] },
      lambdaContext('test', 30),
    );
    const secondRun = await projectTimeline({ Records: [record('m-3')] }, lambdaContext('test', 30));
    // Assess
    expect(firstRun.batchItemFailures).toEqual([]);
    expect(secondRun.batchItemFailures).toEqual([]);
    const visit = visitIn((await fileOf()).timeline);
    expect(visit?.detail.pages).toBe((before.detail.pages as number) + 1);
  });
});

/**
 * `POST /v1/events` through the local HTTP API, against the emulator: per-event answers,
 * malformed batches, retries that create nothing twice, write keys (revoked, rotated), consent,
 * identity stitching and its undoing, custom events. What reaches the bus is read from a probe
 * queue that a rule of this file feeds with every channel event.
 */
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import {
  DeleteRuleCommand,
  EventBridgeClient,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countedWithoutConsent } from '#functions/channels/store/ingest-store.ts';
import type { IngestResponse } from '#schemas/channels/channel-event.ts';
import type { IdentityLink } from '#schemas/channels/identity.ts';
import type { WriteKey, WriteKeyWithSecret } from '#schemas/channels/write-key.ts';
import type { Customer360 } from '#schemas/customers/customer-360.ts';
import type { ChannelEventV1 } from '#schemas/events/channel-event.ts';
import { documents, dynamodb } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/env.ts';
import { channelKeys, customerCollection } from '#shared/table/main-table.ts';
import { sandboxPerFile } from '../support/sandbox.ts';

const { bank, as, anonymous, sandbox, staffMember } = sandboxPerFile();

const home = bank.branches[0]!;
const advisor = staffMember('advisor', home.id);
const outsider = staffMember('advisor', bank.branches[1]!.id);
const [first, second] = bank.customers.filter((c) => c.customer.branchId === home.id).map((c) => c.customer);

let runId = 0;
/** A message or visitor id unique to this run of the file. */
const uid = (label: string) => `${label}-${Date.now().toString(36)}-${(runId++).toString(36)}`;

type RawEvent = { messageId: string } & Record<string, unknown>;
const pageView = (anonymousId: string, extra: Record<string, unknown> = {}): RawEvent => ({
  messageId: uid('pv'),
  type: 'page_view',
  timestamp: new Date().toISOString(),
  anonymousId,
  context: { consent: { analytics: true }, page: { path: '/credit-immobilier' } },
  properties: { path: '/credit-immobilier' },
  ...extra,
});
/** A login, with the identity token the bank's login service gave (or `identityToken`). */
const identify = async (
  anonymousId: string,
  customerId: string,
  identityToken?: string,
): Promise<RawEvent> => ({
  ...pageView(anonymousId),
  messageId: uid('login'),
  type: 'identify',
  customerId,
  identityToken: identityToken ?? (await sandbox().identityToken(customerId, anonymousId)),
  properties: { method: 'password' },
});

// --- the probe: every channel event put on the bus, by event id -------------------------------

const sqs = new SQSClient({});
const eventBridge = new EventBridgeClient({});
const probe = { url: '', rule: '' };
const seen: ChannelEventV1[] = [];

beforeAll(async () => {
  const { busName } = sandbox().resources;
  probe.rule = `${busName}-probe`;
  probe.url = (await sqs.send(new CreateQueueCommand({ QueueName: `${busName}-probe` }))).QueueUrl!;
  const arn = (
    await sqs.send(new GetQueueAttributesCommand({ QueueUrl: probe.url, AttributeNames: ['QueueArn'] }))
  ).Attributes!.QueueArn!;
  await eventBridge.send(
    new PutRuleCommand({
      Name: probe.rule,
      EventBusName: busName,
      EventPattern: JSON.stringify({ source: ['relais.channels'], 'detail-type': ['ChannelEvent'] }),
    }),
  );
  await eventBridge.send(
    new PutTargetsCommand({ Rule: probe.rule, EventBusName: busName, Targets: [{ Id: 'probe', Arn: arn }] }),
  );
});

afterAll(async () => {
  const { busName } = sandbox().resources;
  await eventBridge.send(
    new RemoveTargetsCommand({ Rule: probe.rule, EventBusName: busName, Ids: ['probe'] }),
  );
  await eventBridge.send(new DeleteRuleCommand({ Name: probe.rule, EventBusName: busName }));
  await sqs.send(new DeleteQueueCommand({ QueueUrl: probe.url }));
});

/** Reads the probe until `done` holds of what was seen, or `ms` passed; answers what was seen. */
const watchBus = async (done: (events: ChannelEventV1[]) => boolean, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!done(seen) && Date.now() < deadline) {
    const batch = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: probe.url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    for (const message of batch.Messages ?? []) seen.push(JSON.parse(message.Body!).detail);
    if (batch.Messages?.length) {
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: probe.url,
          Entries: batch.Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
        }),
      );
    }
  }
  return seen;
};
const onBus = (ids: string[]) => seen.filter((e) => ids.includes(e.eventId));

// --- helpers -----------------------------------------------------------------------------------

const newKey = async (channel = 'web') => {
  const admin = await as('admin');
  const created = await admin.request<WriteKeyWithSecret>('POST', '/v1/write-keys', {
    body: { channel, label: `Test ${channel}` },
  });
  expect(created.status).toBe(201);
  return created.body;
};

const post = (key: string | undefined, batch: unknown, sentAt = new Date().toISOString()) =>
  anonymous().request<IngestResponse>('POST', '/v1/events', {
    body: { batch, sentAt },
    headers: key ? { 'x-write-key': key } : {},
  });

const claimed = async (channel: string, messageId: string) =>
  (
    await dynamodb.send(
      new GetItemCommand({
        TableName: sandbox().resources.tables.ingest.name,
        Key: { pk: { S: `MSG#${channel}#${messageId}` } },
        ConsistentRead: true,
      }),
    )
  ).Item !== undefined;

// --- the tests ---------------------------------------------------------------------------------

describe('posting events', () => {
  it('answers per event: accepted ids, and each refused event with its position and fields (207)', async () => {
    // Prepare
    const { key } = await newKey();
    const visitor = uid('visitor');
    const good = [pageView(visitor), pageView(visitor)];
    const bad = { ...pageView(visitor), type: 'page_view', properties: { title: 'no path' } };
    // Act
    const answer = await post(key, [good[0], bad, 'not an event', good[1]]);
    // Assess
    expect(answer.status).toBe(207);
    expect(answer.body.accepted).toEqual([good[0]!.messageId, good[1]!.messageId]);
    expect(answer.body.rejected).toEqual([
      expect.objectContaining({ index: 1, messageId: bad.messageId, retryable: false }),
      expect.objectContaining({ index: 2, retryable: false }),
    ]);
    expect(answer.body.rejected[0]!.errors).toContainEqual(
      expect.objectContaining({ field: 'properties.path' }),
    );
    await watchBus(() => onBus(answer.body.accepted).length === 2);
    expect(onBus([bad.messageId])).toEqual([]);
  });

  it('puts accepted events on the bus with the channel, the corrected time and the source IP', async () => {
    // Prepare: the device clock is 2 hours fast.
    const { key, id } = await newKey('android');
    const fast = (ms: number) => new Date(Date.now() + 2 * 3_600_000 + ms).toISOString();
    const event = {
      ...pageView(uid('device')),
      type: 'screen_view',
      timestamp: fast(-60_000),
      properties: { name: 'Accueil' },
    };
    // Act
    const before = Date.now();
    const answer = await post(key, [event], fast(0));
    // Assess
    expect(answer.status).toBe(200);
    await watchBus(() => onBus([event.messageId]).length === 1);
    const [published] = onBus([event.messageId]);
    expect(published).toMatchObject({
      channel: 'android',
      writeKeyId: id,
      type: 'screen_view',
      schemaVersion: 1,
    });
    const occurred = Date.parse(published!.occurredAt);
    expect(occurred).toBeGreaterThan(before - 62_000);
    expect(occurred).toBeLessThan(Date.now() - 58_000);
    expect(published!.context.ip).toMatch(/127\.0\.0\.1|::1/);
  });

  it('refuses for good an event older than a week once its clock is corrected, and takes the rest', async () => {
    // Prepare: the device clock is right; one event is 8 days old, one was sent with an absurd clock.
    const { key } = await newKey();
    const visitor = uid('old');
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000).toISOString();
    const old = pageView(visitor, { timestamp: eightDaysAgo });
    const recent = pageView(visitor);
    // Act
    const answer = await post(key, [old, recent]);
    const absurd = await post(key, [pageView(visitor)], '9999-12-31T00:00:00.000Z');
    // Assess
    expect(answer.status).toBe(207);
    expect(answer.body.accepted).toEqual([recent.messageId]);
    expect(answer.body.rejected.map((r) => [r.index, r.retryable, r.errors?.[0]?.field])).toEqual([
      [0, false, 'timestamp'],
    ]);
    expect([absurd.status, absurd.body.rejected[0]?.retryable]).toEqual([207, false]);
  });

  it('refuses a malformed batch as a whole (400) and keeps nothing of it', async () => {
    // Prepare
    const { key } = await newKey();
    const event = pageView(uid('visitor'));
    const tooMany = Array.from({ length: 101 }, () => pageView(uid('visitor')));
    // Act
    const noSentAt = await anonymous().request('POST', '/v1/events', {
      body: { batch: [event] },
      headers: { 'x-write-key': key },
    });
    const notJson = await fetch(`${sandbox().apiUrl}/v1/events`, {
      method: 'POST',
      headers: { 'x-write-key': key, 'content-type': 'application/json' },
      body: `{"batch": [${JSON.stringify(event)}`,
    });
    const overLimit = await post(key, tooMany);
    // Assess
    expect(noSentAt.status).toBe(400);
    expect(notJson.status).toBe(400);
    expect(overLimit.status).toBe(400);
    expect(await claimed('web', event.messageId)).toBe(false);
    expect(await claimed('web', tooMany[0]!.messageId)).toBe(false);
    await watchBus(() => false, 1500);
    expect(onBus([event.messageId, ...tooMany.map((e) => e.messageId)])).toEqual([]);
  });

  it('creates nothing twice when a batch is retried, or an event repeated within it', async () => {
    // Prepare
    const { key } = await newKey();
    const visitor = uid('visitor');
    const batch = Array.from({ length: 20 }, () => pageView(visitor));
    const ids = batch.map((e) => e.messageId);
    // Act
    const firstTry = await post(key, batch);
    const retry = await post(key, batch);
    const repeated = await post(key, [batch[0], batch[0]]);
    // Assess
    expect(firstTry.status).toBe(200);
    expect(retry.body).toEqual(firstTry.body);
    expect(repeated.body.accepted).toEqual([ids[0], ids[0]]);
    await watchBus(() => onBus(ids).length >= 20);
    await watchBus(() => false, 2000);
    const published = onBus(ids).map((e) => e.eventId);
    expect(published).toHaveLength(20);
    expect(new Set(published)).toEqual(new Set(ids));
  });

  it('takes over a claim left by a request that crashed, and asks to retry one still in progress', async () => {
    // Prepare: two claims as a crashed request (2 minutes ago) and a running one (now) leave them.
    const { key } = await newKey();
    const crashed = pageView(uid('visitor'));
    const running = pageView(uid('visitor'));
    const claim = (messageId: string, claimedAt: Date) =>
      dynamodb.send(
        new PutItemCommand({
          TableName: sandbox().resources.tables.ingest.name,
          Item: {
            pk: { S: `MSG#web#${messageId}` },
            state: { S: 'pending' },
            claimedAt: { S: claimedAt.toISOString() },
            claimToken: { S: 'another-request' },
          },
        }),
      );
    await claim(crashed.messageId, new Date(Date.now() - 120_000));
    await claim(running.messageId, new Date());
    // Act
    const answer = await post(key, [crashed, running]);
    // Assess
    expect(answer.status).toBe(207);
    expect(answer.body.accepted).toEqual([crashed.messageId]);
    expect(answer.body.rejected).toEqual([expect.objectContaining({ index: 1, retryable: true })]);
    await watchBus(() => onBus([crashed.messageId]).length === 1);
    expect(onBus([crashed.messageId])).toHaveLength(1);
  });

  it('refuses as retryable what the bus would not take, and stores it once when retried', async () => {
    // Prepare: the ingest function is pointed at a bus that does not exist, for one request.
    const { key } = await newKey();
    const events = [pageView(uid('visitor')), pageView(uid('visitor'))];
    const ids = events.map((e) => e.messageId);
    const bus = process.env.EVENT_BUS_NAME;
    process.env.EVENT_BUS_NAME = `${bus}-unavailable`;
    // Act
    const refused = await post(key, events).finally(() => {
      process.env.EVENT_BUS_NAME = bus;
    });
    const retried = await post(key, events);
    // Assess
    expect(refused.status).toBe(207);
    expect(refused.body.accepted).toEqual([]);
    expect(refused.body.rejected.map((r) => [r.index, r.retryable])).toEqual([
      [0, true],
      [1, true],
    ]);
    expect(retried.status).toBe(200);
    expect(retried.body.accepted).toEqual(ids);
    await watchBus(() => onBus(ids).length >= 2);
    await watchBus(() => false, 1500);
    expect(onBus(ids).map((e) => e.eventId)).toEqual(expect.arrayContaining(ids));
    expect(onBus(ids)).toHaveLength(2);
  });

  it('counts events sent without consent once, however often they are sent, and keeps none of them', async () => {
    // Prepare
    const { key } = await newKey('ios');
    const day = new Date().toISOString().slice(0, 10);
    const before = await countedWithoutConsent(day, 'ios', 'screen_view');
    const events = Array.from({ length: 3 }, () => ({
      ...pageView(uid('phone')),
      type: 'screen_view',
      context: { consent: { analytics: false } },
      properties: { name: 'Comptes' },
    }));
    // Act: the app did not get the first answer and sends the batch again.
    const answer = await post(key, events);
    const again = await post(key, events);
    // Assess: the message ids are claimed (a claim holds the id and its state, nothing of the visitor).
    expect(answer.status).toBe(200);
    expect(answer.body.accepted).toHaveLength(3);
    expect(again.body.accepted).toHaveLength(3);
    expect(await countedWithoutConsent(day, 'ios', 'screen_view')).toBe(before + 3);
    expect(await claimed('ios', events[0]!.messageId)).toBe(true);
    await watchBus(() => false, 1500);
    expect(onBus(events.map((e) => e.messageId))).toEqual([]);
  });
});

describe('write keys', () => {
  it('refuses a request without a key, or with an unknown one (401)', async () => {
    const missing = await post(undefined, [pageView(uid('visitor'))]);
    const unknown = await post(`rk_web_${'x'.repeat(32)}`, [pageView(uid('visitor'))]);
    expect(missing.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
  });

  it('checks the key before the body: a bad key with a malformed batch is a 401, not a 400', async () => {
    // Prepare: a batch that is not a list, which a valid key would get a 400 for.
    const malformed = 'not a list of events';
    // Act
    const withoutKey = await post(undefined, malformed);
    const withBadKey = await post(`rk_web_${'y'.repeat(32)}`, malformed);
    const withKey = await post(sandbox().demoWriteKey, malformed);
    // Assess: nothing about the body is told to whoever has no key.
    expect(withoutKey.status).toBe(401);
    expect(withBadKey.status).toBe(401);
    expect(JSON.stringify(withBadKey.body)).not.toContain('batch');
    expect(withKey.status).toBe(400);
  });

  it('shows a key once and lists keys without their secrets', async () => {
    // Prepare
    const created = await newKey('contact_centre');
    // Act
    const list = await (await as('admin')).request<{ items: WriteKey[] }>('GET', '/v1/write-keys');
    // Assess
    const listed = list.body.items.find((k) => k.id === created.id);
    expect(listed).toMatchObject({
      channel: 'contact_centre',
      status: 'active',
      keyPrefix: created.keyPrefix,
    });
    expect(JSON.stringify(list.body)).not.toContain(created.key);
    expect(JSON.stringify(list.body)).not.toContain('keyHash');
  });

  it('refuses a revoked key at once', async () => {
    // Prepare
    const { key, id } = await newKey();
    expect((await post(key, [pageView(uid('visitor'))])).status).toBe(200);
    // Act
    const revoked = await (await as('admin')).request('DELETE', `/v1/write-keys/${id}`);
    const after = await post(key, [pageView(uid('visitor'))]);
    // Assess
    expect(revoked.status).toBe(204);
    expect(after.status).toBe(401);
  });

  it('keeps a rotated key working during its grace period, beside its replacement', async () => {
    // Prepare
    const old = await newKey();
    const admin = await as('admin');
    // Act
    const rotated = await admin.request<WriteKeyWithSecret>('POST', `/v1/write-keys/${old.id}/rotate`, {
      body: { graceHours: 1 },
    });
    const withOld = await post(old.key, [pageView(uid('visitor'))]);
    const withNew = await post(rotated.body.key, [pageView(uid('visitor'))]);
    const again = await admin.request('POST', `/v1/write-keys/${old.id}/rotate`, { body: { graceHours: 1 } });
    // Assess
    expect(rotated.status).toBe(200);
    expect(rotated.body.key).not.toBe(old.key);
    expect(withOld.status).toBe(200);
    expect(withNew.status).toBe(200);
    expect(again.status).toBe(409);
  });

  it('refuses a key rotated without grace', async () => {
    const old = await newKey();
    await (await as('admin')).request('POST', `/v1/write-keys/${old.id}/rotate`, { body: { graceHours: 0 } });
    expect((await post(old.key, [pageView(uid('visitor'))])).status).toBe(401);
  });
});

describe('identity stitching', () => {
  it('links the visitor at login; later events of that visitor carry the customer', async () => {
    // Prepare
    const { key } = await newKey();
    const visitor = uid('browser');
    const before = pageView(visitor);
    const login = await identify(visitor, first!.id);
    const after = pageView(visitor);
    // Act
    await post(key, [before, login]);
    await post(key, [after]);
    const identities = await (await as(advisor)).request<{ items: IdentityLink[] }>(
      'GET',
      `/v1/customers/${first!.id}/identities`,
    );
    // Assess
    expect(identities.status).toBe(200);
    expect(identities.body.items).toContainEqual(
      expect.objectContaining({
        anonymousId: visitor,
        customerId: first!.id,
        linkedBy: login.messageId,
        channel: 'web',
      }),
    );
    const ids = [before, login, after].map((e) => e.messageId);
    await watchBus(() => onBus(ids).length === 3);
    const byId = new Map(onBus(ids).map((e) => [e.eventId, e]));
    expect(byId.get(before.messageId)?.customerId).toBeUndefined();
    expect(byId.get(after.messageId)?.customerId).toBe(first!.id);
    const file = await (await as(advisor)).request<Customer360>('GET', `/v1/customers/${first!.id}/360`);
    expect(file.body.timeline).toContainEqual(
      expect.objectContaining({
        type: 'IdentityLinked',
        detail: expect.objectContaining({ anonymousId: visitor }),
      }),
    );
    // … and the link, both ways, goes by TTL 25 months after it was made (760 days, ± the
    // months' lengths and the day it ends on)
    const linkedAt = Date.parse(
      String(identities.body.items.find((i) => i.anonymousId === visitor)?.linkedAt),
    );
    for (const key of [
      channelKeys.anonymousLink(visitor),
      { pk: customerCollection.pk(first!.id), sk: customerCollection.identitySk(visitor) },
    ]) {
      const item = (await documents.send(new GetCommand({ TableName: tableName('main'), Key: key }))).Item;
      const days = (Number(item?.expiresAt) * 1000 - linkedAt) / 86_400_000;
      expect(days).toBeGreaterThan(757);
      expect(days).toBeLessThanOrEqual(762);
    }
  });

  it('moves the link when someone else logs in on the same browser, telling both files', async () => {
    // Prepare
    const { key } = await newKey();
    const visitor = uid('shared');
    await post(key, [await identify(visitor, first!.id)]);
    // Act
    await post(key, [await identify(visitor, second!.id)]);
    const api = await as(advisor);
    const firstLinks = await api.request<{ items: IdentityLink[] }>(
      'GET',
      `/v1/customers/${first!.id}/identities`,
    );
    const secondLinks = await api.request<{ items: IdentityLink[] }>(
      'GET',
      `/v1/customers/${second!.id}/identities`,
    );
    const firstFile = await api.request<Customer360>('GET', `/v1/customers/${first!.id}/360`);
    // Assess
    expect(firstLinks.body.items.map((l) => l.anonymousId)).not.toContain(visitor);
    expect(secondLinks.body.items.map((l) => l.anonymousId)).toContain(visitor);
    const unlinked = firstFile.body.timeline.find(
      (e) => e.type === 'IdentityUnlinked' && e.detail.anonymousId === visitor,
    );
    expect(unlinked?.detail.reason).toBe('linked_to_another_customer');
    expect(JSON.stringify(unlinked)).not.toContain(second!.id);
  });

  it('lets a service agent undo a link, recorded in the timeline; later events stay anonymous', async () => {
    // Prepare
    const { key } = await newKey();
    const visitor = uid('undo');
    await post(key, [await identify(visitor, first!.id)]);
    const agent = await as('service_agent');
    // Act
    const undone = await agent.request('DELETE', `/v1/customers/${first!.id}/identities/${visitor}`);
    const again = await agent.request('DELETE', `/v1/customers/${first!.id}/identities/${visitor}`);
    const later = pageView(visitor);
    await post(key, [later]);
    // Assess
    expect(undone.status).toBe(204);
    expect(again.status).toBe(204);
    const links = await agent.request<{ items: IdentityLink[] }>(
      'GET',
      `/v1/customers/${first!.id}/identities`,
    );
    expect(links.body.items.map((l) => l.anonymousId)).not.toContain(visitor);
    const file = await agent.request<Customer360>('GET', `/v1/customers/${first!.id}/360`);
    expect(file.body.timeline).toContainEqual(
      expect.objectContaining({
        type: 'IdentityUnlinked',
        detail: expect.objectContaining({ reason: 'unlinked' }),
      }),
    );
    await watchBus(() => onBus([later.messageId]).length === 1);
    expect(onBus([later.messageId])[0]?.customerId).toBeUndefined();
  });

  it('refuses a login without a valid identity token, and trusts no customer id an event names by itself', async () => {
    // Prepare: an attacker with the public web key tries to pass for the first customer.
    const { key } = await newKey();
    const visitor = uid('spoof');
    const { identityToken: _none, ...withoutToken } = await identify(visitor, first!.id);
    const othersToken = await identify(
      visitor,
      first!.id,
      await sandbox().identityToken(second!.id, visitor),
    );
    const forged = await identify(
      visitor,
      first!.id,
      `${(await sandbox().identityToken(first!.id, visitor)).slice(0, -4)}AAAA`,
    );
    // A token of the customer's own login, copied from the customer's device.
    const copied = await identify(
      visitor,
      first!.id,
      await sandbox().identityToken(first!.id, uid('victim')),
    );
    const namingTheCustomer = pageView(visitor, { customerId: first!.id });
    // Act
    const answer = await post(key, [withoutToken, othersToken, forged, copied, namingTheCustomer]);
    const identities = await (await as(advisor)).request<{ items: IdentityLink[] }>(
      'GET',
      `/v1/customers/${first!.id}/identities`,
    );
    // Assess
    expect(answer.status).toBe(207);
    expect(answer.body.accepted).toEqual([namingTheCustomer.messageId]);
    expect(answer.body.rejected.map((r) => [r.index, r.retryable, r.errors?.[0]?.field])).toEqual([
      [0, false, 'identityToken'],
      [1, false, 'identityToken'],
      [2, false, 'identityToken'],
      [3, false, 'identityToken'],
    ]);
    expect(answer.body.rejected[1]?.errors?.[0]?.message).toBe('the identity token names another customer');
    expect(answer.body.rejected[3]?.errors?.[0]?.message).toBe(
      'the identity token was issued to another device',
    );
    expect(identities.body.items.map((l) => l.anonymousId)).not.toContain(visitor);
    await watchBus(() => onBus([namingTheCustomer.messageId]).length === 1);
    expect(onBus([namingTheCustomer.messageId])[0]?.customerId).toBeUndefined();
  });

  it('trusts the customer of an event that carries its identity token, even before its login arrives', async () => {
    // Prepare: the next page's events overtake the login, still in flight from the page before.
    const { key } = await newKey();
    const visitor = uid('overtaken');
    const identityToken = await sandbox().identityToken(first!.id, visitor);
    const early = pageView(visitor, { customerId: first!.id, identityToken });
    // Expired before it was received, though the sender dates the event inside its validity.
    const expiredAt = new Date(Date.now() - 3_600_000);
    const expired = pageView(visitor, {
      customerId: first!.id,
      timestamp: new Date(expiredAt.getTime() + 60_000).toISOString(),
      identityToken: await sandbox().identityToken(first!.id, visitor, expiredAt),
    });
    // Act
    const answer = await post(key, [early, expired]);
    // Assess: both kept; only the one whose token was valid when received names the customer.
    expect(answer.body.accepted).toEqual([early.messageId, expired.messageId]);
    await watchBus(() => onBus([early.messageId, expired.messageId]).length === 2);
    const byId = new Map(onBus([early.messageId, expired.messageId]).map((e) => [e.eventId, e]));
    expect(byId.get(early.messageId)?.customerId).toBe(first!.id);
    expect(byId.get(expired.messageId)?.customerId).toBeUndefined();
  });

  it("keeps a customer's identities from advisors of other branches (404)", async () => {
    const response = await (await as(outsider)).request('GET', `/v1/customers/${first!.id}/identities`);
    expect(response.status).toBe(404);
  });
});

describe('custom events', () => {
  it('checks custom events against the latest registered schema of their name', async () => {
    // Prepare
    const admin = await as('admin');
    const name = `budget_tool_${Date.now().toString(36)}`;
    const schema = {
      type: 'object',
      properties: { tool: { type: 'string', enum: ['budget', 'epargne'] } },
      required: ['tool'],
    };
    const v1 = await admin.request<{ version: number }>('POST', '/v1/event-schemas', {
      body: { name, description: 'Outil budget utilisé', jsonSchema: schema },
    });
    const v2 = await admin.request<{ version: number }>('POST', '/v1/event-schemas', {
      body: {
        name,
        description: 'Outil budget utilisé (v2)',
        jsonSchema: { ...schema, additionalProperties: false },
      },
    });
    const notObject = await admin.request<{ errors: { field: string }[] }>('POST', '/v1/event-schemas', {
      body: { name, description: 'x', jsonSchema: { type: 'string' } },
    });
    const { key } = await newKey();
    const custom = (properties: Record<string, unknown>, eventName = name) => ({
      ...pageView(uid('visitor')),
      messageId: uid('custom'),
      type: 'custom',
      name: eventName,
      properties,
    });
    // Act
    const answer = await post(key, [
      custom({ tool: 'budget' }),
      custom({ tool: 'budget', extra: true }),
      custom({ tool: 'budget' }, 'never_registered'),
    ]);
    const list = await (await as('analyst')).request<{ items: { name: string; version: number }[] }>(
      'GET',
      '/v1/event-schemas',
    );
    // Assess
    expect([v1.status, v1.body.version, v2.status, v2.body.version]).toEqual([201, 1, 201, 2]);
    expect(notObject.status).toBe(400);
    expect(notObject.body.errors[0]?.field).toBe('jsonSchema');
    expect(answer.status).toBe(207);
    expect(answer.body.accepted).toHaveLength(1);
    expect(answer.body.rejected.map((r) => r.index)).toEqual([1, 2]);
    expect(list.body.items.filter((s) => s.name === name).map((s) => s.version)).toEqual([2, 1]);
  });
});

/**
 * The archiver's batch work on an in-memory lake: events become curated rows and pseudonymised
 * raw lines, grouped by the hour they occurred, cut into files by size, named by their events
 * (a redelivered batch overwrites, never duplicates), readable back with hyparquet, with no
 * personal data anywhere in the written bytes, and failures reported per message.
 */
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { archiveBatch, planFiles } from '#functions/analytics/lake/archive.ts';
import { readCuratedParquet, readNdjsonGzip } from '#functions/analytics/lake/files.ts';
import { pseudonymOf } from '#functions/analytics/lake/privacy.ts';
import { parseEnvelope, toLakeEvent } from '#functions/analytics/lake/rows.ts';
import { memoryLakeStore } from '#functions/analytics/lake/store.ts';
import { curatedColumns } from '#schemas/analytics/lake.ts';
import {
  channelEnvelope,
  customerCreatedEnvelope,
  nobodyErased,
  noObjections,
  pageViews,
  sqsRecords,
  testKey,
} from './lake-events.ts';

const keysUnder = (store: ReturnType<typeof memoryLakeStore>, prefix: string) =>
  [...store.objects.keys()].filter((key) => key.startsWith(prefix)).sort();

const curatedRowsOf = async (store: ReturnType<typeof memoryLakeStore>) =>
  (
    await Promise.all(
      keysUnder(store, 'curated/').map(async (key) => readCuratedParquet(await store.get(key))),
    )
  ).flat();

describe('row mapping', () => {
  test('maps a channel event to every curated column', () => {
    // Prepare
    const envelope = channelEnvelope({
      eventId: 'msg-0001-abcd',
      occurredAt: '2026-11-23T09:41:07.250Z',
      type: 'product_view',
      customerId: 'cus_42',
      sessionId: 'sess-9',
      properties: { product: 'PTZ-2026', family: 'loan' },
    });

    // Act
    const event = toLakeEvent(parseEnvelope(JSON.stringify(envelope)), testKey);

    // Assess
    expect(event.partition).toEqual({ dt: '2026-11-23', hour: '09' });
    expect(event.row).toEqual({
      event_id: 'msg-0001-abcd',
      event_type: 'product_view',
      source: 'relais.channels',
      channel: 'web',
      occurred_at: new Date('2026-11-23T09:41:07.250Z'),
      received_at: new Date('2026-11-23T09:41:08.750Z'),
      anonymous_id: 'anon-7f3a9c21',
      customer_pid: pseudonymOf('cus_42', testKey),
      session_id: 'sess-9',
      page_path: '/credit-immo',
      product: 'PTZ-2026',
      properties: JSON.stringify({ product: 'PTZ-2026', family: 'loan' }),
    });
    expect(Object.keys(event.row)).toEqual(curatedColumns.map((column) => column.name));
  });

  test('maps a domain event: its detail-type, its pseudonymised customer and its facts in properties', () => {
    // Prepare
    const envelope = customerCreatedEnvelope({
      eventId: 'evt-1',
      customerId: 'cus_42',
      occurredAt: '2026-11-23T10:00:00.000Z',
    });

    // Act
    const { row, raw } = toLakeEvent(parseEnvelope(JSON.stringify(envelope)), testKey);

    // Assess
    expect(row).toMatchObject({
      event_id: 'evt-1',
      event_type: 'CustomerCreated',
      source: 'relais.customers',
      channel: null,
      customer_pid: pseudonymOf('cus_42', testKey),
      session_id: null,
    });
    expect(JSON.parse(row.properties ?? '{}')).toEqual({
      schemaVersion: 1,
      actor: { id: 'stf-advisor-01' },
      branchId: 'br-paris-01',
      kind: 'individual',
      segment: 'affluent',
    });
    expect(raw.detail).not.toHaveProperty('customerId');
    expect(raw.detail.customerPid).toBe(pseudonymOf('cus_42', testKey));
  });

  test('names custom events after their registered name and screen views after their screen', () => {
    // Prepare
    const custom = channelEnvelope({
      eventId: 'msg-custom-1',
      occurredAt: '2026-11-23T10:00:00.000Z',
      type: 'custom',
      name: 'budget_tool_used',
      properties: { step: 2 },
    });
    const screen = channelEnvelope({
      eventId: 'msg-screen-1',
      occurredAt: '2026-11-23T10:00:00.000Z',
      type: 'screen_view',
      context: { consent: { analytics: true } },
      properties: { name: 'Comptes' },
    });

    // Act
    const customRow = toLakeEvent(parseEnvelope(JSON.stringify(custom)), testKey).row;
    const screenRow = toLakeEvent(parseEnvelope(JSON.stringify(screen)), testKey).row;

    // Assess
    expect(customRow.event_type).toBe('custom:budget_tool_used');
    expect(screenRow.page_path).toBe('Comptes');
  });
});

describe('planFiles', () => {
  test('groups events by the UTC date and hour they occurred', () => {
    // Prepare
    const events = [
      channelEnvelope({ eventId: 'a-1', occurredAt: '2026-11-23T09:59:59.999Z' }),
      channelEnvelope({ eventId: 'a-2', occurredAt: '2026-11-23T10:00:00.000Z' }),
      channelEnvelope({ eventId: 'a-3', occurredAt: '2026-11-24T00:30:00.000+01:00' }),
    ].map((envelope) => toLakeEvent(parseEnvelope(JSON.stringify(envelope)), testKey));

    // Act
    const files = planFiles(events);

    // Assess
    expect(files.map((file) => [file.partition, file.events.map((e) => e.eventId)])).toEqual([
      [{ dt: '2026-11-23', hour: '09' }, ['a-1']],
      [{ dt: '2026-11-23', hour: '10' }, ['a-2']],
      [{ dt: '2026-11-23', hour: '23' }, ['a-3']],
    ]);
  });

  test('cuts a partition into files under the size threshold, the same way whatever the order', () => {
    // Prepare
    const events = pageViews(200, '2026-11-23T09:00:00.000Z').map((envelope) =>
      toLakeEvent(parseEnvelope(JSON.stringify(envelope)), testKey),
    );
    const maxFileBytes = 20_000;

    // Act
    const files = planFiles(events, maxFileBytes);
    const shuffled = planFiles([...events].reverse(), maxFileBytes);

    // Assess
    expect(files.length).toBeGreaterThan(1);
    expect(files.every((file) => file.bytes <= maxFileBytes)).toBe(true);
    expect(files.flatMap((file) => file.events).length).toBe(200);
    expect(shuffled.map((file) => file.events.map((e) => e.eventId))).toEqual(
      files.map((file) => file.events.map((e) => e.eventId)),
    );
  });
});

describe('archiveBatch', () => {
  test('writes one raw and one curated file per partition, readable back with every event', async () => {
    // Prepare
    const store = memoryLakeStore();
    const bodies = [
      ...pageViews(30, '2026-11-23T09:00:00.000Z', 'h9'),
      ...pageViews(20, '2026-11-23T10:00:00.000Z', 'h10'),
    ];

    // Act
    const outcome = await archiveBatch(sqsRecords(bodies), {
      store,
      key: testKey,
      profilingObjections: noObjections,
      erased: nobodyErased,
    });

    // Assess
    expect(outcome.failed.size).toBe(0);
    expect(outcome.events).toBe(50);
    const raw = keysUnder(store, 'raw/');
    const curated = keysUnder(store, 'curated/events/');
    expect(raw).toHaveLength(2);
    expect(curated).toHaveLength(2);
    expect(raw[0]).toMatch(/^raw\/dt=2026-11-23\/hour=09\/[0-9a-f]{32}\.ndjson\.gz$/);
    expect(curated[1]).toMatch(/^curated\/events\/dt=2026-11-23\/hour=10\/[0-9a-f]{32}\.parquet$/);
    const rows = await curatedRowsOf(store);
    expect(rows.map((row) => row.event_id).sort()).toEqual(bodies.map((body) => body.detail.eventId).sort());
    expect(rows[0]?.occurred_at).toBeInstanceOf(Date);
    const lines = readNdjsonGzip(await store.get(raw[0]!)) as { detail: { eventId: string } }[];
    expect(lines).toHaveLength(30);
  });

  test("keeps no pseudonym for the events of a customer who objected to profiling, and the others' as they are", async () => {
    // Prepare
    const store = memoryLakeStore();
    const asked: string[][] = [];
    const bodies = [
      channelEnvelope({
        eventId: 'obj-1',
        occurredAt: '2026-11-23T09:00:01.000Z',
        customerId: 'cu-objecting01',
      }),
      channelEnvelope({
        eventId: 'ok-1',
        occurredAt: '2026-11-23T09:00:02.000Z',
        customerId: 'cu-consenting',
      }),
      customerCreatedEnvelope({
        eventId: 'obj-2',
        customerId: 'cu-objecting01',
        occurredAt: '2026-11-23T09:00:03.000Z',
      }),
    ];

    // Act
    const outcome = await archiveBatch(sqsRecords(bodies), {
      store,
      key: testKey,
      profilingObjections: async (ids) => {
        asked.push(ids);
        return new Set(['cu-objecting01']);
      },
      erased: nobodyErased,
    });

    // Assess
    expect(outcome.failed.size).toBe(0);
    expect(asked).toEqual([['cu-objecting01', 'cu-consenting']]);
    const rows = await curatedRowsOf(store);
    const pidOf = (id: string) => rows.find((row) => row.event_id === id)?.customer_pid;
    expect(pidOf('obj-1')).toBeNull();
    expect(pidOf('obj-2')).toBeNull();
    expect(pidOf('ok-1')).toBe(pseudonymOf('cu-consenting', testKey));
    const raw = readNdjsonGzip(await store.get(keysUnder(store, 'raw/')[0]!)) as { detail: object }[];
    expect(raw.filter((line) => 'customerPid' in line.detail)).toHaveLength(1);
  });

  test('writes nothing of a batch whose objections could not be read: every message is retried', async () => {
    // Prepare
    const store = memoryLakeStore();

    // Act
    const outcome = archiveBatch(sqsRecords(pageViews(3, '2026-11-23T09:00:00.000Z')), {
      store,
      key: testKey,
      erased: nobodyErased,
      profilingObjections: async () => {
        throw new Error('ProvisionedThroughputExceededException');
      },
    });

    // Assess
    await expect(outcome).rejects.toThrow('ProvisionedThroughputExceededException');
    expect(keysUnder(store, '')).toEqual([]);
  });

  test('splits a large partition into several files by size', async () => {
    // Prepare
    const store = memoryLakeStore();
    const bodies = pageViews(300, '2026-11-23T09:00:00.000Z');

    // Act
    const outcome = await archiveBatch(sqsRecords(bodies), {
      store,
      key: testKey,
      profilingObjections: noObjections,
      erased: nobodyErased,
      maxFileBytes: 32_000,
    });

    // Assess
    expect(outcome.written.length).toBeGreaterThan(2);
    expect(keysUnder(store, 'curated/')).toHaveLength(outcome.written.length);
    expect((await curatedRowsOf(store)).length).toBe(300);
    for (const key of keysUnder(store, 'raw/')) {
      expect(gunzipSync(await store.get(key)).byteLength).toBeLessThanOrEqual(32_000);
    }
  });

  test('a redelivered batch overwrites its files instead of adding duplicates', async () => {
    // Prepare
    const store = memoryLakeStore();
    const bodies = pageViews(40, '2026-11-23T09:00:00.000Z');
    await archiveBatch(sqsRecords(bodies), {
      store,
      key: testKey,
      profilingObjections: noObjections,
      erased: nobodyErased,
    });
    const before = [...store.objects.keys()].sort();

    // Act
    await archiveBatch(sqsRecords([...bodies].reverse()), {
      store,
      key: testKey,
      profilingObjections: noObjections,
      erased: nobodyErased,
    });

    // Assess
    expect([...store.objects.keys()].sort()).toEqual(before);
    expect((await curatedRowsOf(store)).length).toBe(40);
  });

  test('writes an event sent twice in one batch once', async () => {
    // Prepare
    const store = memoryLakeStore();
    const [first, second] = pageViews(2, '2026-11-23T09:00:00.000Z');

    // Act
    const outcome = await archiveBatch(sqsRecords([first, second, first]), {
      store,
      key: testKey,
      profilingObjections: noObjections,
      erased: nobodyErased,
    });

    // Assess
    expect(outcome.duplicates).toBe(1);
    expect((await curatedRowsOf(store)).map((row) => row.event_id).sort()).toEqual([
      'pv-000000',
      'pv-000001',
    ]);
  });

  test('reports unreadable messages alone and archives the others', async () => {
    // Prepare
    const store = memoryLakeStore();
    const withBadTime = channelEnvelope({ eventId: 'bad-time', occurredAt: '2026-11-23T09:00:00.000Z' });
    withBadTime.detail.occurredAt = 'yesterday';
    const records = sqsRecords([
      ...pageViews(3, '2026-11-23T09:00:00.000Z'),
      'not json',
      { id: 'x', source: 'relais.customers', detail: {} },
      withBadTime,
    ]);

    // Act
    const outcome = await archiveBatch(records, {
      store,
      key: testKey,
      profilingObjections: noObjections,
      erased: nobodyErased,
    });

    // Assess
    expect([...outcome.failed.keys()].sort()).toEqual(
      records
        .slice(3)
        .map((r) => r.messageId)
        .sort(),
    );
    expect(outcome.events).toBe(3);
  });

  test('reports the messages of a file that could not be written, and only them', async () => {
    // Prepare
    const store = memoryLakeStore();
    const failing = {
      ...store,
      put: async (key: string, body: Uint8Array, type: string) => {
        if (key.includes('hour=10')) throw new Error('SlowDown');
        await store.put(key, body, type);
      },
    };
    const records = sqsRecords([
      ...pageViews(5, '2026-11-23T09:00:00.000Z', 'ok'),
      ...pageViews(4, '2026-11-23T10:00:00.000Z', 'ko'),
    ]);

    // Act
    const outcome = await archiveBatch(records, {
      store: failing,
      key: testKey,
      profilingObjections: noObjections,
      erased: nobodyErased,
    });

    // Assess
    expect([...outcome.failed.keys()].sort()).toEqual(
      records
        .slice(5)
        .map((r) => r.messageId)
        .sort(),
    );
    expect((await curatedRowsOf(store)).map((row) => row.event_id)).toHaveLength(5);
  });
});

describe('no personal data in the lake', () => {
  test('e-mails, phone numbers, full IPs and customer ids appear nowhere in the written bytes', async () => {
    // Prepare
    const store = memoryLakeStore();
    const secrets = [
      'jean.dupont@exemple.fr',
      'jean.dupont%40exemple.fr',
      '0611223344',
      '06 11 22 33 44',
      '+33611223344',
      '33611223344',
      '203.0.113.77',
      '2001:db8:85a3:8d3:1319:8a2e:370:7348',
      'cus_SECRET_42',
      'Camille Martin',
    ];
    const bodies = [
      channelEnvelope({
        eventId: 'pii-1',
        occurredAt: '2026-11-23T09:10:00.000Z',
        type: 'search',
        customerId: 'cus_SECRET_42',
        context: {
          consent: { analytics: true },
          ip: '203.0.113.77',
          page: {
            url: 'https://www.banque-exemple.fr/recherche?q=jean.dupont%40exemple.fr&tel=%2B33611223344',
            path: '/recherche',
            referrer: 'https://mail.exemple.fr/?to=jean.dupont@exemple.fr#06 11 22 33 44',
          },
        },
        properties: { query: 'rappel 06 11 22 33 44 ou jean.dupont@exemple.fr', results: 0 },
      }),
      channelEnvelope({
        eventId: 'pii-2',
        occurredAt: '2026-11-23T09:11:00.000Z',
        type: 'form_submit',
        customerId: 'cus_SECRET_42',
        context: { consent: { analytics: true }, ip: '2001:db8:85a3:8d3:1319:8a2e:370:7348' },
        properties: {
          form: 'contact',
          email: 'jean.dupont@exemple.fr',
          phone: '0611223344',
          fields: ['email'],
        },
      }),
      customerCreatedEnvelope({
        eventId: 'pii-3',
        customerId: 'cus_SECRET_42',
        occurredAt: '2026-11-23T09:12:00.000Z',
      }),
    ];

    // Act
    const outcome = await archiveBatch(sqsRecords(bodies), {
      store,
      key: testKey,
      profilingObjections: noObjections,
      erased: nobodyErased,
    });

    // Assess
    expect(outcome.events).toBe(3);
    const rawText = (
      await Promise.all(
        keysUnder(store, 'raw/').map(async (key) => gunzipSync(await store.get(key)).toString()),
      )
    ).join('\n');
    const curatedText = JSON.stringify(await curatedRowsOf(store));
    for (const secret of secrets) {
      expect(rawText, `raw holds ${secret}`).not.toContain(secret);
      expect(curatedText, `curated holds ${secret}`).not.toContain(secret);
    }
    expect(rawText).toContain('203.0.113.0');
    expect(rawText).toContain('2001:db8:85a3::');
    expect(curatedText).toContain(pseudonymOf('cus_SECRET_42', testKey));
  });
});

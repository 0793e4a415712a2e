/**
 * The lake end to end on the sandbox: events put on the bus go through the real `everything`
 * rule, the lake queue, the SQS poller (batches of up to 1000, 20 s window) and the archiver to
 * `raw/` and `curated/`, pseudonymised; the demo bank's domain events get there too; and the
 * compactor merges an hour's files, keeping each event once.
 */
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, test } from 'vitest';
import { lambdaContext } from '#local/lambda/lambda-context.ts';
import { spyOnBus } from '../support/bus-spy.ts';
import { idsOf, pageViewsIn, putOnBus, readPartition, waitForPartition } from '../support/lake.ts';
import { sandboxPerFile } from '../support/sandbox.ts';
import { channelEnvelope } from '../unit/analytics/lake-events.ts';

const { bank, sandbox, as, staffMember } = sandboxPerFile();

/** An hour of its own: nothing else of the sandbox writes there. */
const hour = { dt: '2026-01-15', hour: '10' };
const firstWave = pageViewsIn(hour, 300, 'arc');

describe('the lake archive', () => {
  test('every event put on the bus reaches raw/ and curated/, in a few files, pseudonymised', async () => {
    // Prepare
    const { busName, buckets } = sandbox().resources;

    // Act
    await putOnBus(busName, firstWave);
    const lake = await waitForPartition(buckets.lake, hour, (content) => idsOf(content).size >= 300);

    // Assess
    const expected = firstWave.map((event) => event.detail.eventId).sort();
    expect([...idsOf(lake)].sort()).toEqual(expected);
    expect(lake.rows).toHaveLength(300);
    expect(lake.raw.map((line) => line.detail.eventId).sort()).toEqual(expected);
    // Batches of up to 1000 with a window: a few files, not one per event.
    expect(lake.curatedFiles.length).toBeLessThanOrEqual(3);
    expect(lake.rawFiles).toHaveLength(lake.curatedFiles.length);
    const known = lake.rows.filter((row) => row.customer_pid);
    expect(known).toHaveLength(100);
    expect(known.every((row) => /^[0-9a-f]{32}$/.test(row.customer_pid ?? ''))).toBe(true);
    expect(lake.rawText).not.toContain('cu-lake-');
    expect(lake.rawText).not.toContain('203.0.113.77');
  }, 150_000);

  test("the demo bank's CustomerCreated events are in the lake, without their customer ids, pseudonymised unless the customer objected to profiling", async () => {
    // Prepare
    const { buckets } = sandbox().resources;
    const created = bank.customers.map(({ customer }) => customer);
    const partitions = [
      ...new Map(
        created.map((customer) => {
          const at = new Date(customer.createdAt).toISOString();
          const partition = { dt: at.slice(0, 10), hour: at.slice(11, 13) };
          return [`${partition.dt}/${partition.hour}`, partition];
        }),
      ).values(),
    ];

    // Act
    const contents = await Promise.all(
      partitions.map((partition) =>
        waitForPartition(buckets.lake, partition, (content) =>
          content.rows.some((row) => row.event_type === 'CustomerCreated'),
        ),
      ),
    );

    // Assess
    const rows = contents
      .flatMap((content) => content.rows)
      .filter((row) => row.event_type === 'CustomerCreated');
    expect(rows).toHaveLength(created.length);
    expect(rows.every((row) => row.source === 'relais.customers')).toBe(true);
    // The demo bank asks profiling once and records the answer on every channel: a no there is an objection.
    const profiling = (answer: boolean) =>
      bank.customers.filter(({ consents }) => {
        const given = consents.filter((consent) => consent.purpose === 'profiling');
        return given.length > 0 && given.every((consent) => consent.granted === answer);
      });
    const objecting = profiling(false);
    const consenting = profiling(true);
    expect(consenting.length).toBeGreaterThan(0);
    expect(objecting.length + consenting.length).toBe(created.length);
    expect(objecting.length).toBeGreaterThan(0);
    const pseudonymised = rows.filter((row) => row.customer_pid).length;
    expect(pseudonymised).toBe(consenting.length);
    const text = contents.map((content) => `${content.rawText}\n${JSON.stringify(content.rows)}`).join('\n');
    for (const customer of created) {
      expect(text).not.toContain(customer.id);
      if (customer.contact.email) expect(text).not.toContain(customer.contact.email);
    }
    const segments = rows.map((row) => JSON.parse(row.properties ?? '{}').segment);
    expect(segments.every((segment) => typeof segment === 'string')).toBe(true);
  }, 150_000);

  test('a customer who objects to profiling feeds the lake without a pseudonym from then on', async () => {
    // Prepare: the customer's objection, given in their file by their advisor.
    const { busName, buckets } = sandbox().resources;
    // The other customer said yes to profiling on every channel: their pseudonym stays.
    const consentingToProfiling = ({ consents }: (typeof bank.customers)[number]) =>
      consents.some((consent) => consent.purpose === 'profiling') &&
      consents.filter((consent) => consent.purpose === 'profiling').every((consent) => consent.granted);
    const objector = bank.customers[0]?.customer;
    const other = bank.customers.slice(1).find(consentingToProfiling)?.customer;
    const objectorAdvisor = await as(staffMember('advisor', objector!.branchId));
    const file = await objectorAdvisor.request<{ consents: { version: number } }>(
      'GET',
      `/v1/customers/${objector!.id}/360`,
    );
    const changes = (['email', 'sms', 'phone', 'post', 'push'] as const).map((channel) => ({
      channel,
      purpose: 'profiling',
      granted: false,
      source: 'branch',
    }));
    const put = await objectorAdvisor.request('PUT', `/v1/customers/${objector!.id}/consents`, {
      body: { changes, version: file.body.consents.version },
    });
    expect(put.status).toBe(200);
    const objectionHour = { dt: '2026-01-16', hour: '11' };
    const events = [objector!, other!].map((customer, i) =>
      channelEnvelope({
        eventId: `objection-${i}`,
        occurredAt: `${objectionHour.dt}T${objectionHour.hour}:00:0${i}.000Z`,
        customerId: customer.id,
      }),
    );
    expect(other!.id).not.toBe(objector!.id);

    // Act
    await putOnBus(busName, events);
    const lake = await waitForPartition(buckets.lake, objectionHour, (content) => content.rows.length >= 2);

    // Assess
    const pidOf = (id: string) => lake.rows.find((row) => row.event_id === id)?.customer_pid;
    expect(pidOf('objection-0')).toBeNull();
    expect(pidOf('objection-1')).toMatch(/^[0-9a-f]{32}$/);
    expect(lake.raw.find((line) => line.detail.eventId === 'objection-0')?.detail).not.toHaveProperty(
      'customerPid',
    );
  }, 150_000);

  test('the daily purge deletes the days past 25 months, raw and curated, after a dry run that only lists them', async () => {
    // Prepare: a day well past the retention, and the test's recent hour beside it.
    const { busName, buckets } = sandbox().resources;
    const old = { dt: '2024-01-15', hour: '08' };
    await putOnBus(busName, pageViewsIn(old, 5, 'old'));
    await waitForPartition(buckets.lake, old, (content) => content.rows.length >= 5);
    const { handler: purge } = await import('#functions/analytics/lake-purger.ts');
    const context = lambdaContext('lakePurger', 300);
    const spy = await spyOnBus(busName, { source: ['relais.platform'], 'detail-type': ['RetentionPurged'] });

    // Act
    const dryRun = await purge({ dryRun: true, asOf: '2026-12-02' }, context);
    const listedAfterDryRun = await readPartition(buckets.lake, old);
    const run = await purge({ asOf: '2026-12-02' }, context);

    // Assess
    expect(dryRun.cutoff).toBe('2024-11-02');
    expect(dryRun.days.map((day) => day.dt)).toContain('2024-01-15');
    expect(dryRun.days.every((day) => day.dt < '2024-11-02')).toBe(true);
    expect(listedAfterDryRun.rows).toHaveLength(5);
    expect(run.filesDeleted).toBeGreaterThanOrEqual(2);
    const gone = await readPartition(buckets.lake, old);
    expect(gone.rawFiles).toEqual([]);
    expect(gone.curatedFiles).toEqual([]);
    expect((await readPartition(buckets.lake, hour)).rows.length).toBeGreaterThan(0);
    // Counts only, and only for the run that deleted.
    const [purged, ...others] = await spy.until((seen) => seen.length >= 1);
    expect(others).toEqual([]);
    expect(purged?.detail).toMatchObject({
      location: 'lakeTable events',
      cutoff: '2024-11-02',
      removed: run.filesDeleted,
      actor: { id: 'system:lakePurger' },
    });
  }, 150_000);

  test('compaction merges the files of an hour and keeps each event once', async () => {
    // Prepare: a second wave in the same hour, a fifth of it sent again (at-least-once upstream).
    const { busName, buckets, queues } = sandbox().resources;
    const secondWave = [...pageViewsIn(hour, 80, 'arc', 300), ...firstWave.slice(0, 60)];
    await putOnBus(busName, secondWave);
    const before = await waitForPartition(buckets.lake, hour, (content) => content.rows.length >= 440);
    expect(before.curatedFiles.length).toBeGreaterThanOrEqual(2);
    expect(idsOf(before).size).toBe(380);

    // Act: the handler the hourly schedule runs, imported like the sandbox does (after its environment).
    const { handler: compact } = await import('#functions/analytics/lake-compactor.ts');
    const summary = await compact({ dt: hour.dt, hour: hour.hour }, lambdaContext('lakeCompactor', 300));
    const again = await compact({ dt: hour.dt, hour: hour.hour }, lambdaContext('lakeCompactor', 300));
    const after = await readPartition(buckets.lake, hour);

    // Assess
    expect(after.curatedFiles).toHaveLength(1);
    expect(after.rawFiles).toHaveLength(1);
    expect(after.rows).toHaveLength(380);
    expect(idsOf(after)).toEqual(idsOf(before));
    expect(new Set(after.raw.map((line) => line.detail.eventId))).toEqual(idsOf(before));
    expect(summary.duplicatesDropped).toBe(2 * 60);
    expect(again.partitions).toBe(0);
    const left = await new SQSClient({}).send(
      new GetQueueAttributesCommand({
        QueueUrl: queues.lakeIntake.dlqUrl,
        AttributeNames: ['ApproximateNumberOfMessages'],
      }),
    );
    expect(left.Attributes?.ApproximateNumberOfMessages).toBe('0');
  }, 150_000);
});

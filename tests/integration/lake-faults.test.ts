/**
 * The fault test of the lake: the archiver fails for a while (its bucket variable points at a
 * bucket that does not exist — no fault hook in production code). Messages are retried; those
 * that keep failing end in the lake queue's DLQ; once the archiver works again, the retried
 * ones get to the lake by themselves and the redrive brings the others back. Nothing is lost:
 * every event put on the bus ends in the lake, once.
 *
 * The queue's visibility timeout (360 s in the declaration) and the archiver's batching window
 * (20 s) are shortened for the test, so that retries come within seconds.
 */
import {
  GetQueueAttributesCommand,
  type QueueAttributeName,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { envName } from '#infra/declaration/functions.ts';
import { queues } from '#infra/declaration/messaging.ts';
import { redriveMessages } from '#local/cli/redrive.ts';
import { idsOf, pageViewsIn, putOnBus, readPartition, waitForPartition } from '../support/lake.ts';
import { sandboxPerFile } from '../support/sandbox.ts';

// Each retry waits for the archiver's batching window to close: 2 s instead of 20 here.
const { sandbox } = sandboxPerFile({ batchingWindows: { lakeIntake: 2 } });
const sqs = new SQSClient({});
const bucketVariable = envName.bucket('lake');
const hour = { dt: '2026-02-03', hour: '14' };

/** What the sandbox's poller reports (it logs failed invocations as Lambda would). */
const isArchiverError = (args: unknown[]) => args.some((arg) => String(arg).includes('lakeArchiver'));
const printError = console.error.bind(console);
// The archiver's expected failures are counted, not printed; anything else is printed.
const errors = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  if (!isArchiverError(args)) printError(...args);
});
const archiverFailures = () => errors.mock.calls.filter(isArchiverError).length;

const count = async (url: string, attribute: QueueAttributeName = 'ApproximateNumberOfMessages') =>
  Number(
    (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: [attribute] })))
      .Attributes?.[attribute] ?? 0,
  );

const setVisibility = (url: string, seconds: number) =>
  sqs.send(
    new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { VisibilityTimeout: String(seconds) } }),
  );

const until = async (what: string, check: () => Promise<boolean> | boolean, timeoutMs = 90_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};

afterAll(async () => {
  errors.mockRestore();
});

describe('the lake when the archiver fails for a while', () => {
  test('retries, keeps what keeps failing in the DLQ, and after the redrive has lost nothing', async () => {
    // Prepare
    const { busName, buckets, queues: provisioned } = sandbox().resources;
    const queue = provisioned.lakeIntake;
    const healthyBucket = process.env[bucketVariable];
    expect(healthyBucket).toBe(buckets.lake);
    // Anonymous visitors: only the lake rule takes them (no timeline work in the way).
    const early = pageViewsIn(hour, 40, 'early', 0, true);
    const late = pageViewsIn(hour, 30, 'late', 0, true);
    // The seeded bank's events go to the lake first, so the fault only meets the test's events:
    // once for the stream publisher to put them on the bus, once for the archiver to take them.
    await sandbox().idle();
    await sandbox().idle();

    try {
      // Act 1: the archiver's bucket is gone; retries come quickly and run out.
      process.env[bucketVariable] = `${buckets.lake}-gone`;
      await setVisibility(queue.url, 4);
      // A long poll already waiting keeps the visibility it started with: let it finish first.
      await sandbox().idle();
      await putOnBus(busName, early);
      await until(
        'every early message is in the DLQ',
        async () => (await count(queue.dlqUrl)) === early.length,
      );
      await sandbox().idle();

      // Act 2: more events while it still fails; their first try fails, then it works again.
      await setVisibility(queue.url, 8);
      await sandbox().idle();
      const failuresBefore = archiverFailures();
      await putOnBus(busName, late);
      await until('the archiver failed on the late messages', () => archiverFailures() > failuresBefore);
      process.env[bucketVariable] = healthyBucket;
      const retried = await waitForPartition(
        buckets.lake,
        hour,
        (content) => idsOf(content).size >= late.length,
      );

      // Assess 1: the late events got there by retry alone; the early ones wait in the DLQ.
      expect([...idsOf(retried)].sort()).toEqual(late.map((e) => e.detail.eventId).sort());
      expect(await count(queue.dlqUrl)).toBe(early.length);

      // Act 3: the redrive brings the early ones back.
      const moved = await redriveMessages({ sqs, fromUrl: queue.dlqUrl, toUrl: queue.url });
      const lake = await waitForPartition(
        buckets.lake,
        hour,
        (content) => idsOf(content).size >= early.length + late.length,
      );

      // Assess 2: every event is in the lake (raw and curated), once; both queues are empty.
      expect(moved).toEqual({ found: early.length, moved: early.length, failed: 0 });
      const expected = [...early, ...late].map((e) => e.detail.eventId).sort();
      expect(lake.rows.map((row) => row.event_id).sort()).toEqual(expected);
      expect(lake.raw.map((line) => line.detail.eventId).sort()).toEqual(expected);
      await sandbox().idle();
      expect(await count(queue.dlqUrl)).toBe(0);
      expect(await count(queue.url)).toBe(0);
      expect(await count(queue.url, 'ApproximateNumberOfMessagesNotVisible')).toBe(0);
      expect((await readPartition(buckets.lake, hour)).rows).toHaveLength(expected.length);
    } finally {
      process.env[bucketVariable] = healthyBucket;
      await setVisibility(queue.url, queues.lakeIntake.visibilityTimeout);
    }
  }, 300_000);
});

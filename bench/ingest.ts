/**
 * The ingestion part of `npm run bench`: the rate of Relais against the bare SDK on the same
 * emulator. It starts a sandbox (no demo customers), then
 *   (a) posts N events (batches of 100, a few concurrent senders) through the local HTTP API
 *       with the demo write key, resending what comes back as retryable, and measures accepted
 *       events per second;
 *   (b) puts the same events straight on the same emulator's bus with PutEvents (10 per call,
 *       same concurrency): the bare SDK loop;
 * and reports both rates, the ratio (ours / bare), the machine's load, and the DynamoDB and
 * EventBridge calls (a) made per POST with their mean time (where a batch goes). A phase
 * stopped at its time limit reports the rate of what it did, and (b) then moves the events (a)
 * got through.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { PurgeQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startSandbox } from '#local/sandbox.ts';
import { load, log } from './figures.ts';

export type IngestOptions = {
  events: number;
  senders: number;
  /** Longest a phase may run, in seconds: the bench stops there and reports what it did. */
  timeoutSeconds: number;
};

const batchSize = 100;
const visitors = 200;

type Result = { done: number; seconds: number; calls: number; retried: number; stoppedEarly: boolean };

/** Runs `work` on items by `workers` concurrent loops until done or `limitMs` has passed. */
const race = async <T>(items: T[], workers: number, limitMs: number, work: (item: T) => Promise<number>) => {
  const started = performance.now();
  const deadline = Date.now() + limitMs;
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < items.length && Date.now() < deadline) {
        // Not `done += await …`: that reads `done` before the await and loses the other loops' counts.
        const finished = await work(items[next++]!);
        done += finished;
      }
    }),
  );
  return {
    done,
    attempted: next,
    seconds: (performance.now() - started) / 1000,
    stoppedEarly: next < items.length,
  };
};

/** Calls counted and timed by client and command, e.g. `DynamoDB TransactWriteItems`. */
type CallCounts = Map<string, { count: number; ms: number }>;

/**
 * Counts and times every call of the functions' DynamoDB and EventBridge clients until the
 * returned `stop` (the ingest's calls, since (a) runs nothing else on them): where a batch goes.
 */
const countCalls = async (): Promise<{ calls: CallCounts; stop: () => void }> => {
  const { dynamodb } = await import('#shared/clients/dynamodb.ts');
  const { eventBridge } = await import('#shared/clients/eventbridge.ts');
  const calls: CallCounts = new Map();
  let counting = true;
  const record = (name: string, ms: number) => {
    if (!counting) return;
    const seen = calls.get(name) ?? { count: 0, ms: 0 };
    calls.set(name, { count: seen.count + 1, ms: seen.ms + ms });
  };
  const options = { step: 'initialize', name: 'benchCallCount' } as const;
  dynamodb.middlewareStack.add(
    (next, context) => async (args) => {
      const started = performance.now();
      try {
        return await next(args);
      } finally {
        record(`DynamoDB ${context.commandName?.replace(/Command$/, '')}`, performance.now() - started);
      }
    },
    options,
  );
  eventBridge.middlewareStack.add(
    (next, context) => async (args) => {
      const started = performance.now();
      try {
        return await next(args);
      } finally {
        record(`EventBridge ${context.commandName?.replace(/Command$/, '')}`, performance.now() - started);
      }
    },
    options,
  );
  return {
    calls,
    stop: () => {
      counting = false;
    },
  };
};

/** `1.00 DynamoDB TransactWriteItems (43 ms)`: calls per POST and each call's mean time. */
const perPost = (calls: CallCounts, posts: number) =>
  [...calls]
    .sort(([, a], [, b]) => b.count - a.count)
    .map(([name, { count, ms }]) => `${(count / posts).toFixed(2)} ${name} (${(ms / count).toFixed(0)} ms)`)
    .join(', ');

const chunk = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/** Measures both phases in a sandbox of its own, stopped before it returns the report's lines. */
export const ingestBench = async ({ events: total, senders, timeoutSeconds }: IngestOptions) => {
  const phaseLimitMs = timeoutSeconds * 1000;
  const prefix = `bench-${randomBytes(3).toString('hex')}`;
  log(`Ingestion: starting a sandbox (${prefix}, no demo customers)…`);
  const sandbox = await startSandbox({ customers: 0, quiet: true, prefix });
  try {
    // Loaded once the sandbox has set the emulator's endpoint in the environment.
    const { ensureDemoWriteKey } = await import('#local/seed/demo-write-key.ts');
    const { eventBridge } = await import('#shared/clients/eventbridge.ts');
    const { busEntry } = await import('#functions/channels/store/channel-bus.ts');
    const writeKey = await ensureDemoWriteKey();
    const sqs = new SQSClient({});
    const emptyQueues = () =>
      Promise.all(
        Object.values(sandbox.resources.queues).flatMap((queue) =>
          [queue.url, queue.dlqUrl].map((url) => sqs.send(new PurgeQueueCommand({ QueueUrl: url }))),
        ),
      );

    const run = randomBytes(4).toString('hex');
    const now = Date.now();
    const events = Array.from({ length: total }, (_, i) => ({
      messageId: `bench-${run}-${i}`,
      type: 'page_view' as const,
      timestamp: new Date(now - (total - i) * 10).toISOString(),
      anonymousId: `bench-visitor-${i % visitors}`,
      sessionId: `bench-session-${i % visitors}`,
      context: { consent: { analytics: true }, page: { path: `/page/${i % 50}` } },
      properties: { path: `/page/${i % 50}` },
    }));

    // (a) Through the local API, as a channel would post them.
    log(
      `(a) ${total} events through ${sandbox.apiUrl}/v1/events, ${senders} senders, batches of ${batchSize}; ${load()}`,
    );
    const loadBeforeApi = load();
    const sdkCalls = await countCalls();
    let apiCalls = 0;
    let retried = 0;
    const api = await race(chunk(events, batchSize), senders, phaseLimitMs, async (batch) => {
      let pending = batch;
      let accepted = 0;
      for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
        apiCalls++;
        const response = await fetch(`${sandbox.apiUrl}/v1/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-write-key': writeKey },
          body: JSON.stringify({ batch: pending, sentAt: new Date().toISOString() }),
        });
        if (response.status >= 500) {
          await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
          continue;
        }
        const body = (await response.json()) as {
          accepted: string[];
          rejected: { index: number; retryable?: boolean }[];
        };
        accepted += body.accepted.length;
        const again = new Set(body.rejected.filter((r) => r.retryable).map((r) => r.index));
        pending = pending.filter((_, i) => again.has(i));
        retried += pending.length;
        if (pending.length > 0) await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
      }
      return accepted;
    });
    sdkCalls.stop();
    const apiResult: Result = { ...api, calls: apiCalls, retried };

    // (b) must not pay for (a)'s backlog: moto scans a queue's messages on every receive and
    // delete, so a queue holding thousands slows the whole emulator. Both phases start empty.
    log('   emptying the queues (the lake archiver is left what it already holds)…');
    await Promise.race([sandbox.idle(), new Promise((r) => setTimeout(r, 30_000))]);
    await emptyQueues();

    // (b) The bare SDK loop against the same emulator's bus: the same events, ten per call.
    log(
      `(b) the same ${Math.min(total, api.attempted * batchSize)} events, PutEvents of 10 straight to the bus, ${senders} loops; ${load()}`,
    );
    const loadBeforeBare = load();
    const receivedAt = new Date();
    // The events (a) got through in its time, so both phases move the same events.
    const entries = events.slice(0, api.attempted * batchSize).map((event) =>
      busEntry({
        schemaVersion: 1,
        eventId: `${event.messageId}-bare`,
        channel: 'web',
        writeKeyId: 'wk-demo-web',
        type: event.type,
        occurredAt: event.timestamp,
        receivedAt: receivedAt.toISOString(),
        sentAt: receivedAt.toISOString(),
        anonymousId: event.anonymousId,
        sessionId: event.sessionId,
        context: { ...event.context, ip: '127.0.0.1' },
        properties: event.properties,
      }),
    );
    let bareCalls = 0;
    const bare = await race(chunk(entries, 10), senders, phaseLimitMs, async (calls) => {
      bareCalls++;
      const result = await eventBridge.send(new PutEventsCommand({ Entries: calls }));
      return calls.length - (result.FailedEntryCount ?? 0);
    });
    const bareResult: Result = { ...bare, calls: bareCalls, retried: 0 };

    const rate = (r: Result) => r.done / r.seconds;
    const line = (label: string, r: Result, before: string) =>
      `  ${label.padEnd(34)} ${String(r.done).padStart(6)} events in ${r.seconds.toFixed(1).padStart(6)} s = ${rate(
        r,
      )
        .toFixed(0)
        .padStart(6)} events/s  (${r.calls} calls${r.retried ? `, ${r.retried} events resent` : ''}${
        r.stoppedEarly ? ', STOPPED at the time limit' : ''
      }; before: ${before})`;
    return [
      `Ingestion — emulator ${sandbox.emulatorKind}, ${total} events, ${senders} senders`,
      line('(a) POST /v1/events (local API)', apiResult, loadBeforeApi),
      `  ${''.padEnd(34)} per POST: ${perPost(sdkCalls.calls, apiCalls)}`,
      line('(b) bare PutEvents loop', bareResult, loadBeforeBare),
      `  ratio (a)/(b): ${(rate(apiResult) / rate(bareResult)).toFixed(2)}`,
    ];
  } finally {
    await sandbox.stop();
    // The sandbox's state file names a sandbox that no longer runs.
    await rm(fileURLToPath(new URL(`../.sandbox/${prefix}.json`, import.meta.url)), { force: true });
  }
};

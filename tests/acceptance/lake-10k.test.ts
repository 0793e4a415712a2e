/**
 * The lake's acceptance test (issue 3): 10,000 events posted through the local API by channels
 * that retry and repeat themselves, and, once archived and compacted, exactly the accepted
 * distinct events are in the lake — same count, same ids.
 *
 * What the senders do, as real SDKs do under bad networks:
 * - every 10th batch is posted twice at the same time (an answer lost, the batch resent before
 *   the first request finished): the second copy meets the first one's claims;
 * - every 7th batch repeats 5 events of the batch before (a retry queue flushed twice);
 * - what comes back as retryable, and any 5xx, is resent with backoff;
 * - 1 event in 97 is malformed: refused for good, it must not reach the lake.
 * It runs alone, after the other projects (`groupOrder`), on an emulator of its own.
 */
import { describe, expect, test } from 'vitest';
import { lambdaContext } from '#local/lambda/lambda-context.ts';
import { idsOf, readPartition, waitForPartition } from '../support/lake.ts';
import { sandboxPerFile } from '../support/sandbox.ts';

const { sandbox } = sandboxPerFile();

/**
 * An hour of its own, so nothing else of the sandbox writes there: 03:00 UTC three days ago
 * (within the week a sent event may be old, and a night hour the demo history leaves alone).
 */
const day = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
const hour = { dt: day, hour: '03' };
const total = 10_000;
const perBatch = 100;
const senders = 4;
const isMalformed = (n: number) => n % 97 === 96;

const event = (n: number) => ({
  messageId: `acc-${String(n).padStart(5, '0')}`,
  type: 'page_view',
  timestamp: isMalformed(n)
    ? 'yesterday'
    : `${hour.dt}T${hour.hour}:${String(n % 60).padStart(2, '0')}:${String(n % 59).padStart(2, '0')}.000Z`,
  anonymousId: `acc-visitor-${n % 250}`,
  sessionId: `acc-session-${n % 500}`,
  context: { consent: { analytics: true }, page: { path: `/page-${n % 40}` } },
  properties: { path: `/page-${n % 40}` },
});
type Event = ReturnType<typeof event>;
type Answer = { accepted: string[]; rejected: { index: number; retryable: boolean }[] };

/** What a sender saw: ids accepted, ids refused for good, and how often it had to try again. */
const outcome = { accepted: new Set<string>(), refused: new Set<string>(), requests: 0, resent: 0 };

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));

/** Posts events (100 per request) until each is accepted or refused for good. */
const post = async (events: Event[]): Promise<void> => {
  for (let start = 0; start < events.length; start += perBatch) {
    let pending = events.slice(start, start + perBatch);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 8) throw new Error(`still refused after ${attempt} tries: ${pending[0]?.messageId}…`);
      outcome.requests++;
      const response = await fetch(`${sandbox().apiUrl}/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-write-key': sandbox().demoWriteKey },
        body: JSON.stringify({ sentAt: new Date().toISOString(), batch: pending }),
      });
      if (response.status >= 500 || response.status === 429) {
        outcome.resent += pending.length;
        await pause(attempt);
        continue;
      }
      expect([200, 207]).toContain(response.status);
      const answer = (await response.json()) as Answer;
      for (const id of answer.accepted) outcome.accepted.add(id);
      const again = new Set<number>();
      for (const refusal of answer.rejected) {
        if (refusal.retryable) again.add(refusal.index);
        else outcome.refused.add(pending[refusal.index]!.messageId);
      }
      pending = pending.filter((_, index) => again.has(index));
      outcome.resent += pending.length;
      if (pending.length > 0) await pause(attempt);
    }
  }
};

describe('10,000 events through the local API, with retries and duplicates', () => {
  test('exactly the accepted distinct events reach the lake', async () => {
    // Prepare
    const batches = Array.from({ length: total / perBatch }, (_, b) => {
      const own = Array.from({ length: perBatch }, (_, i) => event(b * perBatch + i));
      const repeats =
        b > 0 && b % 7 === 0 ? own.slice(0, 5).map((_, i) => event((b - 1) * perBatch + i)) : [];
      return { events: [...own, ...repeats], twice: b % 10 === 0 };
    });
    const valid = new Set(
      Array.from({ length: total }, (_, n) => n)
        .filter((n) => !isMalformed(n))
        .map((n) => event(n).messageId),
    );

    // Act: four senders share the batches; a batch sent twice has both copies in flight together.
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: senders }, async () => {
        while (next < batches.length) {
          const { events, twice } = batches[next++]!;
          await Promise.all(twice ? [post(events), post(events)] : [post(events)]);
        }
      }),
    );
    const posted = performance.now();
    await waitForPartition(
      sandbox().resources.buckets.lake,
      hour,
      (content) => idsOf(content).size >= outcome.accepted.size,
      300_000,
    );
    const archived = performance.now();
    // Before compaction (which would hide them), the raw files must hold no event twice: ingest
    // put each accepted event on the bus once. Waits until nothing new arrives for longer than
    // the archiver's batching window.
    let beforeCompaction = await readPartition(sandbox().resources.buckets.lake, hour);
    for (let quiet = 0; quiet < 25_000; quiet += 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      const now = await readPartition(sandbox().resources.buckets.lake, hour);
      if (now.raw.length !== beforeCompaction.raw.length) quiet = -5_000;
      beforeCompaction = now;
    }
    // The hourly compaction, run now: it merges the hour's files and keeps each event once.
    const { handler: compact } = await import('#functions/analytics/lake-compactor.ts');
    await compact({ dt: hour.dt, hour: hour.hour }, lambdaContext('lakeCompactor', 300));
    const lake = await readPartition(sandbox().resources.buckets.lake, hour);
    const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
    const kib = (files: { size: number }[]) =>
      `${files.length} file(s), ${(files.reduce((sum, file) => sum + file.size, 0) / 1024).toFixed(1)} KiB`;
    console.info(
      `${outcome.accepted.size} events accepted in ${seconds(started, posted)} s ` +
        `(${outcome.requests} requests, ${outcome.resent} events resent); ` +
        `all in the lake ${seconds(posted, archived)} s later; compacted in ${seconds(archived, performance.now())} s ` +
        `to raw ${kib(lake.rawFiles)} and curated ${kib(lake.curatedFiles)}`,
    );

    // Assess: every valid event accepted, every malformed one refused, and the lake holds
    // the accepted ones once each, raw and curated.
    expect(outcome.accepted).toEqual(valid);
    // Each event put on the bus once: one bus envelope per accepted event, before compaction.
    // (Counted by envelope id: a queue may deliver a message twice, as SQS may, and the archiver
    // then writes that same envelope twice until compaction merges it; an event ingest put on
    // the bus twice would have two envelopes.)
    expect(
      new Set(beforeCompaction.raw.map((line) => line.id)).size,
      'bus envelopes before compaction: each event put on the bus once',
    ).toBe(valid.size);
    expect(outcome.refused.size).toBe(total - valid.size);
    expect(lake.rows).toHaveLength(valid.size);
    expect(idsOf(lake)).toEqual(valid);
    expect(lake.raw).toHaveLength(valid.size);
    expect(new Set(lake.raw.map((line) => line.detail.eventId))).toEqual(valid);
  }, 900_000);
});

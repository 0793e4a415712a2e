import { describe, expect, it } from 'vitest';
import {
  claimOutcome,
  correctedOccurredAt,
  ingestAnswer,
  messageIdOf,
  withoutConsent,
} from '#functions/channels/domain/ingest.ts';
import { backoffMs } from '#shared/backoff.ts';
import { maxEntryBytes, putEventsChunks } from '#shared/bus.ts';

const receivedAt = new Date('2026-11-23T10:00:00.000Z');

describe('clock skew', () => {
  it('moves device times by the gap between sentAt and the receive time', () => {
    // Prepare: the device clock is 1 hour fast; the event happened 5 minutes before sending.
    const sentAt = '2026-11-23T11:00:00.000Z';
    const timestamp = '2026-11-23T10:55:00.000Z';
    // Act
    const occurredAt = correctedOccurredAt(timestamp, sentAt, receivedAt);
    // Assess
    expect(occurredAt).toBe('2026-11-23T09:55:00.000Z');
  });

  it('corrects a slow clock and keeps offsets right', () => {
    expect(correctedOccurredAt('2026-11-23T10:28:00+02:00', '2026-11-23T10:30:00+02:00', receivedAt)).toBe(
      '2026-11-23T09:58:00.000Z',
    );
  });

  it('gives no time to an event older than the claims are kept, however its clocks say it', () => {
    // Prepare: 8 days before receipt; the device clock is right.
    const old = correctedOccurredAt('2026-11-15T09:00:00.000Z', '2026-11-23T10:00:00.000Z', receivedAt);
    // A sentAt far in the future pushes a recent timestamp out of any date.
    const absurd = correctedOccurredAt('2026-11-23T09:59:00.000Z', '+275000-01-01T00:00:00.000Z', receivedAt);
    expect(old).toBeUndefined();
    expect(absurd).toBeUndefined();
    expect(correctedOccurredAt('2026-11-17T10:00:00.000Z', '2026-11-23T10:00:00.000Z', receivedAt)).toBe(
      '2026-11-17T10:00:00.000Z',
    );
  });

  it('never dates an event after it was received', () => {
    expect(correctedOccurredAt('2026-11-23T12:00:00.000Z', '2026-11-23T10:00:00.000Z', receivedAt)).toBe(
      receivedAt.toISOString(),
    );
  });
});

describe('message id claims', () => {
  const at = (secondsAgo: number) => new Date(receivedAt.getTime() - secondsAgo * 1000).toISOString();

  it('claims a new id', () => {
    expect(claimOutcome(undefined, receivedAt)).toBe('claimable');
  });

  it('accepts again, without putting it twice, an event already on the bus', () => {
    expect(claimOutcome({ state: 'done', claimedAt: at(3600) }, receivedAt)).toBe('duplicate');
  });

  it('leaves a fresh pending claim to its request, and retakes one left by a crash', () => {
    expect(claimOutcome({ state: 'pending', claimedAt: at(5) }, receivedAt)).toBe('inProgress');
    expect(claimOutcome({ state: 'pending', claimedAt: at(61) }, receivedAt)).toBe('claimable');
  });
});

describe('consent and the answer', () => {
  it('keeps only events with consent to audience measurement', () => {
    expect(withoutConsent({ context: { consent: { analytics: false } } })).toBe(true);
    expect(withoutConsent({ context: { consent: { analytics: true } } })).toBe(false);
  });

  it('answers 200 when everything was accepted and 207 when something was refused', () => {
    const ok = ingestAnswer([{ kind: 'accepted', messageId: 'm-000001' }]);
    const mixed = ingestAnswer([
      { kind: 'accepted', messageId: 'm-000001' },
      { kind: 'refused', refusal: { index: 1, reason: 'bad', retryable: false } },
    ]);
    expect(ok).toEqual({ status: 200, body: { accepted: ['m-000001'], rejected: [] } });
    expect(mixed.status).toBe(207);
    expect(mixed.body.rejected).toEqual([{ index: 1, reason: 'bad', retryable: false }]);
  });

  it('names a refused event by its message id when it has a usable one', () => {
    expect(messageIdOf({ messageId: 'm-1' })).toBe('m-1');
    expect(messageIdOf({ messageId: 42 })).toBeUndefined();
    expect(messageIdOf(null)).toBeUndefined();
  });
});

describe('putting on the bus', () => {
  it('sends at most 10 entries per call, in order', () => {
    const chunks = putEventsChunks(
      Array.from({ length: 25 }, (_, i) => i),
      () => 100,
    );
    expect(chunks.map((c) => c.length)).toEqual([10, 10, 5]);
    expect(chunks.flat()).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('keeps each call under 256 KB', () => {
    const chunks = putEventsChunks([1, 2, 3, 4], () => maxEntryBytes / 2 - 10);
    expect(chunks).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('backs off exponentially with jitter, within a cap', () => {
    expect(backoffMs(1, () => 1)).toBe(100);
    expect(backoffMs(3, () => 1)).toBe(400);
    expect(backoffMs(20, () => 1)).toBe(2000);
    expect(backoffMs(3, () => 0)).toBe(0);
  });
});

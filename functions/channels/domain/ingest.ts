/**
 * Ingestion rules, pure: the clock-skew correction analytics SDKs apply, what a message-id
 * claim found in the ingest table means, consent, and the answer listing accepted and refused
 * events. The I/O around them is in `../ingest-events.ts`.
 */
import type { ChannelEvent, IngestResponse } from '#schemas/channels/channel-event.ts';

/**
 * When the event happened, corrected for the device's clock: `timestamp + (receivedAt − sentAt)`.
 * A device whose clock is an hour fast sends `sentAt` an hour ahead of the receive time, and
 * its timestamps are moved back by that hour. An event cannot have happened after it was
 * received: a result in the future (a clock that jumped while offline) is clamped to `receivedAt`.
 * A result older than the claims are kept (`claimRetentionDays`: such an event could no longer
 * be told from a resent one) or outside the dates JavaScript can hold is `undefined`: that event
 * is refused for good, since sending it again cannot change its time.
 */
export const correctedOccurredAt = (
  timestamp: string,
  sentAt: string,
  receivedAt: Date,
): string | undefined => {
  const skew = receivedAt.getTime() - Date.parse(sentAt);
  const corrected = Math.min(Date.parse(timestamp) + skew, receivedAt.getTime());
  const oldest = receivedAt.getTime() - claimRetentionDays * 86_400_000;
  return Number.isFinite(corrected) && corrected >= oldest ? new Date(corrected).toISOString() : undefined;
};

/** A claim on a message id in the ingest table: `pending` from the claim until the bus took the event. */
export type Claim = { state: 'pending' | 'done'; claimedAt: string; claimToken?: string };

/** How long a `pending` claim protects its event: after that, its owner is taken to have crashed. */
export const pendingClaimTimeoutMs = 60_000;
/** How long message ids are remembered (a retry after that would be a new event). */
export const claimRetentionDays = 7;

/**
 * What a claim found on a message id means for this try:
 * - `duplicate`: the event was put on the bus by an earlier try: accept it, put nothing;
 * - `inProgress`: another request holds it right now: refuse it as retryable (if that request
 *   fails, accepting here would lose the event);
 * - `claimable`: nothing, or a `pending` claim older than the timeout (its owner crashed between
 *   claim and put): take it; the lake dedupes by event id if the crashed owner had put it.
 */
export const claimOutcome = (
  existing: Claim | undefined,
  now: Date,
): 'claimable' | 'duplicate' | 'inProgress' => {
  if (!existing) return 'claimable';
  if (existing.state === 'done') return 'duplicate';
  return now.getTime() - Date.parse(existing.claimedAt) > pendingClaimTimeoutMs ? 'claimable' : 'inProgress';
};

/** Events sent without consent to audience measurement are counted, never kept. */
export const withoutConsent = (event: Pick<ChannelEvent, 'context'>): boolean =>
  event.context.consent.analytics === false;

/** The counter an event without consent adds to: per day (UTC, of the event), channel and type. */
export const consentlessCounterKey = (occurredAt: string, channel: string, type: string) => ({
  day: occurredAt.slice(0, 10),
  channel,
  type,
});

export type Refusal = NonNullable<IngestResponse['rejected'][number]>;

/** What happened to each event of a batch, by position. */
export type Outcome = { kind: 'accepted'; messageId: string } | { kind: 'refused'; refusal: Refusal };

/** The answer: accepted message ids in batch order, and the refusals; 207 if any was refused. */
export const ingestAnswer = (outcomes: Outcome[]): { status: 200 | 207; body: IngestResponse } => {
  const accepted = outcomes.flatMap((o) => (o.kind === 'accepted' ? [o.messageId] : []));
  const rejected = outcomes.flatMap((o) => (o.kind === 'refused' ? [o.refusal] : []));
  return { status: rejected.length > 0 ? 207 : 200, body: { accepted, rejected } };
};

/** The message id of a raw batch item, if it has a usable one (to name it in a refusal). */
export const messageIdOf = (raw: unknown): string | undefined => {
  const id = (raw as { messageId?: unknown } | null)?.messageId;
  return typeof id === 'string' && id.length <= 64 ? id : undefined;
};

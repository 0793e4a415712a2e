/**
 * `POST /v1/events`, once the write key is known: every event is checked on its own, corrected
 * for clock skew, stitched to its (proven) customer, claimed by message id (a retry creates and
 * counts nothing twice), counted (not kept) when sent without consent, linked when it is a
 * login, and put on the bus. What could not be put or counted is released and refused as
 * retryable: an accepted event is on the bus or in the counts, a refused one the sender still
 * holds.
 */
import { randomUUID } from 'node:crypto';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { ChannelEvent, type IngestRequest, type IngestResponse } from '#schemas/channels/channel-event.ts';
import type { WriteKeyCaller } from '#schemas/channels/write-key.ts';
import type { ChannelEventV1 } from '#schemas/events/channel-event.ts';
import { entrySize, maxEntryBytes, putOnBus } from '#shared/bus.ts';
import { logger, metrics } from '#shared/observability.ts';
import { secretValue } from '#shared/secrets.ts';
import { stitchCustomers } from './domain/identity.ts';
import { checkIdentityToken } from './domain/identity-token.ts';
import {
  claimRetentionDays,
  consentlessCounterKey,
  correctedOccurredAt,
  ingestAnswer,
  messageIdOf,
  type Outcome,
  type Refusal,
  withoutConsent,
} from './domain/ingest.ts';
import { linkVisitor } from './identity-links.ts';
import { busEntry } from './store/channel-bus.ts';
import { customEventValidator } from './store/event-schemas-store.ts';
import { linkedCustomers } from './store/identity-store.ts';
import { claimMessages, countWithoutConsent, markDone, releaseClaim } from './store/ingest-store.ts';

export type IngestInput = {
  request: IngestRequest;
  writeKey: WriteKeyCaller;
  /** The request's source IP, put in each event's context (the lake truncates it). */
  sourceIp: string | undefined;
  receivedAt: Date;
};

const retryLater = (index: number, messageId: string, reason: string): Refusal => ({
  index,
  messageId,
  reason,
  retryable: true,
});

type Valid = { index: number; event: ChannelEvent; properties: Record<string, unknown> };

/** Checks one event against its type's schema and, for a custom event, its registered schema. */
const check = async (raw: unknown, index: number): Promise<Valid | Refusal> => {
  const parsed = ChannelEvent.safeParse(raw);
  const messageId = messageIdOf(raw);
  const refusal = (reason: string, errors?: Refusal['errors']): Refusal => ({
    index,
    ...(messageId ? { messageId } : {}),
    reason,
    retryable: false,
    ...(errors ? { errors } : {}),
  });
  if (!parsed.success) {
    return refusal(
      'the event does not match its type',
      parsed.error.issues.map((issue) => ({
        field: issue.path.join('.') || 'event',
        message: issue.message,
      })),
    );
  }
  const event = parsed.data;
  if (event.type !== 'custom') return { index, event, properties: event.properties };
  const validator = await customEventValidator(event.name);
  if (!validator) return refusal(`no custom event named "${event.name}" is registered`);
  const properties = validator.safeParse(event.properties);
  if (!properties.success) {
    return refusal(
      `the properties do not match the registered schema of "${event.name}"`,
      properties.error.issues.map((issue) => ({
        field: ['properties', ...issue.path.map(String)].join('.'),
        message: issue.message,
      })),
    );
  }
  return { index, event, properties: properties.data as Record<string, unknown> };
};

/** Counts the events sent without consent, one atomic addition per day, channel and type. */
const countConsentless = async (events: { detail: ChannelEventV1 }[], now: Date) => {
  const counts = new Map<string, { key: ReturnType<typeof consentlessCounterKey>; n: number }>();
  for (const { detail } of events) {
    const key = consentlessCounterKey(detail.occurredAt, detail.channel, detail.type);
    const id = `${key.day}|${key.channel}|${key.type}`;
    counts.set(id, { key, n: (counts.get(id)?.n ?? 0) + 1 });
  }
  await Promise.all([...counts.values()].map(({ key, n }) => countWithoutConsent(key, n, now)));
};

/**
 * The customer ids the batch proves: each event naming a customer with an identity token of that
 * customer and device, valid when received (see `domain/identity-token.ts`). A login without a valid
 * token is refused for good; any other event keeps its place but not the customer it names
 * (it gets the one its visitor id is linked to, if any).
 */
const provenCustomers = async (valid: Valid[], receivedAt: Date) => {
  const vouched = valid.filter((v) => v.event.customerId && v.event.identityToken);
  const proven = new Map<number, string>();
  const refusals: Refusal[] = [];
  const key = vouched.length > 0 ? await secretValue('identityKey') : '';
  for (const { index, event } of vouched) {
    const check = await checkIdentityToken(event.identityToken!, {
      customerId: event.customerId!,
      anonymousId: event.anonymousId,
      key,
      receivedAt,
    });
    if (check.ok) proven.set(index, event.customerId!);
    else if (event.type === 'identify') {
      refusals.push({
        index,
        messageId: event.messageId,
        reason: 'the login is not proven by an identity token',
        retryable: false,
        errors: [{ field: 'identityToken', message: check.reason }],
      });
    }
  }
  if (refusals.length > 0) metrics.addMetric('IdentifyRefusedToken', MetricUnit.Count, refusals.length);
  const refused = new Set(refusals.map((refusal) => refusal.index));
  return { events: valid.filter((v) => !refused.has(v.index)), proven, refusals };
};

/** Ingests a batch whose shape was checked; answers 200 or 207 with each event's fate. */
export const ingestEvents = async (
  input: IngestInput,
): Promise<{ status: 200 | 207; body: IngestResponse }> => {
  const { request, writeKey, receivedAt } = input;
  const outcomes: Outcome[] = new Array(request.batch.length);
  const checked = await Promise.all(request.batch.map((raw, index) => check(raw, index)));

  // One fate per message id: later copies in the same batch follow the first valid one.
  const valid: Valid[] = [];
  const firstOf = new Map<string, number>();
  const copies: { index: number; of: number }[] = [];
  for (const result of checked) {
    if (!('event' in result)) {
      outcomes[result.index] = { kind: 'refused', refusal: result };
      continue;
    }
    const first = firstOf.get(result.event.messageId);
    if (first !== undefined) copies.push({ index: result.index, of: first });
    else {
      firstOf.set(result.event.messageId, result.index);
      valid.push(result);
    }
  }

  // An event whose corrected time is out of range is refused for good: resending cannot fix it.
  const occurredAt = new Map<number, string>();
  const dated = valid.filter((v) => {
    const at = correctedOccurredAt(v.event.timestamp, request.sentAt, receivedAt);
    if (at) occurredAt.set(v.index, at);
    else {
      outcomes[v.index] = {
        kind: 'refused',
        refusal: {
          index: v.index,
          messageId: v.event.messageId,
          reason: `the event happened more than ${claimRetentionDays} days before it was received (timestamp corrected with sentAt)`,
          retryable: false,
          errors: [
            { field: 'timestamp', message: `must be within the ${claimRetentionDays} days before sending` },
          ],
        },
      };
    }
    return at !== undefined;
  });

  // Logins without a valid identity token are refused before anything is written or linked.
  const verified = await provenCustomers(dated, receivedAt);
  for (const refusal of verified.refusals) outcomes[refusal.index] = { kind: 'refused', refusal };

  const toLookUp = verified.events
    .filter((v) => !verified.proven.has(v.index))
    .map((v) => v.event.anonymousId);
  const linked =
    toLookUp.length > 0 ? await linkedCustomers(toLookUp) : new Map<string, string | undefined>();
  const customers = stitchCustomers(
    verified.events.map((v) => ({
      type: v.event.type,
      anonymousId: v.event.anonymousId,
      customerId: verified.proven.get(v.index),
    })),
    linked,
  );
  const prepared = verified.events.map((v, i) => {
    const { event } = v;
    const customerId = customers[i];
    const detail: ChannelEventV1 = {
      schemaVersion: 1,
      eventId: event.messageId,
      channel: writeKey.channel,
      writeKeyId: writeKey.id,
      type: event.type,
      ...(event.type === 'custom' ? { name: event.name } : {}),
      occurredAt: occurredAt.get(v.index)!,
      receivedAt: receivedAt.toISOString(),
      sentAt: request.sentAt,
      anonymousId: event.anonymousId,
      ...(customerId ? { customerId } : {}),
      ...(event.sessionId ? { sessionId: event.sessionId } : {}),
      context: { ...event.context, ...(input.sourceIp ? { ip: input.sourceIp } : {}) },
      properties: v.properties,
    };
    return { index: v.index, event, detail };
  });

  const consentless = prepared.filter((p) => withoutConsent(p.event));
  const kept = prepared
    .filter((p) => !withoutConsent(p.event))
    .map((p) => ({ ...p, entry: busEntry(p.detail) }))
    .filter((p) => {
      if (entrySize(p.entry) <= maxEntryBytes) return true;
      outcomes[p.index] = {
        kind: 'refused',
        refusal: {
          index: p.index,
          messageId: p.event.messageId,
          reason: 'the event is larger than 256 KB',
          retryable: false,
        },
      };
      return false;
    });

  // Claims, in parallel, for kept and consent-less events alike (a retried batch must neither
  // store nor count anything twice): only claimed events go further; a duplicate is accepted as
  // it is. A claim holds the message id and its state, nothing of the visitor.
  const token = randomUUID();
  const claims = await claimMessages(
    writeKey.channel,
    [...consentless, ...kept].map((p) => p.event.messageId),
    token,
    receivedAt,
  );
  const isClaimed = (p: { index: number; event: ChannelEvent }) => {
    const claim = claims.get(p.event.messageId);
    if (claim === 'claimed') return true;
    if (claim === 'duplicate') {
      outcomes[p.index] = { kind: 'accepted', messageId: p.event.messageId };
    } else {
      outcomes[p.index] = {
        kind: 'refused',
        refusal: retryLater(
          p.index,
          p.event.messageId,
          claim === 'inProgress'
            ? 'this event is being stored by another request; retry later'
            : 'the event could not be stored just now; retry it',
        ),
      };
    }
    return false;
  };
  const toCount = consentless.filter(isClaimed);
  const claimed = kept.filter(isClaimed);

  // Counted, or released and refused as retryable with the events the bus would not take.
  const counted: typeof toCount = await countConsentless(toCount, receivedAt).then(
    () => toCount,
    (error: unknown) => {
      logger.warn('events without consent not counted', { error: error as Error });
      return [];
    },
  );

  // Logins link their visitor id, in batch order, before their event is put on the bus.
  const linkFailed = new Set<number>();
  for (const p of claimed) {
    if (p.event.type !== 'identify') continue;
    try {
      const change = await linkVisitor({
        anonymousId: p.event.anonymousId,
        customerId: p.event.customerId,
        channel: writeKey.channel,
        messageId: p.event.messageId,
        writeKeyId: writeKey.id,
        occurredAt: p.detail.occurredAt,
      });
      if (change === 'unknownCustomer') logger.info('login of an unknown customer: nothing linked');
    } catch (error) {
      logger.warn('identity link failed', { error: error as Error });
      linkFailed.add(p.index);
    }
  }

  const toPut = claimed.filter((p) => !linkFailed.has(p.index));
  const failedOnBus = await putOnBus(toPut.map((p) => p.entry));
  const stored = toPut.filter((_, i) => !failedOnBus.has(i));
  const notStored = [
    ...toCount.filter((p) => !counted.includes(p)),
    ...claimed.filter((p) => linkFailed.has(p.index)),
    ...toPut.filter((_, i) => failedOnBus.has(i)),
  ];
  await Promise.allSettled(notStored.map((p) => releaseClaim(writeKey.channel, p.event.messageId, token)));
  for (const p of notStored) {
    outcomes[p.index] = {
      kind: 'refused',
      refusal: retryLater(p.index, p.event.messageId, 'the event could not be stored just now; retry it'),
    };
  }
  for (const p of [...counted, ...stored])
    outcomes[p.index] = { kind: 'accepted', messageId: p.event.messageId };
  await markDone(
    writeKey.channel,
    [...counted, ...stored].map((p) => p.event.messageId),
    receivedAt,
  ).catch((error: unknown) => logger.warn('claims not marked done', { error: error as Error }));

  for (const copy of copies) {
    const original = outcomes[copy.of]!;
    outcomes[copy.index] =
      original.kind === 'accepted'
        ? original
        : { kind: 'refused', refusal: { ...original.refusal, index: copy.index } };
  }

  metrics.addMetric('ChannelEventsStored', MetricUnit.Count, stored.length);
  metrics.addMetric('ChannelEventsWithoutConsent', MetricUnit.Count, counted.length);
  const answer = ingestAnswer(outcomes);
  metrics.addMetric('ChannelEventsRefused', MetricUnit.Count, answer.body.rejected.length);
  return answer;
};

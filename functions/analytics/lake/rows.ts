/**
 * From an event as the bus delivers it (the EventBridge envelope in an SQS message body) to
 * what the lake keeps: the pseudonymised envelope (a raw NDJSON line) and its curated row (the
 * columns of `schemas/analytics/lake.ts`). Channel events (detail-type `ChannelEvent`) and
 * domain events (`CustomerCreated`, `IdentityLinked`…) map differently; anything else from a
 * `relais.*` source is kept as a domain event. Only the fields read here are checked, so an
 * upstream schema that gains a field does not stop the lake.
 */
import { type CuratedRow, partitionOf } from '#schemas/analytics/lake.ts';
import { IsoDateTime } from '#schemas/common.ts';
import { ChannelEventOnBus } from '#schemas/events/channel-event.ts';
import * as z from '#schemas/zod.ts';
import { lakeFieldsOf } from './lake-fields.ts';
import type { Partition } from './layout.ts';
import { sanitise } from './privacy.ts';

/** The EventBridge envelope, as the `everything` rule delivers it to the lake queue. */
export const BusEnvelope = z.looseObject({
  version: z.optional(z.string()),
  id: z.string().check(z.minLength(1)),
  'detail-type': z.string().check(z.minLength(1)),
  source: z.string().check(z.minLength(1)),
  account: z.optional(z.string()),
  time: IsoDateTime,
  region: z.optional(z.string()),
  resources: z.optional(z.array(z.string())),
  detail: z.record(z.string(), z.unknown()),
});
export type BusEnvelope = z.infer<typeof BusEnvelope>;

const Text = z.string().check(z.minLength(1));
const Json = z.record(z.string(), z.unknown());

/** What the lake reads of a channel event (the full schema is `ChannelEventV1`). */
const ChannelDetail = z.looseObject({
  eventId: Text,
  type: Text,
  name: z.optional(Text),
  channel: z.optional(Text),
  occurredAt: IsoDateTime,
  receivedAt: z.optional(IsoDateTime),
  anonymousId: z.optional(Text),
  customerPid: z.optional(Text),
  sessionId: z.optional(Text),
  context: z.optional(Json),
  properties: z.optional(Json),
});

/** What the lake reads of a domain event (`eventDetail` in `schemas/events/envelope.ts`). */
const DomainDetail = z.looseObject({
  eventId: z.optional(Text),
  occurredAt: z.optional(IsoDateTime),
  customerPid: z.optional(Text),
  anonymousId: z.optional(Text),
  channel: z.optional(Text),
});

/** An event ready for the lake: its pseudonymised envelope and its curated row. */
export type LakeEvent = {
  eventId: string;
  partition: Partition;
  /** The envelope with a pseudonymised, scrubbed detail: one raw NDJSON line. */
  raw: BusEnvelope;
  row: CuratedRow;
};

/** Thrown for a message the lake cannot read: retrying will not help, it ends in the DLQ. */
export class UnreadableEvent extends Error {
  override name = 'UnreadableEvent';
}

const describe = (error: z.core.$ZodError) =>
  error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ');

/** Parses an SQS message body into a bus envelope, or throws {@link UnreadableEvent}. */
export const parseEnvelope = (body: string): BusEnvelope => {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new UnreadableEvent('the message body is not JSON');
  }
  const parsed = BusEnvelope.safeParse(json);
  if (!parsed.success) throw new UnreadableEvent(`not an EventBridge event: ${describe(parsed.error)}`);
  return parsed.data;
};

/** The lake's id of an event: the sender's message id or the domain event id, else the bus's id. */
export const eventIdOf = (envelope: Pick<BusEnvelope, 'id' | 'detail'>): string => {
  const id = envelope.detail.eventId;
  return typeof id === 'string' && id.length > 0 ? id : envelope.id;
};

/**
 * What makes two lake rows one event, the same rule as ingestion's: a channel event is its
 * channel and the sender's message id (two apps may both send message id `1`), any other event
 * its event id.
 */
export const dedupKey = (channel: string | null | undefined, eventId: string): string =>
  channel ? `${channel}:${eventId}` : eventId;

/** The deduplication key of a bus envelope (see `dedupKey`). */
export const dedupKeyOf = (envelope: Pick<BusEnvelope, 'id' | 'detail'>): string => {
  const channel = envelope.detail.channel;
  return dedupKey(typeof channel === 'string' ? channel : undefined, eventIdOf(envelope));
};

const isChannelEvent = (envelope: BusEnvelope) =>
  envelope.source === ChannelEventOnBus.source && envelope['detail-type'] === ChannelEventOnBus.detailType;

const stringAt = (record: Record<string, unknown> | undefined, ...path: string[]): string | null => {
  let value: unknown = record;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[step];
  }
  return typeof value === 'string' && value.length > 0 ? value : null;
};

const channelRow = (envelope: BusEnvelope): CuratedRow => {
  const parsed = ChannelDetail.safeParse(envelope.detail);
  if (!parsed.success) throw new UnreadableEvent(`channel event: ${describe(parsed.error)}`);
  const detail = parsed.data;
  const properties = detail.properties ?? {};
  return {
    event_id: detail.eventId,
    // A custom event is known by its registered name; `custom:` keeps it apart from built-in types.
    event_type: detail.type === 'custom' && detail.name ? `custom:${detail.name}` : detail.type,
    source: envelope.source,
    channel: detail.channel ?? null,
    occurred_at: new Date(detail.occurredAt),
    received_at: new Date(detail.receivedAt ?? envelope.time),
    anonymous_id: detail.anonymousId ?? null,
    customer_pid: detail.customerPid ?? null,
    session_id: detail.sessionId ?? null,
    page_path:
      (detail.type === 'page_view' ? stringAt(properties, 'path') : null) ??
      (detail.type === 'screen_view' ? stringAt(properties, 'name') : null) ??
      stringAt(detail.context, 'page', 'path') ??
      stringAt(detail.context, 'screen', 'name'),
    product: stringAt(properties, 'product'),
    properties: JSON.stringify(properties),
  };
};

/** Detail fields that are columns of the row, hence not repeated in `properties`. */
const domainColumns = new Set(['eventId', 'occurredAt', 'customerPid', 'anonymousId']);

const domainRow = (envelope: BusEnvelope): CuratedRow => {
  const parsed = DomainDetail.safeParse(envelope.detail);
  if (!parsed.success) throw new UnreadableEvent(`domain event: ${describe(parsed.error)}`);
  const detail = parsed.data;
  const occurredAt = new Date(detail.occurredAt ?? envelope.time);
  return {
    event_id: eventIdOf(envelope),
    event_type: envelope['detail-type'],
    source: envelope.source,
    channel: detail.channel ?? null,
    occurred_at: occurredAt,
    // The bus's time: when the event was published.
    received_at: new Date(envelope.time),
    anonymous_id: detail.anonymousId ?? null,
    customer_pid: detail.customerPid ?? null,
    session_id: null,
    page_path: null,
    product: stringAt(envelope.detail, 'product'),
    properties: JSON.stringify(
      Object.fromEntries(Object.entries(envelope.detail).filter(([name]) => !domainColumns.has(name))),
    ),
  };
};

/** The customer an event is about, if it names one. */
export const customerIdOf = (envelope: Pick<BusEnvelope, 'detail'>): string | undefined => {
  const id = envelope.detail.customerId;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
};

/** The visitor id an event carries, if any. */
export const anonymousIdOf = (envelope: Pick<BusEnvelope, 'detail'>): string | undefined => {
  const id = envelope.detail.anonymousId;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
};

/**
 * Pseudonymises an envelope and maps it to its curated row and partition (the UTC date and
 * hour it occurred). Throws {@link UnreadableEvent} when a field the lake needs is missing.
 * @param key the pseudonymisation key (HMAC secret)
 * @param options.withoutCustomer the customer objected to profiling: the event keeps no pseudonym
 */
export const toLakeEvent = (
  envelope: BusEnvelope,
  key: string,
  options: { withoutCustomer?: boolean } = {},
): LakeEvent => {
  const { customerId: _customer, ...anonymous } = envelope.detail;
  const detail = options.withoutCustomer ? anonymous : envelope.detail;
  const raw = { ...envelope, detail: sanitise(detail, lakeFieldsOf(envelope), key) };
  const row = isChannelEvent(raw) ? channelRow(raw) : domainRow(raw);
  if (Number.isNaN(row.occurred_at.getTime()) || Number.isNaN(row.received_at.getTime())) {
    throw new UnreadableEvent('the event has no valid time');
  }
  return { eventId: row.event_id as string, partition: partitionOf(row.occurred_at), raw, row };
};

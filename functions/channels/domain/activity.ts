/**
 * What a known customer's channel events become in the 360° timeline, pure. Page and screen
 * views are summarised per visit: one entry per session id, or, for senders without sessions,
 * per stretch of activity with no gap over 30 minutes. Logins, completed simulations, form
 * submits, product views, transactions and app opens are entries of their own. Everything is
 * idempotent by event id: a visit remembers the ids it counted.
 */
import { createHash } from 'node:crypto';
import type { TimelineEntry } from '#schemas/customers/timeline.ts';
import type { ChannelEventV1 } from '#schemas/events/channel-event.ts';

/** A channel event of a known customer, as the projector reads it off the bus. */
export type ActivityEvent = Pick<
  ChannelEventV1,
  'eventId' | 'type' | 'channel' | 'occurredAt' | 'anonymousId' | 'sessionId' | 'properties' | 'context'
> & { customerId: string };

/** Without a session id, a gap longer than this starts a new visit (the web analytics convention). */
export const visitInactivityMs = 30 * 60_000;
/** A visit counts at most this many events; beyond, a new visit starts (bounds the item size). */
export const maxEventsPerVisit = 1000;
const recentPathsKept = 5;
const productsKept = 10;

export type Visit = {
  id: string;
  customerId: string;
  channel: string;
  anonymousId: string;
  sessionId?: string;
  startedAt: string;
  endedAt: string;
  pages: number;
  /** The latest paths or screens viewed, oldest first. */
  recentPaths: { at: string; path: string }[];
  products: string[];
  /** Events already counted (reprocessing one changes nothing). */
  eventIds: string[];
};

/** Where the visit pointer of a session or visitor says the current visit is. */
export type VisitPointer = { visitSk: string; startedAt: string; lastAt: string };

type Role = 'visit' | 'entry' | 'both' | 'none';

/** What an event type contributes: to a visit, an entry of its own, both, or nothing. */
export const activityRole = (type: ActivityEvent['type']): Role => {
  switch (type) {
    case 'page_view':
    case 'screen_view':
      return 'visit';
    case 'product_view':
      return 'both';
    case 'identify':
    case 'simulation_completed':
    case 'form_submit':
    case 'transaction':
    case 'app_open':
      return 'entry';
    default:
      return 'none';
  }
};

/** The key a visit is found by: the session, else the visitor id (then inactivity splits visits). */
export const visitKeyOf = (event: Pick<ActivityEvent, 'sessionId' | 'anonymousId'>): string =>
  event.sessionId ? `S#${event.sessionId}` : `A#${event.anonymousId}`;

/**
 * Whether an event joins the visit its pointer tracks, starts a new latest visit (the pointer
 * moves), or belongs to an earlier visit that arrived late (a visit of its own; the pointer stays).
 */
export const visitPlacement = (
  pointer: VisitPointer | undefined,
  event: Pick<ActivityEvent, 'sessionId' | 'occurredAt'>,
): 'join' | 'newLatest' | 'newEarlier' => {
  if (!pointer) return 'newLatest';
  if (event.sessionId) return 'join';
  const at = Date.parse(event.occurredAt);
  if (at > Date.parse(pointer.lastAt) + visitInactivityMs) return 'newLatest';
  if (at < Date.parse(pointer.startedAt) - visitInactivityMs) return 'newEarlier';
  return 'join';
};

const pathOf = (event: ActivityEvent): string | undefined => {
  const p = event.properties as { path?: unknown; name?: unknown };
  if (event.type === 'page_view') return typeof p.path === 'string' ? p.path : event.context.page?.path;
  if (event.type === 'screen_view') return typeof p.name === 'string' ? p.name : event.context.screen?.name;
  return undefined;
};

const productOf = (event: ActivityEvent): string | undefined => {
  const product = (event.properties as { product?: unknown }).product;
  return event.type === 'product_view' && typeof product === 'string' ? product : undefined;
};

/** A visit's id: stable for the customer, visit key and first event seen. */
export const visitId = (customerId: string, visitKey: string, startedAt: string): string =>
  `visit-${createHash('sha256').update(`${customerId}|${visitKey}|${startedAt}`).digest('hex').slice(0, 20)}`;

/** A new visit holding its first event. */
export const startVisit = (event: ActivityEvent): Visit =>
  addToVisit(
    {
      id: visitId(event.customerId, visitKeyOf(event), event.occurredAt),
      customerId: event.customerId,
      channel: event.channel,
      anonymousId: event.anonymousId,
      ...(event.sessionId ? { sessionId: event.sessionId } : {}),
      startedAt: event.occurredAt,
      endedAt: event.occurredAt,
      pages: 0,
      recentPaths: [],
      products: [],
      eventIds: [],
    },
    event,
  ) as Visit;

/** The visit with one more event, or `undefined` when that event was already counted. */
export const addToVisit = (visit: Visit, event: ActivityEvent): Visit | undefined => {
  if (visit.eventIds.includes(event.eventId)) return undefined;
  const path = pathOf(event);
  const product = productOf(event);
  const at = event.occurredAt;
  return {
    ...visit,
    startedAt: at < visit.startedAt ? at : visit.startedAt,
    endedAt: at > visit.endedAt ? at : visit.endedAt,
    pages: visit.pages + (path !== undefined ? 1 : 0),
    recentPaths:
      path === undefined
        ? visit.recentPaths
        : [...visit.recentPaths, { at, path }]
            .sort((a, b) => a.at.localeCompare(b.at))
            .slice(-recentPathsKept),
    products:
      product === undefined || visit.products.includes(product)
        ? visit.products
        : [...visit.products, product].slice(-productsKept),
    eventIds: [...visit.eventIds, event.eventId],
  };
};

/** Whether a visit has counted all the events it may. */
export const isFull = (visit: Visit): boolean => visit.eventIds.length >= maxEventsPerVisit;

const actorOf = (customerId: string, channel: string) => ({ id: customerId, name: channel });

/** The visit as the 360° timeline shows it. */
export const visitEntry = (visit: Visit): TimelineEntry => ({
  id: visit.id,
  type: 'Visit',
  source: 'relais.channels',
  occurredAt: visit.startedAt,
  actor: actorOf(visit.customerId, visit.channel),
  detail: {
    channel: visit.channel,
    ...(visit.sessionId ? { sessionId: visit.sessionId } : {}),
    startedAt: visit.startedAt,
    endedAt: visit.endedAt,
    durationSeconds: Math.round((Date.parse(visit.endedAt) - Date.parse(visit.startedAt)) / 1000),
    pages: visit.pages,
    paths: visit.recentPaths.map((p) => p.path),
    products: visit.products,
  },
});

const pick = (properties: Record<string, unknown>, names: string[]) =>
  Object.fromEntries(
    names.flatMap((name) => (properties[name] === undefined ? [] : [[name, properties[name]]])),
  );

const entryTypes = {
  identify: { type: 'Login', fields: ['method'] },
  simulation_completed: {
    type: 'SimulationCompleted',
    fields: ['simulationId', 'product', 'amount', 'durationMonths', 'monthlyPayment'],
  },
  form_submit: { type: 'FormSubmitted', fields: ['form'] },
  product_view: { type: 'ProductViewed', fields: ['product', 'family'] },
  transaction: { type: 'Transaction', fields: ['kind', 'product', 'amountBand'] },
  app_open: { type: 'AppOpened', fields: ['firstOpen'] },
} as const satisfies Partial<Record<ActivityEvent['type'], { type: string; fields: string[] }>>;

/** The entry of its own an event makes in the timeline, if its type makes one. */
export const eventEntry = (event: ActivityEvent): TimelineEntry | undefined => {
  const kind = entryTypes[event.type as keyof typeof entryTypes];
  if (!kind) return undefined;
  return {
    id: event.eventId,
    type: kind.type,
    source: 'relais.channels',
    occurredAt: event.occurredAt,
    actor: actorOf(event.customerId, event.channel),
    detail: {
      channel: event.channel,
      ...pick(event.properties, [...kind.fields]),
      ...(event.type === 'app_open' && event.context.app ? { appVersion: event.context.app.version } : {}),
    },
  };
};

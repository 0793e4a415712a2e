/**
 * What the lake keeps of each event: an allow-list per event type, field by field, each with
 * how its value is treated. A field that is not listed never reaches the lake (raw or curated),
 * whatever the sender or a later version of an event adds: a new field is kept only once
 * someone lists it here, saying how. `privacy.ts` applies it.
 *
 * How a value is treated:
 * - `fixed`: a value the schema pins down (an enum, a number, a flag, a time, a server-made
 *   id): kept as it is;
 * - `token`: an identifier the sender makes (message, visitor, session, simulation ids): kept
 *   when it is a plain identifier, else replaced by a keyed hash of it (an e-mail or a phone
 *   number used as an id never shows, and the same value still gives the same token);
 * - `text`: free text (titles, labels, queries, URLs): e-mail addresses, phone numbers, IBANs,
 *   card numbers and customer ids blanked out, IPs cut to their network;
 * - `pseudonym`: a customer id: replaced by its pseudonym, under `…Pid` instead of `…Id`;
 * - `network`: an IP address: its network part only;
 * - `codes` (custom events' properties, whose schema the lake does not know): numbers, flags
 *   and short codes (`budget_tool`, `step-2`) kept, free text and personal-looking names dropped.
 * An object lists its fields; a rule on an array applies to each item.
 */
import type { ChannelEventType } from '#schemas/channels/channel-event.ts';
import { ChannelEventOnBus } from '#schemas/events/channel-event.ts';
import type { DomainEventType } from '#schemas/events/index.ts';

export type Treatment = 'fixed' | 'token' | 'text' | 'pseudonym' | 'network' | 'codes';
export type LakeFields = Treatment | { readonly [field: string]: LakeFields };

const eventContext = {
  page: { url: 'text', path: 'text', title: 'text', referrer: 'text' },
  screen: { name: 'text' },
  app: { version: 'text', build: 'text' },
  device: { type: 'fixed', os: 'text', model: 'text' },
  locale: 'text',
  userAgent: 'text',
  consent: { analytics: 'fixed' },
  campaign: { source: 'text', medium: 'text', name: 'text' },
  ip: 'network',
} as const satisfies LakeFields;

/** The properties the lake keeps of each type of channel event (`schemas/channels/channel-event.ts`). */
export const channelProperties = {
  page_view: { path: 'text', title: 'text' },
  screen_view: { name: 'text' },
  click: { element: 'text', label: 'text', href: 'text' },
  form_submit: { form: 'text', fields: 'text' },
  search: { query: 'text', results: 'fixed' },
  product_view: { product: 'text', family: 'fixed' },
  simulation_started: { simulationId: 'token', product: 'text' },
  simulation_completed: {
    simulationId: 'token',
    product: 'text',
    amount: 'fixed',
    durationMonths: 'fixed',
    monthlyPayment: 'fixed',
  },
  identify: { method: 'text' },
  logout: {},
  app_open: { firstOpen: 'fixed' },
  transaction: { kind: 'fixed', product: 'text', amountBand: 'fixed' },
  custom: 'codes',
} as const satisfies Record<ChannelEventType, LakeFields>;

/** What the lake keeps of a channel event's detail (`ChannelEventV1`), its properties aside. */
export const channelDetail = {
  schemaVersion: 'fixed',
  eventId: 'token',
  channel: 'fixed',
  writeKeyId: 'fixed',
  type: 'fixed',
  name: 'token',
  occurredAt: 'fixed',
  receivedAt: 'fixed',
  sentAt: 'fixed',
  anonymousId: 'token',
  customerId: 'pseudonym',
  sessionId: 'token',
  context: eventContext,
} as const satisfies LakeFields;

/** What every domain event carries (`eventDetail` in `schemas/events/envelope.ts`); the actor's name stays out. */
const eventBase = {
  schemaVersion: 'fixed',
  eventId: 'fixed',
  occurredAt: 'fixed',
  actor: { id: 'fixed' },
} as const;
/** …and the customer's, in the customers' and channels' events. */
const domainBase = { ...eventBase, customerId: 'pseudonym', branchId: 'fixed' } as const;
/** …and what every event of a sales opportunity says of it. */
const opportunityFacts = {
  ...domainBase,
  opportunityId: 'fixed',
  ownerId: 'fixed',
  productCode: 'fixed',
  family: 'fixed',
  amountCents: 'fixed',
} as const;
const opportunityMoved = { ...opportunityFacts, version: 'fixed' } as const;
const quoted = {
  ...domainBase,
  opportunityId: 'fixed',
  ownerId: 'fixed',
  productCode: 'fixed',
  quoteNumber: 'fixed',
  principalCents: 'fixed',
  months: 'fixed',
  taegPercent: 'fixed',
  version: 'fixed',
} as const;
/** …and in the platform's privacy events, the customer alone. */
const privacyBase = { ...eventBase, customerId: 'pseudonym' } as const;

/**
 * What the lake keeps of each domain event (`schemas/events/`). Left out on purpose: the reasons
 * of a KYC decision, of an end of relationship and of a report's correction, the subject and
 * summary of a call or an e-mail (free text about the customer).
 */
export const domainDetails = {
  CustomerCreated: { ...domainBase, advisorId: 'fixed', kind: 'fixed', segment: 'fixed' },
  CustomerUpdated: { ...domainBase, previousBranchId: 'fixed', changedFields: 'fixed', version: 'fixed' },
  KycStatusChanged: { ...domainBase, from: 'fixed', to: 'fixed', version: 'fixed' },
  RelationshipEndRecorded: { ...domainBase, endedOn: 'fixed', version: 'fixed' },
  ConsentChanged: {
    ...domainBase,
    changes: { channel: 'fixed', purpose: 'fixed', granted: 'fixed', source: 'text' },
  },
  IdentityLinked: {
    ...domainBase,
    anonymousId: 'token',
    channel: 'fixed',
    linkedBy: 'token',
    movedFromAnotherCustomer: 'fixed',
  },
  IdentityUnlinked: { ...domainBase, anonymousId: 'token', channel: 'fixed', reason: 'fixed' },
  DataAccessRequested: { ...privacyBase, requestId: 'fixed', dueOn: 'fixed' },
  DataExported: { ...privacyBase, requestId: 'fixed', stage: 'fixed' },
  ErasureRequested: { ...privacyBase, requestId: 'fixed', dueOn: 'fixed' },
  CustomerErased: { ...privacyBase, requestId: 'fixed', scope: 'fixed' },
  RetentionPurged: { ...eventBase, location: 'fixed', cutoff: 'fixed', removed: 'fixed' },
  OpportunityCreated: {
    ...opportunityFacts,
    expectedCloseOn: 'fixed',
    source: 'fixed',
    campaignId: 'fixed',
    stage: 'fixed',
  },
  OpportunityUpdated: {
    ...domainBase,
    opportunityId: 'fixed',
    ownerId: 'fixed',
    previousOwnerId: 'fixed',
    changedFields: 'fixed',
    version: 'fixed',
  },
  OpportunityStageChanged: { ...opportunityMoved, from: 'fixed', to: 'fixed', probabilityPercent: 'fixed' },
  OpportunityWon: { ...opportunityMoved, closedOn: 'fixed', holdingId: 'fixed' },
  OpportunityLost: { ...opportunityMoved, closedOn: 'fixed', lostReason: 'fixed' },
  QuoteIssued: { ...quoted },
  QuoteAccepted: { ...quoted },
  // A call's subject and summary, a task's title: free text about the customer, left out.
  ActivityLogged: {
    ...domainBase,
    activityId: 'fixed',
    kind: 'fixed',
    direction: 'fixed',
    at: 'fixed',
    taskStatus: 'fixed',
    dueOn: 'fixed',
    priority: 'fixed',
    assigneeId: 'fixed',
    reportId: 'fixed',
  },
  // The products discussed feed the scoring; the notes and the reason stay out.
  MeetingReported: {
    ...domainBase,
    reportId: 'fixed',
    version: 'fixed',
    meetingAt: 'fixed',
    channel: 'fixed',
    productsDiscussed: 'fixed',
    followUpTaskCount: 'fixed',
  },
} as const satisfies Record<Exclude<DomainEventType, 'ChannelEvent'>, LakeFields>;

/** An event of a `relais.*` source the lake does not know yet: its common fields only. */
export const unknownDomainDetail = domainBase satisfies LakeFields;

const isChannelEventType = (type: unknown): type is ChannelEventType =>
  typeof type === 'string' && Object.hasOwn(channelProperties, type);

const isKnownDomainEvent = (detailType: string): detailType is keyof typeof domainDetails =>
  Object.hasOwn(domainDetails, detailType);

/**
 * The allow-list entry of an event, from its envelope: a channel event's detail with the
 * properties of its type (none for a type the lake does not know), a domain event's own, or the
 * common fields of an unknown one.
 */
export const lakeFieldsOf = (envelope: {
  source: string;
  'detail-type': string;
  detail: Record<string, unknown>;
}): LakeFields => {
  if (
    envelope.source === ChannelEventOnBus.source &&
    envelope['detail-type'] === ChannelEventOnBus.detailType
  ) {
    const type = envelope.detail.type;
    return { ...channelDetail, properties: isChannelEventType(type) ? channelProperties[type] : {} };
  }
  const detailType = envelope['detail-type'];
  return isKnownDomainEvent(detailType) ? domainDetails[detailType] : unknownDomainDetail;
};

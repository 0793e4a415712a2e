/**
 * Bus events as the lake queue receives them, for the lake's unit tests: channel events (the
 * detail the ingest API puts on the bus) and domain events, as SQS records.
 */
import { randomUUID } from 'node:crypto';
import type { ArchiveRecord } from '#functions/analytics/lake/archive.ts';

/** For the archiver: no customer of the batch objected to profiling. */
export const noObjections = async (): Promise<Set<string>> => new Set();

/** A pseudonymisation key as Secrets Manager would hold it (64 characters). */
export const testKey = 'k3y-0f-the-t3st-lake-'.padEnd(64, 'x');

export type ChannelEventFields = {
  eventId: string;
  occurredAt: string;
  type?: string;
  name?: string;
  customerId?: string;
  anonymousId?: string;
  sessionId?: string;
  context?: Record<string, unknown>;
  properties?: Record<string, unknown>;
};

/** A channel event on the bus (source `relais.channels`, detail-type `ChannelEvent`). */
export const channelEnvelope = (fields: ChannelEventFields) => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'ChannelEvent',
  source: 'relais.channels',
  account: '123456789012',
  time: fields.occurredAt.replace(/\.\d{3}Z$/, 'Z'),
  region: 'eu-west-3',
  resources: [],
  detail: {
    schemaVersion: 1,
    eventId: fields.eventId,
    channel: 'web',
    writeKeyId: 'wk_web_01',
    type: fields.type ?? 'page_view',
    ...(fields.name ? { name: fields.name } : {}),
    occurredAt: fields.occurredAt,
    receivedAt: new Date(Date.parse(fields.occurredAt) + 1500).toISOString(),
    sentAt: fields.occurredAt,
    anonymousId: fields.anonymousId ?? 'anon-7f3a9c21',
    ...(fields.customerId ? { customerId: fields.customerId } : {}),
    ...(fields.sessionId ? { sessionId: fields.sessionId } : {}),
    context: fields.context ?? {
      page: { url: 'https://www.banque-exemple.fr/credit-immo', path: '/credit-immo' },
      consent: { analytics: true },
      ip: '203.0.113.77',
      locale: 'fr-FR',
    },
    properties: fields.properties ?? { path: '/credit-immo', title: 'Crédit immobilier' },
  },
});

/** A `CustomerCreated` domain event on the bus. */
export const customerCreatedEnvelope = (fields: {
  eventId: string;
  customerId: string;
  occurredAt: string;
}) => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'CustomerCreated',
  source: 'relais.customers',
  account: '123456789012',
  time: fields.occurredAt.replace(/\.\d{3}Z$/, 'Z'),
  region: 'eu-west-3',
  resources: [],
  detail: {
    schemaVersion: 1,
    eventId: fields.eventId,
    occurredAt: fields.occurredAt,
    actor: { id: 'stf-advisor-01', name: 'Camille Martin' },
    customerId: fields.customerId,
    branchId: 'br-paris-01',
    kind: 'individual',
    segment: 'affluent',
  },
});

/** SQS records carrying `bodies` (objects are JSON-encoded; strings are sent as they are). */
export const sqsRecords = (bodies: readonly unknown[]): ArchiveRecord[] =>
  bodies.map((body, index) => ({
    messageId: `msg-${index}-${randomUUID().slice(0, 8)}`,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  }));

/** `count` page views in the hour starting at `hourStart`, one a second, ids `<prefix>-<n>`. */
export const pageViews = (count: number, hourStart: string, prefix = 'pv') =>
  Array.from({ length: count }, (_, n) =>
    channelEnvelope({
      eventId: `${prefix}-${String(n).padStart(6, '0')}`,
      occurredAt: new Date(Date.parse(hourStart) + (n % 3600) * 1000).toISOString(),
      sessionId: `sess-${n % 7}`,
    }),
  );

/** Nobody in the batch was erased. */
export const nobodyErased = async () => ({
  customers: new Set<string>(),
  visitors: new Map<string, string>(),
});

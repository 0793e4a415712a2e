/**
 * The channels context's keys, in one place.
 *
 * Main table:
 * - write keys: the record under `WRITEKEYS` / `WRITEKEY#<id>` (one partition: a handful of keys,
 *   listed together) and a look-up item `WRITEKEYHASH#<sha256>` carrying what authentication
 *   needs (id, channel, status, validity), so a request costs one GetItem (then a cache);
 * - custom event schemas: `EVENTSCHEMAS` / `<name>#<version, 6 digits>` (latest = last);
 * - identity links: `ANON#<visitorId>` / `LINK` → the customer, and in the customer's collection
 *   `0#ID#<visitorId>`;
 * - timeline activity in the customer's collection: entries and visits under `A#TL#<time>#<id>`
 *   beside the domain events, and visit pointers `0#VISIT#<visit key>`.
 *   Items under `0#` sort after the timeline (`A#`) and the profile (`P#`): the 360° read, a
 *   descending Query with a limit, reaches them last, if at all.
 *
 * Ingest table: message-id claims `MSG#<channel>#<messageId>`, counters of events without
 * consent `NOCONSENT#<day>#<channel>#<type>`, and the events counted in a visit
 * `VISITED#<eventId>` (a redelivered event is never counted twice, whichever visit it joined).
 */
export { customerPk, profileSk, timelineSk } from '#functions/customers/access.ts';

export const writeKeysPk = 'WRITEKEYS';
export const writeKeySk = (id: string) => `WRITEKEY#${id}`;
export const writeKeyHashKey = (hash: string) => ({ pk: `WRITEKEYHASH#${hash}`, sk: 'WRITEKEYHASH' });

export const eventSchemasPk = 'EVENTSCHEMAS';
export const eventSchemaSk = (name: string, version: number) => `${name}#${String(version).padStart(6, '0')}`;

export const anonymousLinkKey = (anonymousId: string) => ({ pk: `ANON#${anonymousId}`, sk: 'LINK' });
export const identitySkPrefix = '0#ID#';
export const identitySk = (anonymousId: string) => `${identitySkPrefix}${anonymousId}`;
export const visitPointerSk = (visitKey: string) => `0#VISIT#${visitKey}`;

export const claimPk = (channel: string, messageId: string) => `MSG#${channel}#${messageId}`;
export const visitedPk = (eventId: string) => `VISITED#${eventId}`;
export const consentlessCounterPk = (day: string, channel: string, type: string) =>
  `NOCONSENT#${day}#${channel}#${type}`;

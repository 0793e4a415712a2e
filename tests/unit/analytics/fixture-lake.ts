/**
 * A small lake with known contents, written as the archiver writes the curated table: Parquet
 * files (hyparquet-writer) under `curated/events/dt=YYYY-MM-DD/hour=HH/`, the columns of
 * `schemas/analytics/lake.ts`. The saved-query tests run every query on it with DuckDB, and
 * the integration and browser tests put the same files into a sandbox's lake bucket.
 *
 * The story, 4 to 6 March 2024 (and a few events outside that period):
 * - Alice (segment young) reads the home-loan page on the web, simulates, and subscribes the
 *   next morning in the iOS app; comes back on the web on the 6th.
 * - Bob (mass_market, then affluent since a CustomerUpdated on the 5th) browses the iOS app,
 *   views and simulates the Livret A but "subscribed" before simulating (not a funnel
 *   subscription); views and simulates the home loan on a branch tablet on the 5th; returns on
 *   the 10th (outside the period).
 * - Dan (mass_market) views the home loan anonymously on the 4th, logs in on the 5th on the
 *   same browser (identify) and simulates: identity stitching makes the view his.
 * - Carol (private_banking) views the Livret A with the contact centre and subscribes to it
 *   without a simulation. Emma (no segment in the lake) opens one page on the 6th.
 * - Two anonymous visitors: one with two pages, one with five (a path longer than four steps).
 * Empty values are written as null in some files and as '' in others, as writers differ.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { type CuratedRow, curatedColumns, lakePrefixes, partitionOf } from '#schemas/analytics/lake.ts';

/** A customer's pseudonym as the archiver makes it (32 hex characters). */
const pseudonym = (name: string) => createHash('sha256').update(`fixture:${name}`).digest('hex').slice(0, 32);

export const fixturePeople = {
  alice: pseudonym('alice'),
  bob: pseudonym('bob'),
  carol: pseudonym('carol'),
  dan: pseudonym('dan'),
  emma: pseudonym('emma'),
} as const;

/** The period of the story; the queries' `from` and `to`. */
export const fixturePeriod = { from: '2024-03-04', to: '2024-03-06' } as const;

type Person = keyof typeof fixturePeople;
type ChannelFields = {
  at: string;
  type: string;
  who?: Person;
  /** `''` instead of null for an unknown customer (some writers do so). */
  emptyAsBlank?: boolean;
  channel: string;
  anonymousId: string;
  session: string;
  page?: string;
  product?: string;
  properties?: Record<string, unknown>;
};

let sequence = 0;
const id = () => `ev-${String(++sequence).padStart(4, '0')}`;

const channelEvent = (e: ChannelFields): CuratedRow => ({
  event_id: id(),
  event_type: e.type,
  source: 'relais.channels',
  channel: e.channel,
  occurred_at: new Date(e.at),
  received_at: new Date(new Date(e.at).getTime() + 800),
  anonymous_id: e.anonymousId,
  customer_pid: e.who ? fixturePeople[e.who] : e.emptyAsBlank ? '' : null,
  session_id: e.session,
  page_path: e.page ?? null,
  product: e.product ?? null,
  properties: JSON.stringify(e.properties ?? (e.product ? { product: e.product } : {})),
});

const domainEvent = (
  at: string,
  type: string,
  who: Person,
  properties: Record<string, unknown>,
  blankChannel = false,
): CuratedRow => ({
  event_id: id(),
  event_type: type,
  source: 'relais.customers',
  channel: blankChannel ? '' : null,
  occurred_at: new Date(at),
  received_at: new Date(at),
  anonymous_id: null,
  customer_pid: fixturePeople[who],
  session_id: null,
  page_path: null,
  product: null,
  properties: JSON.stringify(properties),
});

const alice = (at: string, type: string, more: Partial<ChannelFields> = {}) =>
  channelEvent({
    at,
    type,
    who: 'alice',
    channel: 'web',
    anonymousId: 'anon-alice-web',
    session: 's-alice-1',
    ...more,
  });
const bob = (at: string, type: string, more: Partial<ChannelFields> = {}) =>
  channelEvent({
    at,
    type,
    who: 'bob',
    channel: 'ios',
    anonymousId: 'anon-bob-ios',
    session: 's-bob-1',
    ...more,
  });

/** Every row of the fixture lake. */
export const fixtureEvents: CuratedRow[] = [
  // Customer files, long before the period.
  domainEvent('2024-01-15T10:00:00Z', 'CustomerCreated', 'alice', { kind: 'individual', segment: 'young' }),
  domainEvent('2024-01-16T10:00:00Z', 'CustomerCreated', 'bob', {
    kind: 'individual',
    segment: 'mass_market',
  }),
  domainEvent(
    '2024-02-01T10:00:00Z',
    'CustomerCreated',
    'carol',
    { kind: 'individual', segment: 'private_banking' },
    true,
  ),
  domainEvent('2024-02-02T10:00:00Z', 'CustomerCreated', 'dan', {
    kind: 'individual',
    segment: 'mass_market',
  }),

  // 4 March.
  alice('2024-03-04T09:00:00Z', 'page_view', { page: '/' }),
  alice('2024-03-04T09:01:00Z', 'page_view', { page: '/credit-immobilier' }),
  alice('2024-03-04T09:01:30Z', 'product_view', { page: '/credit-immobilier', product: 'home-loan' }),
  alice('2024-03-04T09:03:00Z', 'simulation_started', { product: 'home-loan' }),
  alice('2024-03-04T09:05:00Z', 'simulation_completed', {
    product: 'home-loan',
    properties: { simulationId: 'sim-1', product: 'home-loan', amount: 250000, durationMonths: 240 },
  }),
  alice('2024-03-04T09:06:00Z', 'page_view', { page: '/epargne' }),
  bob('2024-03-04T10:00:00Z', 'screen_view', { page: 'accueil' }),
  bob('2024-03-04T10:02:00Z', 'product_view', { page: 'produits', product: 'livret-a' }),
  bob('2024-03-04T10:03:00Z', 'transaction', {
    product: 'livret-a',
    properties: { kind: 'subscription', product: 'livret-a', amountBand: '50-500' },
  }),
  bob('2024-03-04T10:04:00Z', 'screen_view', { page: 'comptes' }),
  bob('2024-03-04T10:05:00Z', 'simulation_completed', { product: 'livret-a' }),
  ...[
    ['2024-03-04T11:00:00Z', 'page_view', '/'],
    ['2024-03-04T11:02:00Z', 'page_view', '/credit-immobilier'],
    ['2024-03-04T11:03:00Z', 'product_view', '/credit-immobilier'],
  ].map(([at = '', type = '', page]) =>
    channelEvent({
      at,
      type,
      channel: 'web',
      anonymousId: 'anon-dan-web',
      session: 's-dan-1',
      page,
      ...(type === 'product_view' ? { product: 'home-loan' } : {}),
    }),
  ),
  channelEvent({
    at: '2024-03-04T18:00:00Z',
    type: 'page_view',
    channel: 'web',
    anonymousId: 'anon-visitor',
    session: 's-visitor-1',
    page: '/',
    emptyAsBlank: true,
  }),
  channelEvent({
    at: '2024-03-04T18:00:40Z',
    type: 'page_view',
    channel: 'web',
    anonymousId: 'anon-visitor',
    session: 's-visitor-1',
    page: '/credit-immobilier',
    emptyAsBlank: true,
  }),

  // 5 March.
  domainEvent('2024-03-05T07:00:00Z', 'ConsentChanged', 'alice', {
    changes: [{ channel: 'email', granted: true }],
  }),
  alice('2024-03-05T08:00:00Z', 'app_open', {
    channel: 'ios',
    anonymousId: 'anon-alice-ios',
    session: 's-alice-2',
  }),
  alice('2024-03-05T08:01:00Z', 'transaction', {
    channel: 'ios',
    anonymousId: 'anon-alice-ios',
    session: 's-alice-2',
    product: 'home-loan',
    properties: { kind: 'subscription', product: 'home-loan', amountBand: '>5k' },
  }),
  alice('2024-03-05T08:30:00Z', 'transaction', {
    channel: 'ios',
    anonymousId: 'anon-alice-ios',
    session: 's-alice-2',
    properties: { kind: 'card_payment', amountBand: '<50' },
  }),
  channelEvent({
    at: '2024-03-05T12:00:00Z',
    type: 'identify',
    who: 'dan',
    channel: 'web',
    anonymousId: 'anon-dan-web',
    session: 's-dan-2',
    properties: { method: 'password' },
  }),
  channelEvent({
    at: '2024-03-05T12:05:00Z',
    type: 'simulation_completed',
    who: 'dan',
    channel: 'web',
    anonymousId: 'anon-dan-web',
    session: 's-dan-2',
    product: 'home-loan',
  }),
  bob('2024-03-05T14:00:00Z', 'product_view', {
    channel: 'branch_tablet',
    anonymousId: 'anon-bob-tablet',
    session: 's-bob-2',
    product: 'home-loan',
  }),
  bob('2024-03-05T14:10:00Z', 'simulation_completed', {
    channel: 'branch_tablet',
    anonymousId: 'anon-bob-tablet',
    session: 's-bob-2',
    product: 'home-loan',
  }),
  channelEvent({
    at: '2024-03-05T15:00:00Z',
    type: 'product_view',
    who: 'carol',
    channel: 'contact_centre',
    anonymousId: 'anon-carol-cc',
    session: 's-carol-1',
    product: 'livret-a',
  }),
  channelEvent({
    at: '2024-03-05T15:05:00Z',
    type: 'transaction',
    who: 'carol',
    channel: 'contact_centre',
    anonymousId: 'anon-carol-cc',
    session: 's-carol-1',
    product: 'livret-a',
    properties: { kind: 'subscription', product: 'livret-a' },
  }),
  domainEvent('2024-03-05T16:00:00Z', 'CustomerUpdated', 'bob', {
    changedFields: ['segment'],
    segment: 'affluent',
  }),
  domainEvent('2024-03-05T17:00:00Z', 'CustomerUpdated', 'alice', { changedFields: ['contact'] }),

  // 6 March.
  alice('2024-03-06T09:00:00Z', 'page_view', { session: 's-alice-3', page: '/' }),
  alice('2024-03-06T09:00:30Z', 'page_view', { session: 's-alice-3', page: '/credit-immobilier' }),
  ...['/', '/epargne', '/livret-a', '/assurance-vie', '/contact'].map((page, i) =>
    channelEvent({
      at: `2024-03-06T10:0${i}:00Z`,
      type: 'page_view',
      channel: 'web',
      anonymousId: 'anon-erin',
      session: 's-erin-1',
      page,
    }),
  ),
  channelEvent({
    at: '2024-03-06T11:00:00Z',
    type: 'page_view',
    who: 'emma',
    channel: 'web',
    anonymousId: 'anon-emma-web',
    session: 's-emma-1',
    page: '/',
  }),

  // 10 March: outside the period.
  bob('2024-03-10T10:00:00Z', 'page_view', {
    channel: 'web',
    anonymousId: 'anon-bob-web',
    session: 's-bob-3',
    page: '/',
  }),
  bob('2024-03-10T10:01:00Z', 'product_view', {
    channel: 'web',
    anonymousId: 'anon-bob-web',
    session: 's-bob-3',
    product: 'home-loan',
  }),
];

/** One Parquet file of curated rows, typed as the Glue table declares them. */
export const curatedParquet = (rows: CuratedRow[]): Uint8Array =>
  new Uint8Array(
    parquetWriteBuffer({
      columnData: curatedColumns.map((column) => ({
        name: column.name,
        data: rows.map((row) => row[column.name]),
        type: column.type === 'timestamp' ? 'TIMESTAMP' : 'STRING',
      })),
    }),
  );

/**
 * The fixture lake as S3 objects: one Parquet file per partition, except the busiest hour
 * (4 March, 09h), split in two as size-based flushing would.
 */
export const fixtureLakeObjects = (): { key: string; body: Uint8Array }[] => {
  const byPartition = new Map<string, CuratedRow[]>();
  for (const row of fixtureEvents) {
    const { dt, hour } = partitionOf(row.occurred_at);
    const key = `${lakePrefixes.curated}/dt=${dt}/hour=${hour}`;
    byPartition.set(key, [...(byPartition.get(key) ?? []), row]);
  }
  return [...byPartition].flatMap(([partition, rows]) => {
    const parts = partition.endsWith('dt=2024-03-04/hour=09') ? [rows.slice(0, 3), rows.slice(3)] : [rows];
    return parts.map((part, i) => ({
      key: `${partition}/fixture-${i + 1}.parquet`,
      body: curatedParquet(part),
    }));
  });
};

/** Writes the fixture lake under `dir` (`dir/curated/events/…`), as the DuckDB engine reads it. */
export const writeFixtureLake = async (dir: string): Promise<void> => {
  for (const { key, body } of fixtureLakeObjects()) {
    const path = join(dir, ...key.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, body);
  }
};

/**
 * The demo bank's recent channel history, so that a fresh sandbox's analyses are not empty:
 * 30 days of visits to the website and the apps before today (ingest refuses events older than
 * 7 days, so a history is imported, as a bank would import its old audience data). Visitors
 * browse, look at products, simulate loans, some ask for one (the funnel's last step), and
 * some of them log in as demo customers. The events are archived into the lake as the archiver
 * does (pseudonymised, raw and curated, per hour), straight from their bus envelopes.
 */

import { archiveBatch } from '#functions/analytics/lake/archive.ts';
import { lakeBucketName, s3LakeStore } from '#functions/analytics/lake/store.ts';
import { busEntry } from '#functions/channels/store/channel-bus.ts';
import { objectingToProfiling } from '#functions/customers/access.ts';
import type { ChannelEventV1 } from '#schemas/events/channel-event.ts';
import { erasedAmong } from '#shared/privacy/tombstones.ts';
import { secretValue } from '#shared/secrets.ts';
import { type DemoBank, type Random, seededRandom } from './demo-bank.ts';

/** Days of history before today. */
export const historyDays = 30;

const products = [
  { product: 'pret-immo', family: 'loan', path: '/credit-immobilier', simulated: true },
  { product: 'pret-perso', family: 'loan', path: '/credit-conso', simulated: true },
  { product: 'livret-a', family: 'savings', path: '/epargne/livret-a', simulated: false },
  { product: 'assurance-vie', family: 'savings', path: '/epargne/assurance-vie', simulated: false },
  { product: 'carte-premier', family: 'card', path: '/cartes', simulated: false },
] as const;

const channels = [
  ['web', 7],
  ['ios', 2],
  ['android', 1],
] as const;

type Visit = { day: string; index: number; random: Random; customerId: string | undefined };

/** One visit's events, in order, a minute or two apart. */
const visitEvents = ({ day, index, random, customerId }: Visit): ChannelEventV1[] => {
  const channel = random.weighted(channels);
  const app = channel !== 'web';
  const anonymousId = `hist-visitor-${day}-${index}`;
  const sessionId = `hist-session-${day}-${index}`;
  let at = Date.parse(
    `${day}T${String(random.int(8, 21)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`,
  );
  const events: ChannelEventV1[] = [];
  const add = (type: ChannelEventV1['type'], properties: Record<string, unknown>, path?: string) => {
    at += random.int(20, 150) * 1000;
    const time = new Date(at).toISOString();
    events.push({
      schemaVersion: 1,
      eventId: `hist-${day}-${index}-${events.length}`,
      channel,
      writeKeyId: `wk-demo-${channel}`,
      type,
      occurredAt: time,
      receivedAt: time,
      sentAt: time,
      anonymousId,
      // From the login on, the visit is the customer's.
      ...(customerId && (type === 'identify' || events.some((e) => e.type === 'identify'))
        ? { customerId }
        : {}),
      sessionId,
      context: {
        consent: { analytics: true },
        ...(app ? { screen: { name: path ?? 'Accueil' } } : { page: { path: path ?? '/' } }),
      },
      properties,
    });
  };
  if (app) add('app_open', {});
  else add('page_view', { path: '/' });
  if (customerId) add('identify', { method: 'password' });
  const interest = random.pick(products);
  if (app) add('screen_view', { name: interest.product }, interest.product);
  else add('page_view', { path: interest.path }, interest.path);
  add('product_view', { product: interest.product, family: interest.family }, interest.path);
  if (interest.simulated && random.chance(0.5)) {
    const simulationId = `hist-sim-${day}-${index}`;
    const amount = random.int(10, 300) * 1000;
    const months = random.pick([120, 180, 240, 300]);
    add('simulation_started', { simulationId, product: interest.product }, interest.path);
    add(
      'simulation_completed',
      { simulationId, product: interest.product, amount, durationMonths: months },
      interest.path,
    );
    if (random.chance(0.2)) {
      add(
        'transaction',
        { kind: 'subscription', product: interest.product, amountBand: '>5k' },
        interest.path,
      );
    }
  }
  return events;
};

/** The history's events: 30 to 60 visits a day, a third of them by demo customers who log in. */
export const generateChannelHistory = (bank: DemoBank, today: Date): ChannelEventV1[] => {
  const random = seededRandom(20_261_102);
  const customers = bank.customers.map((c) => c.customer.id);
  const events: ChannelEventV1[] = [];
  for (let back = historyDays; back >= 1; back--) {
    const day = new Date(today.getTime() - back * 86_400_000).toISOString().slice(0, 10);
    const visits = random.int(30, 60);
    for (let index = 0; index < visits; index++) {
      const customerId = customers.length > 0 && random.chance(1 / 3) ? random.pick(customers) : undefined;
      events.push(...visitEvents({ day, index, random, customerId }));
    }
  }
  return events;
};

/** Archives the events into the sandbox's lake, as the archiver would have. */
export const writeChannelHistory = async (events: readonly ChannelEventV1[]): Promise<number> => {
  const records = events.map((detail) => {
    const entry = busEntry(detail);
    return {
      messageId: detail.eventId,
      body: JSON.stringify({
        version: '0',
        id: `hist-${detail.eventId}`,
        'detail-type': entry.DetailType,
        source: entry.Source,
        time: detail.occurredAt,
        detail,
      }),
    };
  });
  const outcome = await archiveBatch(records, {
    store: s3LakeStore(lakeBucketName()),
    key: await secretValue('pseudonymKey'),
    profilingObjections: objectingToProfiling,
    erased: erasedAmong,
  });
  const failed = [...outcome.failed.values()];
  if (failed.length > 0)
    throw new Error(`${failed.length} history events not archived: ${failed[0]?.message}`);
  return outcome.events;
};

/**
 * The lake's sanitiser over generated events (fast-check): channel events of every type and
 * domain events, with personal data — e-mail addresses, phone numbers, IBANs, card numbers,
 * customer ids, full IP addresses — put in every field a sender writes, alone or inside text,
 * and in fields the lake does not list. Whatever the event, none of it is found in what the lake
 * keeps: the raw line or the curated row.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { toLakeEvent } from '#functions/analytics/lake/rows.ts';
import { testKey } from './lake-events.ts';

/** A value that names a person, and the forms of it that must not be found (digits alone, say). */
type Secret = { value: string; traces: string[] };

const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
const lower = (min: number, max: number) =>
  fc.string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
    minLength: min,
    maxLength: max,
  });

const email = fc
  .tuple(
    lower(2, 12),
    fc.constantFrom('', '.', '_', '-', '+'),
    lower(1, 8),
    lower(2, 10),
    fc.constantFrom('fr', 'com', 'org', 'co.uk'),
  )
  .map(([a, sep, b, domain, tld]): Secret => {
    const value = `${a}${sep}${b}@${domain}.${tld}`;
    return { value, traces: [value, `${a}${sep}${b}@`] };
  });

/** French mobile numbers, written as people write them. */
const phone = fc
  .tuple(
    fc.constantFrom('6', '7'),
    digits(8),
    fc.constantFrom('national', 'spaced', 'dotted', 'international'),
  )
  .map(([first, rest, style]): Secret => {
    const national = `0${first}${rest}`;
    const pairs = national.match(/../g) ?? [];
    const value =
      style === 'national'
        ? national
        : style === 'spaced'
          ? pairs.join(' ')
          : style === 'dotted'
            ? pairs.join('.')
            : `+33 ${first} ${rest.match(/../g)?.join(' ')}`;
    return { value, traces: [value, national, `${first}${rest}`] };
  });

/** A valid French IBAN: bank, branch, account and key, with its check digits computed. */
const iban = fc.tuple(digits(23), fc.boolean()).map(([bban, spaced]): Secret => {
  const numeric = `${bban}152700`; // "FR00" moved to the end, letters as numbers (F=15, R=27).
  let rest = 0;
  for (const digit of numeric) rest = (rest * 10 + Number(digit)) % 97;
  const compact = `FR${String(98 - rest).padStart(2, '0')}${bban}`;
  const value = spaced ? (compact.match(/.{1,4}/g) ?? []).join(' ') : compact;
  return { value, traces: [value, compact, bban] };
});

/** A card number with a valid Luhn digit, 16 digits, grouped or not. */
const card = fc.tuple(digits(15), fc.constantFrom('', ' ', '-')).map(([body, sep]): Secret => {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  const number = `${body}${(10 - (sum % 10)) % 10}`;
  const value = (number.match(/.{4}/g) ?? []).join(sep);
  return { value, traces: [value, number] };
});

const customerId = lower(12, 12).map((id): Secret => ({ value: `cu-${id}`, traces: [`cu-${id}`] }));

const ip = fc
  .tuple(fc.integer({ min: 1, max: 223 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 }))
  .map(([a, b, c, d]): Secret => ({ value: `${a}.${b}.${c}.${d}`, traces: [`${a}.${b}.${c}.${d}`] }));

const secret = fc.oneof(email, phone, iban, card, customerId);

/** A secret alone, in a sentence, or in a URL's query, path or fragment. */
const carrying = (s: Secret) =>
  fc.constantFrom(
    s.value,
    `merci de me rappeler : ${s.value} !`,
    `https://www.banque-exemple.fr/contact?ref=${encodeURIComponent(s.value)}&x=1`,
    `/espace/${s.value}/profil`,
    `https://www.banque-exemple.fr/aide#${s.value}`,
  );

const field = secret.chain((s) => carrying(s).map((text) => ({ text, secret: s })));

const channelTypes = [
  'page_view',
  'screen_view',
  'click',
  'form_submit',
  'search',
  'product_view',
  'simulation_started',
  'simulation_completed',
  'identify',
  'logout',
  'app_open',
  'transaction',
  'custom',
] as const;

/** The free strings a sender writes in the properties of each type. */
const propertyNames: Record<(typeof channelTypes)[number], string[]> = {
  page_view: ['path', 'title'],
  screen_view: ['name'],
  click: ['element', 'label', 'href'],
  form_submit: ['form'],
  search: ['query'],
  product_view: ['product'],
  simulation_started: ['simulationId', 'product'],
  simulation_completed: ['simulationId', 'product'],
  identify: ['method'],
  logout: [],
  app_open: [],
  transaction: ['product'],
  custom: ['tool', 'note', 'step'],
};

/** A channel event as the bus carries it, every free string holding a secret, plus unlisted fields. */
const channelEvent = fc
  .record({
    type: fc.constantFrom(...channelTypes),
    fields: fc.array(field, { minLength: 24, maxLength: 24 }),
    ip,
    customer: customerId,
  })
  .map(({ type, fields, ip: address, customer }) => {
    const secrets = [...fields.map((f) => f.secret), address, customer];
    let next = 0;
    const text = () => fields[next++ % fields.length]?.text ?? '';
    const properties = Object.fromEntries(propertyNames[type].map((name) => [name, text()]));
    const envelope = {
      version: '0',
      id: 'b1b2c3d4-0000-4000-8000-000000000001',
      'detail-type': 'ChannelEvent',
      source: 'relais.channels',
      time: '2026-11-23T09:14:05Z',
      detail: {
        schemaVersion: 1,
        eventId: text(),
        channel: 'web',
        writeKeyId: 'wk_web_01',
        type,
        ...(type === 'custom' ? { name: 'budget_tool_used' } : {}),
        occurredAt: '2026-11-23T09:14:03.512Z',
        receivedAt: '2026-11-23T09:14:05.000Z',
        sentAt: '2026-11-23T09:14:04.000Z',
        anonymousId: text(),
        customerId: customer.value,
        sessionId: text(),
        context: {
          page: { url: text(), path: text(), title: text(), referrer: text() },
          screen: { name: text() },
          app: { version: text(), build: text() },
          device: { type: 'mobile', os: text(), model: text() },
          locale: text(),
          userAgent: text(),
          consent: { analytics: true },
          campaign: { source: text(), medium: text(), name: text() },
          ip: address.value,
          // Not in the contract: the lake lists nothing of it.
          cookies: text(),
        },
        properties: { ...properties, email: text(), contact: { phone: text() }, comment: text() },
        // Not in the contract either.
        customer: { email: text(), iban: text() },
      },
    };
    return { envelope, secrets };
  });

/** A domain event whose free text and unlisted fields hold secrets. */
const domainEvent = fc
  .record({
    kind: fc.constantFrom('KycStatusChanged', 'ConsentChanged', 'Unknown'),
    a: field,
    b: field,
    customer: customerId,
  })
  .map(({ kind, a, b, customer }) => {
    const base = {
      schemaVersion: 1,
      eventId: '6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b',
      occurredAt: '2026-11-23T09:14:03.512Z',
      actor: { id: 'stf-advisor-01', name: a.text },
      customerId: customer.value,
      branchId: 'br-paris-01',
    };
    const detail =
      kind === 'KycStatusChanged'
        ? { ...base, from: 'pending', to: 'verified', reason: b.text, version: 2 }
        : kind === 'ConsentChanged'
          ? { ...base, changes: [{ channel: 'email', purpose: 'marketing', granted: true, source: b.text }] }
          : { ...base, note: b.text };
    const envelope = {
      version: '0',
      id: 'b1b2c3d4-0000-4000-8000-000000000002',
      'detail-type': kind === 'Unknown' ? 'SomethingNew' : kind,
      source: 'relais.customers',
      time: '2026-11-23T09:14:05Z',
      detail,
    };
    return { envelope, secrets: [a.secret, b.secret, customer] };
  });

/** The secrets found in what the lake keeps of an envelope. */
const leaks = ({ envelope, secrets }: { envelope: Parameters<typeof toLakeEvent>[0]; secrets: Secret[] }) => {
  const kept = toLakeEvent(envelope, testKey);
  const stored = JSON.stringify([kept.raw, kept.row]);
  // Percent-encoded forms count too: a URL keeps its query encoded.
  const decoded = decodeURIComponent(stored.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  return secrets
    .flatMap((s) => s.traces)
    .filter((trace) => stored.includes(trace) || decoded.includes(trace));
};

describe('the lake sanitiser, over generated events with personal data in every field', () => {
  test('keeps no e-mail, phone, IBAN, card number, customer id or full IP of a channel event', () => {
    fc.assert(
      fc.property(channelEvent, (event) => {
        expect(leaks(event)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  test('keeps none of them of a domain event either (a reason, an actor’s name, an unknown field)', () => {
    fc.assert(
      fc.property(domainEvent, (event) => {
        expect(leaks(event)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

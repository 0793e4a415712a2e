/**
 * No raw personal data in the lake. Before an event is written anywhere (raw or curated):
 * - customer ids become pseudonyms: HMAC-SHA256 with a secret key, so the same customer has the
 *   same pseudonym everywhere (joins, counts) but nobody without the key can go back, nor
 *   recompute a pseudonym from a guessed id;
 * - fields that hold e-mails, phone numbers and the like are dropped whatever their depth;
 * - e-mail-looking and phone-looking text is blanked out of every other string, including the
 *   query strings, paths and fragments of URLs (a search box, a referrer, a mistyped field);
 * - IP addresses keep their network only (IPv4 /24, IPv6 /48);
 * - the names of staff acting in domain events are dropped (their ids stay).
 * Pure functions: the key is given, never fetched here.
 */
import { createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/** Length, in hex characters, of a pseudonym (128 bits of the HMAC: no collision in practice). */
export const pseudonymLength = 32;

/** The pseudonym of a customer id under `key`: hex, {@link pseudonymLength} characters. */
export const pseudonymOf = (customerId: string, key: string): string =>
  createHmac('sha256', key).update(customerId).digest('hex').slice(0, pseudonymLength);

const normalisedKey = (key: string) => key.toLowerCase().replace(/[-_\s]/g, '');

const personalKeys = new Set([
  'mail',
  'tel',
  'telephone',
  'mobile',
  'fax',
  'msisdn',
  'password',
  'iban',
  'firstname',
  'lastname',
  'fullname',
  'birthname',
  'birthdate',
  'dateofbirth',
  'address',
  'postaladdress',
  'streetaddress',
]);

/** Whether a field name says it holds personal data the lake must never keep. */
export const isPersonalKey = (key: string): boolean => {
  const k = normalisedKey(key);
  return personalKeys.has(k) || k.includes('email') || k.includes('phone');
};

const isCustomerIdKey = (key: string) => /customerid$/i.test(key);
const isIpKey = (key: string) =>
  ['ip', 'ipaddress', 'clientip', 'sourceip', 'remoteaddress', 'xforwardedfor'].includes(normalisedKey(key));

/** Envelope and event fields that are identifiers or times: never text to scrub. */
const structuralKeys = new Set([
  'id',
  'eventId',
  'time',
  'occurredAt',
  'receivedAt',
  'sentAt',
  'writeKeyId',
  'version',
  'account',
  'region',
]);

const truncateIpv4 = (ip: string) => `${ip.split('.').slice(0, 3).join('.')}.0`;

/** The eight 16-bit groups of an IPv6 address (embedded IPv4 included). */
const ipv6Groups = (ip: string): number[] => {
  let text = ip;
  const embedded = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (embedded) {
    const [a, b, c, d] = embedded.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -embedded.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part ? part.split(':').map((group) => Number.parseInt(group, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
};

/**
 * The network part of an IP address: IPv4 to its /24 (`192.0.2.0`), IPv6 to its /48
 * (`2001:db8:85a3::`), an IPv4-mapped IPv6 address to its IPv4 /24. Lists (X-Forwarded-For)
 * are truncated item by item; anything that is not an IP answers undefined (the field is dropped).
 */
export const truncateIp = (value: string): string | undefined => {
  const ip = value.trim();
  if (ip.includes(',')) {
    const parts = ip.split(',').map((part) => truncateIp(part));
    return parts.every((part) => part !== undefined) ? parts.join(', ') : undefined;
  }
  if (isIPv4(ip)) return truncateIpv4(ip);
  if (!isIPv6(ip)) return undefined;
  const groups = ipv6Groups(ip.replace(/%.*$/, ''));
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return `::ffff:${truncateIpv4(`${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`)}`;
  }
  const network = groups.slice(0, 3);
  while (network.at(-1) === 0) network.pop();
  return `${network.map((g) => g.toString(16)).join(':')}::`;
};

const emailPattern = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const ipv4Pattern = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/g;
/** A run of digits with phone separators, not glued to a word, an id or a decimal. */
const phoneCandidate = /(?<![\w.+-])(?:\+|00)?\(?\d[\d\s.+()/-]{6,24}\d(?![\w-])/g;
const dateLike = /^\d{4}-\d{2}-\d{2}/;
const dottedQuad = /^\d{1,3}(?:\.\d{1,3}){3}$/;

const blankPhone = (candidate: string): string => {
  const digits = candidate.replace(/\D/g, '').length;
  // Numbers of 9 to 15 digits: every national and E.164 number; dates and IPs are not phones.
  if (digits < 9 || digits > 15 || dateLike.test(candidate) || dottedQuad.test(candidate)) return candidate;
  return '[phone]';
};

const scrubPatterns = (text: string): string =>
  text
    .replace(emailPattern, '[email]')
    .replace(ipv4Pattern, (ip) => (isIPv4(ip) ? truncateIpv4(ip) : ip))
    .replace(phoneCandidate, blankPhone);

const decoded = (text: string): string | undefined => {
  if (!text.includes('%')) return undefined;
  try {
    const plain = decodeURIComponent(text);
    return plain === text ? undefined : plain;
  } catch {
    return undefined;
  }
};

/** Scrubs plain text; percent-encoded text is looked at decoded too (`jean%40exemple.fr`). */
const scrubPlain = (text: string): string => {
  const direct = scrubPatterns(text);
  const plain = decoded(direct);
  if (plain !== undefined) {
    const scrubbed = scrubPatterns(plain);
    if (scrubbed !== plain) return scrubbed;
  }
  return direct;
};

const relativeBase = 'http://relative.invalid';

/** Scrubs a URL part by part: credentials, path, each query parameter (by name and value), fragment. */
const scrubUrl = (text: string): string => {
  let url: URL;
  try {
    url = new URL(text, relativeBase);
  } catch {
    return scrubPlain(text);
  }
  let changed = false;
  if (url.username || url.password) {
    url.username = '';
    url.password = '';
    changed = true;
  }
  const path = decodeURIComponentSafe(url.pathname);
  const scrubbedPath = scrubPatterns(path);
  if (scrubbedPath !== path) {
    url.pathname = scrubbedPath;
    changed = true;
  }
  const params = new URLSearchParams(url.search);
  let paramsChanged = false;
  for (const [name, value] of [...params]) {
    const scrubbed = isPersonalKey(name) ? '[redacted]' : scrubPatterns(value);
    if (scrubbed !== value) {
      params.set(name, scrubbed);
      paramsChanged = true;
    }
  }
  if (paramsChanged) {
    url.search = params.toString();
    changed = true;
  }
  const fragment = decodeURIComponentSafe(url.hash.slice(1));
  const scrubbedFragment = scrubPlain(fragment);
  if (scrubbedFragment !== fragment) {
    url.hash = scrubbedFragment;
    changed = true;
  }
  if (!changed) return text;
  return url.origin === relativeBase ? `${url.pathname}${url.search}${url.hash}` : url.toString();
};

const decodeURIComponentSafe = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** Text with e-mails, phone numbers and IPs blanked out (URLs part by part). */
export const scrubText = (text: string): string =>
  /^(?:https?:\/\/|\/)/i.test(text) && /[?#@%]/.test(text) ? scrubUrl(text) : scrubPlain(text);

/**
 * A copy of `value` fit for the lake: customer ids (any field named `…customerId`) replaced by
 * their pseudonym under `…customerPid`, personal fields dropped, IP fields truncated, the name
 * of an `actor` dropped, and every other string scrubbed.
 */
export const sanitise = (value: unknown, key: string, fieldName = ''): unknown => {
  if (typeof value === 'string') return structuralKeys.has(fieldName) ? value : scrubText(value);
  if (Array.isArray(value)) return value.map((item) => sanitise(item, key, fieldName));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value as Record<string, unknown>)) {
    if (isCustomerIdKey(name)) {
      const pseudonyms = [field].flat().filter((id): id is string => typeof id === 'string');
      if (pseudonyms.length > 0) {
        const pids = pseudonyms.map((id) => pseudonymOf(id, key));
        out[name.replace(/Id$/i, 'Pid')] = Array.isArray(field) ? pids : pids[0];
      }
    } else if (isPersonalKey(name)) {
      // Dropped: the field says what it holds.
    } else if (isIpKey(name)) {
      const network = typeof field === 'string' ? truncateIp(field) : undefined;
      if (network !== undefined) out[name] = network;
    } else if (fieldName === 'actor' && name === 'name') {
      // A staff member's name: their id says who acted, for those allowed to know.
    } else {
      out[name] = sanitise(field, key, name);
    }
  }
  return out;
};

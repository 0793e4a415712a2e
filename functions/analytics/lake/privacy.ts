/**
 * No raw personal data in the lake. Before an event is written anywhere (raw or curated), its
 * detail goes through the lake's allow-list (`lake-fields.ts`): only the fields listed for its
 * type are copied, each treated as listed —
 * - customer ids become pseudonyms: HMAC-SHA256 with a secret key, so the same customer has the
 *   same pseudonym everywhere (joins, counts) but nobody without the key can go back, nor
 *   recompute a pseudonym from a guessed id;
 * - free text has its e-mail addresses, phone numbers, IBANs, card numbers (Luhn-valid) and
 *   customer ids blanked out, including in the query strings, paths and fragments of URLs (a
 *   search box, a referrer, a mistyped field);
 * - sender-made identifiers that hold anything of the kind become a keyed hash;
 * - IP addresses keep their network only (IPv4 /24, IPv6 /48);
 * - the names of staff acting in domain events are not listed (their ids are).
 * Pure functions: the key is given, never fetched here.
 */
import { createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { customerIdInText } from '#schemas/customers/customer-id.ts';
import type { LakeFields } from './lake-fields.ts';

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

/** Two letters, two check digits, then 11 to 30 letters or digits: in one run, or in groups of four as printed. */
const ibanCandidate =
  /\b[A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}|(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,4})?)\b/gi;
/** 13 to 19 digits, in groups or not: the lengths of card numbers. */
const cardCandidate = /(?<![\w.])\d(?:[ -]?\d){12,18}(?![\w.])/g;

/** ISO 13616: the IBAN, its first four characters moved to the end, letters as 10–35, is 1 mod 97. */
const isIban = (candidate: string): boolean => {
  const compact = candidate.replace(/[ -]/g, '').toUpperCase();
  if (compact.length < 15 || compact.length > 34) return false;
  const digits = `${compact.slice(4)}${compact.slice(0, 4)}`.replace(/[A-Z]/g, (c) =>
    String(c.charCodeAt(0) - 55),
  );
  let rest = 0;
  for (const digit of digits) rest = (rest * 10 + Number(digit)) % 97;
  return rest === 1;
};

/** The Luhn check of card numbers (ISO/IEC 7812). */
const passesLuhn = (digits: string): boolean => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
};

/** An IBAN candidate blanked out if it, or its first groups (a word may follow), pass the check. */
const blankIban = (candidate: string): string => {
  const groups = candidate.split(/(?=[ -])/);
  for (let count = groups.length; count > 0; count--) {
    const head = groups.slice(0, count).join('');
    if (isIban(head)) return `[iban]${candidate.slice(head.length)}`;
  }
  return candidate;
};

const blankCard = (candidate: string): string =>
  passesLuhn(candidate.replace(/\D/g, '')) ? '[card]' : candidate;

const blankPhone = (candidate: string): string => {
  const digits = candidate.replace(/\D/g, '').length;
  // Numbers of 9 to 15 digits: every national and E.164 number; dates and IPs are not phones.
  if (digits < 9 || digits > 15 || dateLike.test(candidate) || dottedQuad.test(candidate)) return candidate;
  return '[phone]';
};

const scrubPatterns = (text: string): string =>
  text
    .replace(emailPattern, '[email]')
    .replace(customerIdInText, '[customer]')
    .replace(ibanCandidate, blankIban)
    .replace(cardCandidate, blankCard)
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

/** Text with e-mails, phone numbers, IBANs, card numbers and customer ids blanked out, IPs truncated (URLs part by part). */
export const scrubText = (text: string): string =>
  /^(?:https?:\/\/|\/)/i.test(text) && /[?#@%]/.test(text) ? scrubUrl(text) : scrubPlain(text);

/** A sender-made identifier: letters, digits and `_ . : -`, as the ingestion schemas allow. */
const plainToken = /^[\w.:-]{1,128}$/;

/** A short code of a custom event's properties: `budget_tool`, `step-2`, `FR`. */
const code = /^[\w.:-]{1,64}$/;

/** A sender-made id kept as it is when it hides nothing, else its keyed hash (the same value, the same token). */
const token = (value: string, key: string): string =>
  plainToken.test(value) && scrubPatterns(value) === value
    ? value
    : `h-${createHmac('sha256', key).update(`token:${value}`).digest('hex').slice(0, 24)}`;

/** A custom event's properties: numbers, flags and short codes under names that say nothing personal. */
const codes = (value: unknown): unknown => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const kept = Object.entries(value as Record<string, unknown>).filter(
    ([name, field]) =>
      !isPersonalKey(name) &&
      (typeof field === 'number' ||
        typeof field === 'boolean' ||
        (typeof field === 'string' && code.test(field) && scrubPatterns(field) === field)),
  );
  return Object.fromEntries(kept);
};

/** One value treated by its allow-list entry; undefined when nothing of it may be kept. */
const keep = (value: unknown, fields: LakeFields, key: string): unknown => {
  if (Array.isArray(value) && fields !== 'codes') {
    const items = value.map((item) => keep(item, fields, key)).filter((item) => item !== undefined);
    return items;
  }
  if (typeof fields === 'object') {
    if (value === null || typeof value !== 'object') return undefined;
    const out: Record<string, unknown> = {};
    for (const [name, treatment] of Object.entries(fields)) {
      const field = (value as Record<string, unknown>)[name];
      if (field === undefined) continue;
      const kept = keep(field, treatment, key);
      if (kept === undefined) continue;
      out[treatment === 'pseudonym' ? name.replace(/Id$/, 'Pid') : name] = kept;
    }
    return out;
  }
  switch (fields) {
    case 'fixed':
      return typeof value === 'object' && value !== null ? undefined : value;
    case 'token':
      return typeof value === 'string' ? token(value, key) : undefined;
    case 'text':
      return typeof value === 'string' ? scrubText(value) : undefined;
    case 'pseudonym':
      return typeof value === 'string' ? pseudonymOf(value, key) : undefined;
    case 'network':
      return typeof value === 'string' ? truncateIp(value) : undefined;
    case 'codes':
      return codes(value);
  }
};

/**
 * A copy of an event's detail fit for the lake: only the fields `fields` lists (the allow-list
 * entry of its type), each treated as listed there.
 */
export const sanitise = (
  detail: Record<string, unknown>,
  fields: LakeFields,
  key: string,
): Record<string, unknown> => (keep(detail, fields, key) as Record<string, unknown> | undefined) ?? {};

/**
 * Write key rules, pure: how a secret looks and is hashed, whether a key still opens the door,
 * and what rotation and revocation do to a key. Secrets are 32 random base62 characters
 * (190 bits): a plain SHA-256 is enough to store them, a slow password hash would only slow
 * every ingest request down.
 */
import { createHash, randomInt } from 'node:crypto';
import type { Channel, WriteKey } from '#schemas/channels/write-key.ts';
import { Conflict } from '#shared/errors.ts';

const base62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Random characters of a secret, after `rk_<channel>_`. */
export const secretLength = 32;
/** Characters of the secret kept in `keyPrefix` to tell keys apart (the channel part and 4 more). */
const visibleRandomChars = 4;

/** A stored key: the public record plus the hash of its secret. */
export type StoredWriteKey = WriteKey & { keyHash: string };

/** A new secret, e.g. `rk_web_3fKq…` (base62 from a uniform random source, no modulo bias). */
export const newWriteKeySecret = (channel: Channel, random: (max: number) => number = randomInt): string =>
  `rk_${channel}_${Array.from({ length: secretLength }, () => base62[random(base62.length)]).join('')}`;

/** Whether a header value looks like a write key at all (checked before any look-up). */
export const looksLikeWriteKey = (value: string | undefined): value is string =>
  value !== undefined && /^rk_[a-z_]+_[A-Za-z0-9]{32}$/.test(value);

/** SHA-256 of the secret, hex: what the table stores and looks keys up by. */
export const hashWriteKey = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** What an admin sees of a secret: `rk_web_3fKq…`. */
export const keyPrefixOf = (secret: string): string => {
  const channelEnd = secret.lastIndexOf('_') + 1;
  return `${secret.slice(0, channelEnd + visibleRandomChars)}…`;
};

/** Whether the key authenticates a request at `now`: active, or rotated and still in its grace period. */
export const isUsable = (key: Pick<WriteKey, 'status' | 'validUntil'>, now: Date): boolean => {
  if (key.status === 'active') return true;
  if (key.status === 'rotated')
    return key.validUntil !== undefined && now.getTime() < Date.parse(key.validUntil);
  return false;
};

/** A new key record (its secret is shown once, then only its hash remains). */
export const newWriteKey = (
  input: { id: string; channel: Channel; label: string; secret: string },
  createdBy: string,
  now: Date,
): StoredWriteKey => ({
  id: input.id,
  channel: input.channel,
  label: input.label,
  keyPrefix: keyPrefixOf(input.secret),
  keyHash: hashWriteKey(input.secret),
  status: 'active',
  createdAt: now.toISOString(),
  createdBy,
});

/**
 * The old key once rotated: it keeps working for `graceHours` (0: not at all), so apps in the
 * field can be updated. Only an active key can be rotated (a rotated key already has its
 * replacement; rotate that one).
 */
export const rotated = (
  key: StoredWriteKey,
  replacedBy: string,
  graceHours: number,
  now: Date,
): StoredWriteKey => {
  if (key.status !== 'active') {
    throw new Conflict(
      key.status === 'revoked'
        ? 'This write key is revoked; create a new one.'
        : `This write key was already rotated (replaced by ${key.replacedBy}); rotate the replacement instead.`,
    );
  }
  return {
    ...key,
    status: 'rotated',
    replacedBy,
    validUntil: new Date(now.getTime() + graceHours * 3_600_000).toISOString(),
  };
};

/** The key once revoked: refused at once (within the authentication cache's lifetime). */
export const revoked = (key: StoredWriteKey, now: Date): StoredWriteKey =>
  key.status === 'revoked' ? key : { ...key, status: 'revoked', revokedAt: now.toISOString() };

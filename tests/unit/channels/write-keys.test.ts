import { describe, expect, it } from 'vitest';
import {
  hashWriteKey,
  isUsable,
  keyPrefixOf,
  looksLikeWriteKey,
  newWriteKey,
  newWriteKeySecret,
  revoked,
  rotated,
  secretLength,
} from '#functions/channels/domain/write-keys.ts';
import { Conflict } from '#shared/errors.ts';

const now = new Date('2026-11-23T10:00:00.000Z');
const hoursLater = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

describe('write key secrets', () => {
  it('are rk_<channel>_ and 32 base62 characters, different every time', () => {
    // Act
    const secrets = Array.from({ length: 50 }, () => newWriteKeySecret('branch_tablet'));
    // Assess
    for (const secret of secrets) {
      expect(secret).toMatch(new RegExp(`^rk_branch_tablet_[A-Za-z0-9]{${secretLength}}$`));
      expect(looksLikeWriteKey(secret)).toBe(true);
    }
    expect(new Set(secrets).size).toBe(50);
  });

  it('are stored as their SHA-256 only, and shown to admins by their first characters', () => {
    // Prepare
    const secret = newWriteKeySecret('web');
    // Act
    const key = newWriteKey({ id: 'wk-1', channel: 'web', label: 'Site', secret }, 'admin-1', now);
    // Assess
    expect(key.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(key.keyHash).toBe(hashWriteKey(secret));
    expect(JSON.stringify(key)).not.toContain(secret.slice(7));
    expect(key.keyPrefix).toBe(`${secret.slice(0, 11)}…`);
    expect(keyPrefixOf('rk_contact_centre_ABCDxyz')).toBe('rk_contact_centre_ABCD…');
  });

  it('refuses header values that cannot be keys before any look-up', () => {
    expect(looksLikeWriteKey(undefined)).toBe(false);
    expect(looksLikeWriteKey('Bearer abc')).toBe(false);
    expect(looksLikeWriteKey('rk_web_short')).toBe(false);
  });
});

describe('rotation and revocation', () => {
  const key = newWriteKey(
    { id: 'wk-1', channel: 'ios', label: 'App', secret: newWriteKeySecret('ios') },
    'a',
    now,
  );

  it('keeps a rotated key working for its grace period, then refuses it', () => {
    // Act
    const old = rotated(key, 'wk-2', 24, now);
    // Assess
    expect(old).toMatchObject({
      status: 'rotated',
      replacedBy: 'wk-2',
      validUntil: hoursLater(24).toISOString(),
    });
    expect(isUsable(old, hoursLater(23.9))).toBe(true);
    expect(isUsable(old, hoursLater(24))).toBe(false);
  });

  it('refuses a key rotated with no grace at once', () => {
    expect(isUsable(rotated(key, 'wk-2', 0, now), now)).toBe(false);
  });

  it('does not rotate a key twice, nor a revoked one', () => {
    const old = rotated(key, 'wk-2', 24, now);
    expect(() => rotated(old, 'wk-3', 24, now)).toThrow(Conflict);
    expect(() => rotated(revoked(key, now), 'wk-3', 24, now)).toThrow(Conflict);
  });

  it('refuses a revoked key at once, even one in its grace period', () => {
    // Act
    const gone = revoked(rotated(key, 'wk-2', 24, now), now);
    // Assess
    expect(gone.status).toBe('revoked');
    expect(gone.revokedAt).toBe(now.toISOString());
    expect(isUsable(gone, now)).toBe(false);
    expect(isUsable(key, hoursLater(10_000))).toBe(true);
  });
});

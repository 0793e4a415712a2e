import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  checkIdentityToken,
  maxTokenAgeDays,
  signIdentityToken,
} from '#functions/channels/domain/identity-token.ts';

const key = 'k'.repeat(64);
const loginAt = new Date('2026-11-23T09:15:00.000Z');
const minutes = (n: number) => n * 60_000;
const expected = (overrides: Partial<Parameters<typeof checkIdentityToken>[1]> = {}) => ({
  customerId: 'cu-1',
  key,
  occurredAt: loginAt,
  receivedAt: loginAt,
  ...overrides,
});

describe('identity tokens', () => {
  it('proves a login of its customer, also when the login is sent later from an offline queue', async () => {
    // Prepare
    const token = await signIdentityToken({ customerId: 'cu-1', key, now: loginAt });
    // Act
    const now = await checkIdentityToken(token, expected());
    const fromOfflineQueue = await checkIdentityToken(
      token,
      expected({ receivedAt: new Date(loginAt.getTime() + minutes(6 * 60)) }),
    );
    // Assess
    expect(now).toEqual({ ok: true });
    expect(fromOfflineQueue).toEqual({ ok: true });
  });

  it('refuses a token of another customer, or signed with another key (a spoofed login)', async () => {
    const other = await signIdentityToken({ customerId: 'cu-2', key, now: loginAt });
    const forged = await signIdentityToken({ customerId: 'cu-1', key: 'f'.repeat(64), now: loginAt });
    expect(await checkIdentityToken(other, expected())).toEqual({
      ok: false,
      reason: 'the identity token names another customer',
    });
    expect(await checkIdentityToken(forged, expected())).toEqual({
      ok: false,
      reason: "the identity token is not signed by the bank's login service",
    });
  });

  it('refuses a token expired at the login, too old at receipt, or issued after the login', async () => {
    // Prepare
    const token = await signIdentityToken({ customerId: 'cu-1', key, now: loginAt });
    const late = new Date(loginAt.getTime() + minutes(30));
    // Act
    const expired = await checkIdentityToken(token, expected({ occurredAt: late, receivedAt: late }));
    const old = await checkIdentityToken(
      token,
      expected({ receivedAt: new Date(loginAt.getTime() + (maxTokenAgeDays + 1) * 86_400_000) }),
    );
    const backdated = await checkIdentityToken(
      token,
      expected({ occurredAt: new Date(loginAt.getTime() - minutes(10)) }),
    );
    // Assess
    expect(expired).toEqual({ ok: false, reason: 'the identity token had expired at the login' });
    expect(old).toEqual({ ok: false, reason: `the identity token is more than ${maxTokenAgeDays} days old` });
    expect(backdated.ok).toBe(false);
  });

  it('refuses a token that lives longer than a day, unsigned tokens and garbage', async () => {
    const session = await signIdentityToken({
      customerId: 'cu-1',
      key,
      now: loginAt,
      lifetimeSeconds: 2 * 86_400,
    });
    const unsigned = `${btoa(JSON.stringify({ alg: 'none' }))}.${btoa(JSON.stringify({ sub: 'cu-1' }))}.`;
    const withoutExpiry = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('cu-1')
      .setIssuedAt(Math.floor(loginAt.getTime() / 1000))
      .sign(new TextEncoder().encode(key));
    expect(await checkIdentityToken(session, expected())).toEqual({
      ok: false,
      reason: 'the identity token lives longer than a day: it must be issued at login',
    });
    expect((await checkIdentityToken(unsigned, expected())).ok).toBe(false);
    expect((await checkIdentityToken(withoutExpiry, expected())).ok).toBe(false);
    expect((await checkIdentityToken('not a token at all', expected())).ok).toBe(false);
  });
});

import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { checkIdentityToken, signIdentityToken } from '#functions/channels/domain/identity-token.ts';

const key = 'k'.repeat(64);
const loginAt = new Date('2026-11-23T09:15:00.000Z');
const minutes = (n: number) => n * 60_000;
const device = 'visitor-3f1c2b9e';
const expected = (overrides: Partial<Parameters<typeof checkIdentityToken>[1]> = {}) => ({
  customerId: 'cu-1',
  anonymousId: device,
  key,
  receivedAt: loginAt,
  ...overrides,
});
const tokenFor = (customerId = 'cu-1', anonymousId = device) =>
  signIdentityToken({ customerId, anonymousId, key, now: loginAt });

describe('identity tokens', () => {
  it('proves a login of its customer on its device, also when received a few minutes after expiry', async () => {
    // Prepare: the tokens live 15 minutes.
    const token = await tokenFor();
    // Act
    const now = await checkIdentityToken(token, expected());
    const batchedLate = await checkIdentityToken(
      token,
      expected({ receivedAt: new Date(loginAt.getTime() + minutes(19)) }),
    );
    // Assess
    expect(now).toEqual({ ok: true });
    expect(batchedLate).toEqual({ ok: true });
  });

  it('refuses a token received long after its expiry, whatever time the sender gives its event', async () => {
    const token = await tokenFor();
    const check = await checkIdentityToken(
      token,
      expected({ receivedAt: new Date(loginAt.getTime() + minutes(21)) }),
    );
    expect(check).toEqual({
      ok: false,
      reason: 'the identity token had expired when it was received: ask the login service for a new one',
    });
  });

  it('refuses a token replayed from another device', async () => {
    const stolen = await tokenFor('cu-1', 'visitor-of-the-customer');
    expect(await checkIdentityToken(stolen, expected())).toEqual({
      ok: false,
      reason: 'the identity token was issued to another device',
    });
  });

  it('refuses a token of another customer, or signed with another key (a spoofed login)', async () => {
    const other = await tokenFor('cu-2');
    const forged = await signIdentityToken({
      customerId: 'cu-1',
      anonymousId: device,
      key: 'f'.repeat(64),
      now: loginAt,
    });
    expect(await checkIdentityToken(other, expected())).toEqual({
      ok: false,
      reason: 'the identity token names another customer',
    });
    expect(await checkIdentityToken(forged, expected())).toEqual({
      ok: false,
      reason: "the identity token is not signed by the bank's login service",
    });
  });

  it('refuses a token that lives longer than a day, one bound to no device, unsigned tokens and garbage', async () => {
    const session = await signIdentityToken({
      customerId: 'cu-1',
      anonymousId: device,
      key,
      now: loginAt,
      lifetimeSeconds: 2 * 86_400,
    });
    const unbound = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('cu-1')
      .setIssuedAt(Math.floor(loginAt.getTime() / 1000))
      .setExpirationTime(Math.floor(loginAt.getTime() / 1000) + 900)
      .sign(new TextEncoder().encode(key));
    const unsigned = `${btoa(JSON.stringify({ alg: 'none' }))}.${btoa(JSON.stringify({ sub: 'cu-1' }))}.`;
    expect(await checkIdentityToken(session, expected())).toEqual({
      ok: false,
      reason: 'the identity token lives longer than a day: it must be issued at login',
    });
    expect(await checkIdentityToken(unbound, expected())).toEqual({
      ok: false,
      reason: 'the identity token is not bound to a device',
    });
    expect((await checkIdentityToken(unsigned, expected())).ok).toBe(false);
    expect((await checkIdentityToken('not a token at all', expected())).ok).toBe(false);
  });
});

/**
 * Identity tokens: how a login proves itself. A write key is public (it ships in the website and
 * the apps), so anybody could post an `identify` naming any customer and have their clicks land
 * in that customer's file. The bank's login service therefore gives the device, at login, a
 * short-lived token naming the customer and the device: a JWT signed with HS256 by the
 * `identityKey` secret (its UTF-8 bytes), with `sub` the customer id, `aid` the device's
 * anonymous id (the tracker's or the app's visitor id), `iat` and `exp`.
 *
 * A token is judged when it is received, not when its sender says the event happened (a sender
 * could date an event inside an expired token's validity), with a few minutes' tolerance for
 * batching and clocks; and only for the device it was issued to, so a token copied to another
 * device proves nothing. An app that sends a login later than that asks the login service for
 * a new token first (docs/mobile-events.md).
 */
import { errors, jwtVerify, SignJWT } from 'jose';

/** Lifetime of the tokens the sandbox's stand-in login service issues (and the docs advise). */
export const defaultLifetimeSeconds = 15 * 60;
/** Longest lifetime accepted: a token valid for longer is a session, not a login. */
export const maxLifetimeSeconds = 24 * 60 * 60;
/** Sending is batched and clocks drift: a token is still accepted this long after its `exp`. */
export const receiptToleranceSeconds = 5 * 60;

const keyBytes = (key: string) => new TextEncoder().encode(key);

/** What the bank's login service does at login (the sandbox's demo site and the tests too). */
export const signIdentityToken = (input: {
  customerId: string;
  /** The visitor id of the device that logged in. */
  anonymousId: string;
  key: string;
  now?: Date;
  lifetimeSeconds?: number;
}): Promise<string> => {
  const now = input.now ?? new Date();
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ aid: input.anonymousId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(input.customerId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (input.lifetimeSeconds ?? defaultLifetimeSeconds))
    .sign(keyBytes(input.key));
};

export type TokenCheck = { ok: true } | { ok: false; reason: string };

const refused = (reason: string): TokenCheck => ({ ok: false, reason });

/** Whether `token` proves a login of `customerId` on the device `anonymousId`, received at `receivedAt`. */
export const checkIdentityToken = async (
  token: string,
  expected: { customerId: string; anonymousId: string; key: string; receivedAt: Date },
): Promise<TokenCheck> => {
  try {
    const { payload } = await jwtVerify(token, keyBytes(expected.key), {
      algorithms: ['HS256'],
      subject: expected.customerId,
      requiredClaims: ['sub', 'aid', 'iat', 'exp'],
      currentDate: expected.receivedAt,
      clockTolerance: receiptToleranceSeconds,
    });
    if (payload.exp! - payload.iat! > maxLifetimeSeconds) {
      return refused('the identity token lives longer than a day: it must be issued at login');
    }
    if (payload.aid !== expected.anonymousId) {
      return refused('the identity token was issued to another device');
    }
    return { ok: true };
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      return refused(
        'the identity token had expired when it was received: ask the login service for a new one',
      );
    }
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'sub') {
      return refused('the identity token names another customer');
    }
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aid') {
      return refused('the identity token is not bound to a device');
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return refused("the identity token is not signed by the bank's login service");
    }
    if (error instanceof errors.JOSEError) return refused(`the identity token is not valid (${error.code})`);
    throw error;
  }
};

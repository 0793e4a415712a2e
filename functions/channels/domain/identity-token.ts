/**
 * Identity tokens: how a login proves itself. A write key is public (it ships in the website and
 * the apps), so anybody could post an `identify` naming any customer and have their clicks land
 * in that customer's file. The bank's login service therefore gives the device, at login, a
 * short-lived token naming the customer: a JWT signed with HS256 by the `identityKey` secret
 * (its UTF-8 bytes), with `sub` the customer id, `iat` and `exp`. An `identify` carries it; the
 * ingest links the visitor id only when it checks out.
 *
 * A token is judged at the time of the event, not of its receipt: a login queued offline and
 * sent hours later is still good, within `maxTokenAgeDays`.
 */
import { errors, jwtVerify, SignJWT } from 'jose';

/** Lifetime of the tokens the sandbox's stand-in login service issues (and the docs advise). */
export const defaultLifetimeSeconds = 15 * 60;
/** Longest lifetime accepted: a token valid for longer is a session, not a login. */
export const maxLifetimeSeconds = 24 * 60 * 60;
/** Oldest token accepted at receipt (offline queues), as long as the claims are kept. */
export const maxTokenAgeDays = 7;
/** Device clocks drift: a token is accepted this long before its `iat` and after its `exp`. */
const clockToleranceSeconds = 60;

const keyBytes = (key: string) => new TextEncoder().encode(key);

/** What the bank's login service does at login (the sandbox's demo site and the tests too). */
export const signIdentityToken = (input: {
  customerId: string;
  key: string;
  now?: Date;
  lifetimeSeconds?: number;
}): Promise<string> => {
  const now = input.now ?? new Date();
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(input.customerId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (input.lifetimeSeconds ?? defaultLifetimeSeconds))
    .sign(keyBytes(input.key));
};

export type TokenCheck = { ok: true } | { ok: false; reason: string };

const refused = (reason: string): TokenCheck => ({ ok: false, reason });

/** Whether `token` proves a login of `customerId` at `occurredAt`, received at `receivedAt`. */
export const checkIdentityToken = async (
  token: string,
  expected: { customerId: string; key: string; occurredAt: Date; receivedAt: Date },
): Promise<TokenCheck> => {
  try {
    const { payload } = await jwtVerify(token, keyBytes(expected.key), {
      algorithms: ['HS256'],
      subject: expected.customerId,
      requiredClaims: ['sub', 'iat', 'exp'],
      currentDate: expected.occurredAt,
      clockTolerance: clockToleranceSeconds,
    });
    const issuedAt = payload.iat! * 1000;
    if (payload.exp! - payload.iat! > maxLifetimeSeconds) {
      return refused('the identity token lives longer than a day: it must be issued at login');
    }
    if (issuedAt > expected.occurredAt.getTime() + clockToleranceSeconds * 1000) {
      return refused('the identity token was issued after the login it is sent with');
    }
    if (expected.receivedAt.getTime() - issuedAt > maxTokenAgeDays * 86_400_000) {
      return refused(`the identity token is more than ${maxTokenAgeDays} days old`);
    }
    return { ok: true };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return refused('the identity token had expired at the login');
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'sub') {
      return refused('the identity token names another customer');
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return refused("the identity token is not signed by the bank's login service");
    }
    if (error instanceof errors.JOSEError) return refused(`the identity token is not valid (${error.code})`);
    throw error;
  }
};

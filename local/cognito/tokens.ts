/**
 * The tokens of the local issuer, shaped as Cognito's: an ID token (`cognito:username`,
 * `cognito:groups`, `custom:branchId`, `token_use: id`) and an access token (`client_id`,
 * `scope`, `token_use: access`), RS256-signed with a key made at start and published as a JWKS.
 */
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import type { StaffMember } from '../seed/staff.ts';

/** What `POST /oauth2/token` answers, as Cognito does. */
export type TokenSet = {
  id_token: string;
  access_token: string;
  expires_in: number;
  token_type: 'Bearer';
};

export type SignRequest = {
  user: StaffMember;
  /** When the user signed in (epoch seconds). */
  authTime: number;
  scope: string;
  /** The authorization request's nonce, echoed in the ID token; empty for none. */
  nonce: string;
  /** The `iss` claim: the issuer's base URL. */
  issuer: string;
};

/** A fresh signing key, its public JWK, and the signing of a user's tokens for the app client. */
export const tokenSigner = async (options: { clientId: string; lifetimeSeconds: number }) => {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const lifetime = options.lifetimeSeconds;

  const sign = async ({ user, authTime, scope, nonce, issuer }: SignRequest): Promise<TokenSet> => {
    const now = Math.floor(Date.now() / 1000);
    const id_token = await new SignJWT({
      token_use: 'id',
      'cognito:username': user.username,
      'cognito:groups': [...user.roles],
      ...(user.branchId ? { 'custom:branchId': user.branchId } : {}),
      name: user.name,
      email: user.email,
      email_verified: true,
      auth_time: authTime,
      ...(nonce ? { nonce } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setSubject(user.sub)
      .setIssuer(issuer)
      .setAudience(options.clientId)
      .setIssuedAt(now)
      .setExpirationTime(now + lifetime)
      .setJti(randomUUID())
      .sign(privateKey);
    const access_token = await new SignJWT({
      token_use: 'access',
      client_id: options.clientId,
      username: user.username,
      scope,
      'cognito:groups': [...user.roles],
      auth_time: authTime,
    })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setSubject(user.sub)
      .setIssuer(issuer)
      .setIssuedAt(now)
      .setExpirationTime(now + lifetime)
      .setJti(randomUUID())
      .sign(privateKey);
    return { id_token, access_token, expires_in: lifetime, token_type: 'Bearer' };
  };

  return { publicJwk, sign };
};

/**
 * The local issuer behaves like Cognito's hosted UI for the SPA: authorization code with PKCE,
 * tokens the API can verify from the JWKS, and the refusals that keep the flow honest.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Issuer, startIssuer } from '#local/cognito/issuer.ts';
import type { StaffMember } from '#local/seed/staff.ts';

const clientId = 'relais-web-test';
const redirectUri = 'http://127.0.0.1:5999/auth/callback';
const advisor: StaffMember = {
  username: 'camille.martin',
  password: 'Demo-2024!',
  sub: '0b6f3c1e-advisor',
  name: 'Camille Martin',
  email: 'camille.martin@relais.example',
  roles: ['advisor'],
  branchId: 'BR-PARIS-01',
};
const agent: StaffMember = {
  username: 'sam.leroy',
  password: 'Demo-2024!',
  sub: '7c1d-agent',
  name: 'Sam Leroy',
  email: 'sam.leroy@relais.example',
  roles: ['service_agent'],
};

let issuer: Issuer;

beforeAll(async () => {
  issuer = await startIssuer({
    users: [advisor, agent],
    clientId,
    branchNames: new Map([['BR-PARIS-01', 'Paris Opéra']]),
  });
});
afterAll(() => issuer.close());

const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

const authorizeParams = (challenge: string, overrides: Record<string, string> = {}) => ({
  response_type: 'code',
  client_id: clientId,
  redirect_uri: redirectUri,
  scope: 'openid profile email',
  state: 'state-123',
  code_challenge: challenge,
  code_challenge_method: 'S256',
  ...overrides,
});

/** Posts the sign-in form as the browser would, answering the raw (unfollowed) response. */
const postLogin = (
  challenge: string,
  username: string,
  password: string,
  overrides: Record<string, string> = {},
) =>
  fetch(`${issuer.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...authorizeParams(challenge, overrides), username, password }),
  });

const exchange = (code: string, verifier: string, overrides: Record<string, string> = {}) =>
  fetch(issuer.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1:5999' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: clientId,
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
      ...overrides,
    }),
  });

const signIn = async (user: StaffMember) => {
  const { verifier, challenge } = pkce();
  const response = await postLogin(challenge, user.username, user.password);
  const location = new URL(response.headers.get('location') ?? '');
  return { code: location.searchParams.get('code') ?? '', verifier, location };
};

describe('local issuer', () => {
  it('signs an advisor in with code + PKCE and issues a Cognito-shaped ID token the JWKS verifies', async () => {
    // Prepare
    const { verifier, challenge } = pkce();
    const page = await fetch(`${issuer.authorizeUrl}?${new URLSearchParams(authorizeParams(challenge))}`);
    const html = await page.text();

    // Act
    const login = await postLogin(challenge, advisor.username, advisor.password);
    const callback = new URL(login.headers.get('location') ?? '');
    const tokenResponse = await exchange(callback.searchParams.get('code') ?? '', verifier);
    const tokens = (await tokenResponse.json()) as {
      id_token: string;
      access_token: string;
      expires_in: number;
    };
    const { payload, protectedHeader } = await jwtVerify(
      tokens.id_token,
      createRemoteJWKSet(new URL(issuer.jwksUrl)),
      {
        issuer: issuer.issuer,
        audience: clientId,
      },
    );

    // Assess
    expect(page.status).toBe(200);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Camille Martin');
    expect(login.status).toBe(302);
    expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
    expect(callback.searchParams.get('state')).toBe('state-123');
    expect(tokenResponse.status).toBe(200);
    expect(tokenResponse.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5999');
    expect(tokens.expires_in).toBe(3600);
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({
      sub: advisor.sub,
      token_use: 'id',
      'cognito:username': 'camille.martin',
      'cognito:groups': ['advisor'],
      'custom:branchId': 'BR-PARIS-01',
      name: 'Camille Martin',
      email: 'camille.martin@relais.example',
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3600);
    expect(typeof payload.auth_time).toBe('number');
  });

  it('issues an access token and omits custom:branchId for staff without a branch', async () => {
    // Prepare
    const { code, verifier } = await signIn(agent);

    // Act
    const tokens = (await (await exchange(code, verifier)).json()) as {
      id_token: string;
      access_token: string;
    };
    const jwks = createRemoteJWKSet(new URL(issuer.jwksUrl));
    const id = await jwtVerify(tokens.id_token, jwks, { issuer: issuer.issuer, audience: clientId });
    const access = await jwtVerify(tokens.access_token, jwks, { issuer: issuer.issuer });

    // Assess
    expect(id.payload['cognito:groups']).toEqual(['service_agent']);
    expect(id.payload).not.toHaveProperty('custom:branchId');
    expect(access.payload).toMatchObject({ token_use: 'access', client_id: clientId, username: 'sam.leroy' });
  });

  it('refuses a code_verifier that does not match the challenge', async () => {
    // Prepare
    const { code } = await signIn(advisor);

    // Act
    const response = await exchange(code, pkce().verifier);

    // Assess
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('accepts a code once only', async () => {
    // Prepare
    const { code, verifier } = await signIn(advisor);
    const first = await exchange(code, verifier);

    // Act
    const second = await exchange(code, verifier);

    // Assess
    expect(first.status).toBe(200);
    expect(second.status).toBe(400);
    expect(await second.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a code presented with another redirect_uri', async () => {
    // Prepare
    const { code, verifier } = await signIn(advisor);

    // Act
    const response = await exchange(code, verifier, { redirect_uri: 'http://127.0.0.1:6000/auth/callback' });

    // Assess
    expect(response.status).toBe(400);
  });

  it('shows the page again with an error and no code on a wrong password', async () => {
    // Prepare
    const { challenge } = pkce();

    // Act
    const response = await postLogin(challenge, advisor.username, 'not-the-password');
    const html = await response.text();

    // Assess
    expect(response.status).toBe(401);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(html).toContain('role="alert"');
    expect(html).toContain('mot de passe incorrect');
    expect(html).toContain('value="camille.martin"');
  });

  it('refuses to redirect to a foreign redirect_uri and never sends a code there', async () => {
    // Prepare
    const { challenge } = pkce();
    const foreign = { redirect_uri: 'https://evil.example/auth/callback' };

    // Act
    const page = await fetch(
      `${issuer.authorizeUrl}?${new URLSearchParams(authorizeParams(challenge, foreign))}`,
      {
        redirect: 'manual',
      },
    );
    const login = await postLogin(challenge, advisor.username, advisor.password, foreign);

    // Assess
    expect(page.status).toBe(400);
    expect(page.headers.get('location')).toBeNull();
    expect(login.status).toBe(400);
    expect(login.headers.get('location')).toBeNull();
  });

  it('refuses an unknown client and an authorization request without PKCE', async () => {
    // Prepare
    const { challenge } = pkce();

    // Act
    const unknownClient = await fetch(
      `${issuer.authorizeUrl}?${new URLSearchParams(authorizeParams(challenge, { client_id: 'someone-else' }))}`,
      { redirect: 'manual' },
    );
    const plain = await fetch(
      `${issuer.authorizeUrl}?${new URLSearchParams(authorizeParams(challenge, { code_challenge_method: 'plain' }))}`,
      { redirect: 'manual' },
    );
    const plainRedirect = new URL(plain.headers.get('location') ?? '');

    // Assess
    expect(unknownClient.status).toBe(400);
    expect(plain.status).toBe(302);
    expect(plainRedirect.searchParams.get('error')).toBe('invalid_request');
    expect(plainRedirect.searchParams.has('code')).toBe(false);
  });

  it('signs a returning browser in from its session, and logout ends that session', async () => {
    // Prepare
    const login = await postLogin(pkce().challenge, advisor.username, advisor.password);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const again = () =>
      fetch(`${issuer.authorizeUrl}?${new URLSearchParams(authorizeParams(pkce().challenge))}`, {
        redirect: 'manual',
        headers: { cookie },
      });

    // Act
    const silent = await again();
    const logout = await fetch(
      `${issuer.logoutUrl}?${new URLSearchParams({ client_id: clientId, logout_uri: 'http://127.0.0.1:5999/' })}`,
      { redirect: 'manual', headers: { cookie } },
    );
    const afterLogout = await again();

    // Assess
    expect(silent.status).toBe(302);
    expect(new URL(silent.headers.get('location') ?? '').searchParams.has('code')).toBe(true);
    expect(logout.status).toBe(302);
    expect(logout.headers.get('location')).toBe('http://127.0.0.1:5999/');
    expect(afterLogout.status).toBe(200);
  });

  it('lists the demo accounts with the name of their branch', async () => {
    // Act
    const page = await fetch(
      `${issuer.url}/oauth2/authorize?${new URLSearchParams(authorizeParams(pkce().challenge))}`,
    );
    // Assess
    const html = await page.text();
    expect(html).toContain('<td>Paris Opéra</td>');
    expect(html).not.toContain('<td>BR-PARIS-01</td>');
  });

  it('answers its root with a short page saying what it is, in French or English', async () => {
    // Act
    const french = await fetch(`${issuer.url}/`);
    const english = await fetch(`${issuer.url}/?lang=en`);
    // Assess
    expect(french.status).toBe(200);
    expect(french.headers.get('content-type')).toContain('text/html');
    expect(await french.text()).toContain('<h1>Service de connexion de Relais</h1>');
    expect(await english.text()).toContain('<h1>Relais sign-in service</h1>');
  });

  it('publishes OpenID discovery pointing at its endpoints', async () => {
    // Act
    const response = await fetch(`${issuer.url}/.well-known/openid-configuration`);
    const body = (await response.json()) as Record<string, unknown>;

    // Assess
    expect(body).toMatchObject({
      issuer: issuer.issuer,
      authorization_endpoint: issuer.authorizeUrl,
      token_endpoint: issuer.tokenUrl,
      jwks_uri: issuer.jwksUrl,
      code_challenge_methods_supported: ['S256'],
    });
  });
});

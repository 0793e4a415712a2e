/**
 * The sandbox's OpenID Connect issuer: a stand-in for Cognito's hosted UI, on the same paths
 * (`/oauth2/authorize`, `/oauth2/token`, `/logout`, `/.well-known/jwks.json`) and with the same
 * token claims (`cognito:groups`, `custom:branchId`, `token_use`), so the web front end and the
 * API's JWT authorizer run one code path locally and in the cloud. Authorization code with
 * PKCE (S256) only, for public clients on loopback origins; state lives in memory.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StaffMember } from '../seed/staff.ts';
import {
  corsHeaders,
  isAllowedLogoutUri,
  isAllowedRedirectUri,
  parseCookies,
  readBody,
  redirect,
  sendHtml,
  sendJson,
  withQuery,
} from './http.ts';
import { type AuthorizeParams, errorPage, type PageLang, rootPage, signInPage } from './sign-in-page.ts';
import { type TokenSet, tokenSigner } from './tokens.ts';

export type IssuerOptions = {
  /** TCP port; 0 picks a free one. @default 0 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Who can sign in. */
  users: readonly StaffMember[];
  /** Branch names by id, shown beside the demo accounts. */
  branchNames?: ReadonlyMap<string, string>;
  /** The app client id (the SPA's); tokens are issued for it only. */
  clientId: string;
  /** Lifetime of ID and access tokens, in seconds. @default 3600 */
  tokenLifetimeSeconds?: number;
};

export type Issuer = {
  /** Base URL, e.g. `http://127.0.0.1:4100`. */
  url: string;
  /** The `iss` claim of every token (the base URL, as Cognito's is its user-pool URL). */
  issuer: string;
  jwksUrl: string;
  authorizeUrl: string;
  tokenUrl: string;
  logoutUrl: string;
  /**
   * Signs tokens for a user without the browser flow, for tests that need many callers fast.
   * The e2e tests sign in through the page instead.
   */
  issueTokens: (username: string) => Promise<TokenSet>;
  close: () => Promise<void>;
};

type PendingCode = {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scope: string;
  nonce: string;
  user: StaffMember;
  authTime: number;
  expiresAt: number;
};

/** Authorization codes live 60 s, as the brief and Cognito's 5 min upper bound allow. */
const CODE_LIFETIME_MS = 60_000;
const SESSION_LIFETIME_MS = 8 * 3600_000;
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

/**
 * Starts the local issuer and resolves once it listens.
 * @example
 *   const issuer = await startIssuer({ users: staff, clientId: 'relais-web' });
 */
export const startIssuer = async (options: IssuerOptions): Promise<Issuer> => {
  const host = options.host ?? '127.0.0.1';
  const lifetime = options.tokenLifetimeSeconds ?? 3600;
  const signer = await tokenSigner({ clientId: options.clientId, lifetimeSeconds: lifetime });
  const publicJwk = signer.publicJwk;
  const codes = new Map<string, PendingCode>();
  const sessions = new Map<string, { username: string; authTime: number; expiresAt: number }>();
  const usersByName = new Map(options.users.map((user) => [user.username, user]));
  let base = '';
  let cookieName = '';

  const sign = (user: StaffMember, authTime: number, scope: string, nonce: string) =>
    signer.sign({ user, authTime, scope, nonce, issuer: base });

  const issueCode = (params: AuthorizeParams, user: StaffMember, authTime: number): string => {
    const code = randomBytes(24).toString('base64url');
    codes.set(code, {
      clientId: params.client_id,
      redirectUri: params.redirect_uri,
      codeChallenge: params.code_challenge,
      scope: params.scope,
      nonce: params.nonce,
      user,
      authTime,
      expiresAt: Date.now() + CODE_LIFETIME_MS,
    });
    return withQuery(params.redirect_uri, { code, state: params.state });
  };

  const authorizeParams = (source: URLSearchParams): AuthorizeParams => ({
    client_id: source.get('client_id') ?? '',
    redirect_uri: source.get('redirect_uri') ?? '',
    state: source.get('state') ?? '',
    scope: source.get('scope') ?? '',
    code_challenge: source.get('code_challenge') ?? '',
    code_challenge_method: source.get('code_challenge_method') ?? '',
    nonce: source.get('nonce') ?? '',
  });

  /**
   * Checks an authorization request. Unknown clients and foreign redirect URIs get an error
   * page (never a redirect: that would make the issuer an open redirector); other faults go
   * back to the client as `error=` on its redirect URI, as RFC 6749 §4.1.2.1 says.
   */
  const checkAuthorize = (
    params: AuthorizeParams,
    responseType: string | null,
  ): { page: string } | { redirect: string } | undefined => {
    if (params.client_id !== options.clientId) return { page: `Unknown client_id: ${params.client_id}` };
    if (!isAllowedRedirectUri(params.redirect_uri)) {
      return { page: `redirect_uri not allowed: ${params.redirect_uri}` };
    }
    const fail = (error: string, description: string) => ({
      redirect: withQuery(params.redirect_uri, {
        error,
        error_description: description,
        state: params.state,
      }),
    });
    if (responseType !== null && responseType !== 'code') {
      return fail('unsupported_response_type', 'only response_type=code');
    }
    if (params.code_challenge_method !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(params.code_challenge)) {
      return fail('invalid_request', 'PKCE with code_challenge_method=S256 is required');
    }
    if (!params.scope.split(/[ +]/).includes('openid'))
      return fail('invalid_scope', 'scope must include openid');
    return undefined;
  };

  const langOf = (source: URLSearchParams): PageLang => (source.get('lang') === 'en' ? 'en' : 'fr');

  const otherLangHref = (params: AuthorizeParams, lang: PageLang): string =>
    `/oauth2/authorize?${new URLSearchParams({ response_type: 'code', ...params, lang: lang === 'fr' ? 'en' : 'fr' })}`;

  const currentSession = (req: IncomingMessage) => {
    const id = parseCookies(req.headers.cookie).get(cookieName);
    const session = id ? sessions.get(id) : undefined;
    if (!id || !session) return undefined;
    if (session.expiresAt < Date.now()) {
      sessions.delete(id);
      return undefined;
    }
    const user = usersByName.get(session.username);
    return user ? { user, authTime: session.authTime } : undefined;
  };

  const authorize = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const params = authorizeParams(url.searchParams);
    const lang = langOf(url.searchParams);
    const problem = checkAuthorize(params, url.searchParams.get('response_type'));
    if (problem && 'page' in problem) return sendHtml(res, 400, errorPage(lang, problem.page));
    if (problem) return redirect(res, problem.redirect);
    // Like the hosted UI, a live session signs the user in again without the form.
    const session = url.searchParams.get('prompt') === 'login' ? undefined : currentSession(req);
    if (session) return redirect(res, issueCode(params, session.user, session.authTime));
    sendHtml(
      res,
      200,
      signInPage({
        lang,
        params,
        users: options.users,
        branchNames: options.branchNames ?? new Map(),
        otherLangHref: otherLangHref(params, lang),
      }),
    );
  };

  const login = async (req: IncomingMessage, res: ServerResponse) => {
    const form = new URLSearchParams(await readBody(req));
    const params = authorizeParams(form);
    const lang = langOf(form);
    const problem = checkAuthorize(params, null);
    if (problem && 'page' in problem) return sendHtml(res, 400, errorPage(lang, problem.page));
    if (problem) return redirect(res, problem.redirect);
    const username = form.get('username')?.trim() ?? '';
    const user = usersByName.get(username);
    if (!user || user.password !== (form.get('password') ?? '')) {
      return sendHtml(
        res,
        401,
        signInPage({
          lang,
          params,
          users: options.users,
          branchNames: options.branchNames ?? new Map(),
          error: true,
          username,
          otherLangHref: otherLangHref(params, lang),
        }),
      );
    }
    const authTime = Math.floor(Date.now() / 1000);
    const sessionId = randomBytes(24).toString('base64url');
    sessions.set(sessionId, {
      username: user.username,
      authTime,
      expiresAt: Date.now() + SESSION_LIFETIME_MS,
    });
    redirect(res, issueCode(params, user, authTime), {
      'set-cookie': `${cookieName}=${sessionId}; Path=/; HttpOnly; SameSite=Lax`,
    });
  };

  const token = async (req: IncomingMessage, res: ServerResponse) => {
    const cors = corsHeaders(req);
    const fail = (error: string, description: string, status = 400) =>
      sendJson(res, status, { error, error_description: description }, cors);
    const form = new URLSearchParams(await readBody(req));
    if (form.get('grant_type') !== 'authorization_code') {
      return fail('unsupported_grant_type', 'only authorization_code');
    }
    const code = form.get('code') ?? '';
    const pending = codes.get(code);
    // A code is good for one attempt, right or wrong, so a leaked code cannot be retried.
    codes.delete(code);
    if (!pending || pending.expiresAt < Date.now())
      return fail('invalid_grant', 'unknown, used or expired code');
    if (form.get('client_id') !== pending.clientId) return fail('invalid_client', 'client_id mismatch', 401);
    if (form.get('redirect_uri') !== pending.redirectUri)
      return fail('invalid_grant', 'redirect_uri mismatch');
    const verifier = form.get('code_verifier') ?? '';
    if (!VERIFIER.test(verifier) || s256(verifier) !== pending.codeChallenge) {
      return fail('invalid_grant', 'code_verifier does not match code_challenge');
    }
    sendJson(res, 200, await sign(pending.user, pending.authTime, pending.scope, pending.nonce), cors);
  };

  const logout = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const lang = langOf(url.searchParams);
    const logoutUri = url.searchParams.get('logout_uri') ?? '';
    if (url.searchParams.get('client_id') !== options.clientId) {
      return sendHtml(res, 400, errorPage(lang, 'Unknown client_id'));
    }
    if (!isAllowedLogoutUri(logoutUri)) return sendHtml(res, 400, errorPage(lang, 'logout_uri not allowed'));
    const id = parseCookies(req.headers.cookie).get(cookieName);
    if (id) sessions.delete(id);
    redirect(res, logoutUri, { 'set-cookie': `${cookieName}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` });
  };

  const discovery = () => ({
    issuer: base,
    authorization_endpoint: `${base}/oauth2/authorize`,
    token_endpoint: `${base}/oauth2/token`,
    jwks_uri: `${base}/.well-known/jwks.json`,
    end_session_endpoint: `${base}/logout`,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: ['openid', 'profile', 'email'],
    claims_supported: ['sub', 'name', 'email', 'cognito:username', 'cognito:groups', 'custom:branchId'],
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /oauth2/authorize':
        return authorize(req, res, url);
      case 'POST /login':
        return login(req, res);
      case 'POST /oauth2/token':
        return token(req, res);
      case 'OPTIONS /oauth2/token':
      case 'OPTIONS /.well-known/jwks.json':
      case 'OPTIONS /.well-known/openid-configuration':
        res.writeHead(204, corsHeaders(req));
        return res.end();
      case 'GET /.well-known/jwks.json':
        return sendJson(
          res,
          200,
          { keys: [publicJwk] },
          { ...corsHeaders(req), 'cache-control': 'max-age=300' },
        );
      case 'GET /.well-known/openid-configuration':
        return sendJson(res, 200, discovery(), { ...corsHeaders(req), 'cache-control': 'max-age=300' });
      case 'GET /logout':
        return logout(req, res, url);
      case 'GET /': {
        const lang = langOf(url.searchParams);
        return sendHtml(res, 200, rootPage(lang, `/?lang=${lang === 'fr' ? 'en' : 'fr'}`));
      }
      default:
        return sendJson(res, 404, { error: 'not_found' });
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 400, { error: 'invalid_request', error_description: String(error) });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  // Cookies ignore ports: a per-port name keeps two sandboxes on one host apart.
  cookieName = `relais_issuer_${port}`;

  return {
    url: base,
    issuer: base,
    jwksUrl: `${base}/.well-known/jwks.json`,
    authorizeUrl: `${base}/oauth2/authorize`,
    tokenUrl: `${base}/oauth2/token`,
    logoutUrl: `${base}/logout`,
    issueTokens: async (username) => {
      const user = usersByName.get(username);
      if (!user) throw new Error(`no such user: ${username}`);
      return sign(user, Math.floor(Date.now() / 1000), 'openid profile email', '');
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
};

/**
 * Sign-in as Cognito's hosted UI expects it from a public client: authorization code with PKCE
 * (S256). Tokens stay in sessionStorage (gone with the tab, never shared with other sites); the
 * API is called with the ID token because it carries `cognito:groups` and `custom:branchId`.
 */
import type { Role } from '#schemas/roles.ts';
import { getConfig, type WebConfig } from './config.ts';
import { createPkcePair, randomUrlSafe } from './pkce.ts';

/** Who is signed in, read from the ID token's claims. */
export type SessionUser = {
  sub: string;
  username: string;
  name: string;
  email?: string;
  roles: Role[];
  branchId?: string;
};

export type Session = {
  idToken: string;
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  user: SessionUser;
};

type PendingSignIn = { state: string; verifier: string; returnTo: string };

const SESSION_KEY = 'relais.session';
const PENDING_KEY = 'relais.pending-sign-in';
/** Sign in again a little before expiry rather than send a token that dies in flight. */
const EXPIRY_MARGIN_MS = 30_000;
const knownRoles: readonly Role[] = [
  'advisor',
  'branch_manager',
  'service_agent',
  'compliance_officer',
  'privacy_officer',
  'marketer',
  'analyst',
  'admin',
];

const decodeSegment = (segment: string): unknown => {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
};

/**
 * Reads the user from an ID token's payload. The signature is the API's business (it verifies
 * every call); the SPA only needs the claims to greet the user and shape the screens.
 */
export const userFromIdToken = (idToken: string): SessionUser => {
  const payload = decodeSegment(idToken.split('.')[1] ?? '') as Record<string, unknown>;
  const groups = Array.isArray(payload['cognito:groups']) ? payload['cognito:groups'] : [];
  const username = String(payload['cognito:username'] ?? payload.sub ?? '');
  return {
    sub: String(payload.sub ?? ''),
    username,
    name: typeof payload.name === 'string' && payload.name ? payload.name : username,
    ...(typeof payload.email === 'string' ? { email: payload.email } : {}),
    roles: groups.filter((group): group is Role => knownRoles.includes(group as Role)),
    ...(typeof payload['custom:branchId'] === 'string' ? { branchId: payload['custom:branchId'] } : {}),
  };
};

/**
 * A path inside the app to return to after sign-in; anything else (another origin,
 * protocol-relative `//host`, the callback itself) becomes `/`, so `returnTo` cannot be
 * turned into an open redirect.
 */
export const safeReturnPath = (value: string | null | undefined): string => {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/auth/callback')) return '/';
  return value;
};

/** The hosted-UI authorize URL for a sign-in attempt. */
export const buildAuthorizeUrl = (
  auth: WebConfig['auth'],
  request: { redirectUri: string; state: string; challenge: string; lang: string },
): string => {
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: auth.clientId,
    redirect_uri: request.redirectUri,
    scope: auth.scopes.join(' '),
    state: request.state,
    code_challenge: request.challenge,
    code_challenge_method: 'S256',
    lang: request.lang,
  });
  return `${auth.authorizeUrl}?${params}`;
};

const redirectUri = () => `${window.location.origin}/auth/callback`;

/** The current session, or undefined when there is none or it is (about to be) expired. */
export const readSession = (now = Date.now()): Session | undefined => {
  const raw = sessionStorage.getItem(SESSION_KEY);
  if (!raw) return undefined;
  try {
    const session = JSON.parse(raw) as Session;
    return session.expiresAt - EXPIRY_MARGIN_MS > now ? session : undefined;
  } catch {
    return undefined;
  }
};

/** The signed-in user, as the ID token describes them (undefined when signed out). */
export const currentUser = (): SessionUser | undefined => readSession()?.user;

let redirecting = false;
let signingOut = false;

/**
 * True once the page is leaving for the sign-in page (a form keeps its draft for the return) or
 * for sign-out (asked first, in the app): no "leave this page?" prompt of the browser then.
 */
export const isLeavingTheApp = (): boolean => redirecting || signingOut;

/**
 * Leaves for the hosted UI; the user comes back to `returnTo` (default: the current page).
 * Several failing calls at once lead to one redirect only.
 */
export const beginSignIn = async (returnTo?: string): Promise<void> => {
  if (redirecting) return;
  redirecting = true;
  const { auth } = getConfig();
  const { verifier, challenge } = await createPkcePair();
  const state = randomUrlSafe(16);
  const here = `${window.location.pathname}${window.location.search}${window.location.hash}`;
  const pending: PendingSignIn = { state, verifier, returnTo: safeReturnPath(returnTo ?? here) };
  sessionStorage.removeItem(SESSION_KEY);
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  window.location.assign(
    buildAuthorizeUrl(auth, {
      redirectUri: redirectUri(),
      state,
      challenge,
      lang: document.documentElement.lang,
    }),
  );
};

export class SignInError extends Error {
  override name = 'SignInError';
}

const exchanges = new Map<string, Promise<string>>();

/**
 * Finishes sign-in on `/auth/callback`: checks `state`, trades the code for tokens and answers
 * the path to return to. One exchange per code, even if the page renders twice.
 */
export const completeSignIn = (search: string): Promise<string> => {
  const params = new URLSearchParams(search);
  const code = params.get('code') ?? '';
  let exchange = exchanges.get(code);
  if (!exchange) {
    exchange = exchangeCode(params);
    exchanges.set(code, exchange);
  }
  return exchange;
};

const exchangeCode = async (params: URLSearchParams): Promise<string> => {
  const { auth } = getConfig();
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as PendingSignIn | null;
  if (params.get('error'))
    throw new SignInError(params.get('error_description') ?? params.get('error') ?? '');
  if (!pending || pending.state !== params.get('state') || !params.get('code')) {
    throw new SignInError('state mismatch');
  }
  sessionStorage.removeItem(PENDING_KEY);
  const response = await fetch(auth.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: auth.clientId,
      code: params.get('code') ?? '',
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new SignInError(`token endpoint answered ${response.status}`);
  const tokens = (await response.json()) as { id_token: string; access_token: string; expires_in: number };
  const session: Session = {
    idToken: tokens.id_token,
    accessToken: tokens.access_token,
    expiresAt: Date.now() + tokens.expires_in * 1000,
    user: userFromIdToken(tokens.id_token),
  };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  return pending.returnTo;
};

/** Keys of what the screens keep for the tab's session (unsaved form drafts): gone at sign-out. */
const SCREEN_KEY_PREFIXES = ['relais.draft.', 'relais.cache.'];

/**
 * Forgets the tokens, and the drafts and caches kept for the session, and ends the hosted-UI
 * session, coming back to the home page.
 */
export const signOut = (): void => {
  const { auth } = getConfig();
  signingOut = true;
  sessionStorage.removeItem(SESSION_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  for (const key of Object.keys(sessionStorage)) {
    if (SCREEN_KEY_PREFIXES.some((prefix) => key.startsWith(prefix))) sessionStorage.removeItem(key);
  }
  const params = new URLSearchParams({ client_id: auth.clientId, logout_uri: `${window.location.origin}/` });
  window.location.assign(`${auth.logoutUrl}?${params}`);
};

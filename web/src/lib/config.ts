/**
 * The SPA's settings, read from `/config.json` at start. CloudFront serves the file in the cloud
 * (Cognito hosted-UI endpoints) and the sandbox serves it locally (the local issuer): one code
 * path. `WebConfig` is the contract the CDK stack and `local/web-server.ts` write to.
 */

export type WebConfig = {
  /** Base URL of the HTTP API, without a trailing slash, e.g. `https://api.relais.example`. */
  apiUrl: string;
  region: string;
  auth: {
    authorizeUrl: string;
    tokenUrl: string;
    logoutUrl: string;
    clientId: string;
    scopes: string[];
  };
};

const isString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isUrl = (value: unknown): value is string => {
  if (!isString(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
};

/**
 * Checks the shape of a parsed `config.json`, answering it typed, or throws naming the bad field:
 * a broken deployment should say what is wrong instead of failing later at sign-in.
 */
export const parseWebConfig = (value: unknown): WebConfig => {
  const fail = (field: string): never => {
    throw new Error(`config.json: ${field} is missing or invalid`);
  };
  if (typeof value !== 'object' || value === null) return fail('(root)');
  const config = value as Record<string, unknown>;
  const auth = (typeof config.auth === 'object' && config.auth !== null ? config.auth : {}) as Record<
    string,
    unknown
  >;
  if (!isUrl(config.apiUrl)) fail('apiUrl');
  if (!isString(config.region)) fail('region');
  for (const field of ['authorizeUrl', 'tokenUrl', 'logoutUrl'] as const)
    if (!isUrl(auth[field])) fail(`auth.${field}`);
  if (!isString(auth.clientId)) fail('auth.clientId');
  if (!Array.isArray(auth.scopes) || !auth.scopes.every(isString)) fail('auth.scopes');
  return {
    apiUrl: (config.apiUrl as string).replace(/\/+$/, ''),
    region: config.region as string,
    auth: {
      authorizeUrl: auth.authorizeUrl as string,
      tokenUrl: auth.tokenUrl as string,
      logoutUrl: auth.logoutUrl as string,
      clientId: auth.clientId as string,
      scopes: auth.scopes as string[],
    },
  };
};

let current: WebConfig | undefined;

/** Fetches and checks `/config.json` once, at start; later calls to `getConfig` answer it. */
export const loadConfig = async (): Promise<WebConfig> => {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  current = parseWebConfig(await response.json());
  return current;
};

/** The settings loaded at start; throws if called before `loadConfig`. */
export const getConfig = (): WebConfig => {
  if (!current) throw new Error('config.json is not loaded yet');
  return current;
};

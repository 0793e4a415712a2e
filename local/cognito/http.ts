/**
 * The HTTP plumbing of the local issuer: which origins and redirect URIs it accepts (loopback
 * http only), reading a form body, cookies, and its answers (HTML, JSON, redirects, CORS).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Accepts `http://` origins on the loopback interface only: the sandbox never serves elsewhere. */
export const isLoopbackHttpOrigin = (url: URL): boolean =>
  url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/** A redirect URI the issuer accepts: a loopback http origin followed by `/auth/callback`. */
export const isAllowedRedirectUri = (value: string): boolean => {
  try {
    const url = new URL(value);
    return isLoopbackHttpOrigin(url) && url.pathname === '/auth/callback' && !url.search && !url.hash;
  } catch {
    return false;
  }
};

export const isAllowedLogoutUri = (value: string): boolean => {
  try {
    return isLoopbackHttpOrigin(new URL(value));
  } catch {
    return false;
  }
};

export const readBody = (req: IncomingMessage, limit = 64 * 1024): Promise<string> =>
  new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

export const parseCookies = (header: string | undefined): Map<string, string> =>
  new Map(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split('='))
      .filter((pair): pair is [string, string] => pair.length === 2 && Boolean(pair[0])),
  );

export const sendHtml = (
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
) => {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
    ...headers,
  });
  res.end(html);
};

export const sendJson = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
};

export const redirect = (res: ServerResponse, location: string, headers: Record<string, string> = {}) => {
  res.writeHead(302, { location, 'cache-control': 'no-store', ...headers });
  res.end();
};

export const withQuery = (base: string, params: Record<string, string>): string => {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) if (value) url.searchParams.set(key, value);
  return url.toString();
};

/** CORS for the SPA: any loopback http origin may call the token and discovery endpoints. */
export const corsHeaders = (req: IncomingMessage): Record<string, string> => {
  const origin = req.headers.origin;
  if (!origin) return {};
  try {
    if (!isLoopbackHttpOrigin(new URL(origin))) return {};
  } catch {
    return {};
  }
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': 'content-type, authorization',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
};

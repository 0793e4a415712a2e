/**
 * The sandbox's static web server: the built SPA (`web/dist`) as CloudFront serves it in the
 * cloud. Hashed assets are immutable, `index.html` is revalidated on every load, unknown app
 * paths fall back to `index.html` (client-side routes), and `/config.json` is generated from
 * the running sandbox.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { WebConfig } from '#web/src/lib/config.ts';

export type { WebConfig };

export type WebServerOptions = {
  /** TCP port; 0 picks a free one. @default 0 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** The Vite build output, e.g. `web/dist`. */
  distDir: string;
  /** Served as `/config.json`. */
  config: WebConfig;
};

export type WebServer = {
  /** e.g. `http://127.0.0.1:8080` */
  url: string;
  close: () => Promise<void>;
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const compressible = /^(text\/|application\/(json|manifest)|image\/svg)/;

/** Cache policy: content-hashed files forever, the HTML shell and config always revalidated. */
export const cacheControlFor = (urlPath: string): string => {
  if (urlPath.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  if (urlPath === '/index.html' || urlPath === '/config.json' || !extname(urlPath)) return 'no-cache';
  return 'public, max-age=3600';
};

const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

/** Security headers, with a CSP that lets the SPA call only its API and token endpoint. */
const securityHeaders = (config: WebConfig): Record<string, string> => {
  const connect = new Set(['self', originOf(config.apiUrl), originOf(config.auth.tokenUrl)]);
  connect.delete(undefined);
  const connectSrc = [...connect].map((source) => (source === 'self' ? "'self'" : source)).join(' ');
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src ${connectSrc}`,
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
  };
};

type Resolved = { path: string; urlPath: string; size: number; mtimeMs: number };

const isFile = async (path: string) => {
  try {
    const info = await stat(path);
    return info.isFile() ? info : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Starts the server and resolves once it listens. Requests outside `distDir` (`..`, encoded
 * or not) are answered 404.
 */
export const startWebServer = async (options: WebServerOptions): Promise<WebServer> => {
  const root = resolve(options.distDir);
  const host = options.host ?? '127.0.0.1';
  const headers = securityHeaders(options.config);
  const configBody = Buffer.from(JSON.stringify(options.config));
  const gzipCache = new Map<string, Buffer>();

  const locate = async (urlPath: string): Promise<Resolved | 'not-found' | 'not-built'> => {
    const candidate = normalize(join(root, urlPath));
    if (candidate !== root && !candidate.startsWith(root + sep)) return 'not-found';
    const info = urlPath.endsWith('/') ? undefined : await isFile(candidate);
    if (info) return { path: candidate, urlPath, size: info.size, mtimeMs: info.mtimeMs };
    if (urlPath === '/index.html') return 'not-built';
    // Asset-like paths that are missing are real 404s; the rest are client-side routes.
    if (urlPath.startsWith('/assets/') || extname(urlPath)) return 'not-found';
    const index = join(root, 'index.html');
    const indexInfo = await isFile(index);
    return indexInfo
      ? { path: index, urlPath: '/index.html', size: indexInfo.size, mtimeMs: indexInfo.mtimeMs }
      : 'not-built';
  };

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    body: Buffer,
    extra: Record<string, string>,
  ) => {
    const type = extra['content-type'] ?? '';
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    let payload = body;
    const out: Record<string, string> = { ...headers, ...extra, vary: 'Accept-Encoding' };
    if (acceptsGzip && compressible.test(type) && body.length > 1024) {
      const key = `${extra.etag ?? ''}:${body.length}`;
      payload = gzipCache.get(key) ?? gzipSync(body);
      if (extra.etag) gzipCache.set(key, payload);
      out['content-encoding'] = 'gzip';
    }
    out['content-length'] = String(payload.length);
    res.writeHead(status, out);
    res.end(req.method === 'HEAD' ? undefined : payload);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      return res.end();
    }
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400);
      return res.end();
    }
    if (urlPath.includes('\0')) {
      res.writeHead(400);
      return res.end();
    }
    if (urlPath === '/config.json') {
      return send(req, res, 200, configBody, {
        'content-type': contentTypes['.json'] ?? '',
        'cache-control': cacheControlFor(urlPath),
      });
    }
    const found = await locate(urlPath === '/' ? '/index.html' : urlPath);
    if (typeof found === 'string') {
      const notBuilt = found === 'not-built';
      return send(
        req,
        res,
        notBuilt ? 503 : 404,
        Buffer.from(notBuilt ? 'The web front end is not built: run `npm run build:web`.\n' : 'Not found\n'),
        { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      );
    }
    const etag = `"${createHash('sha1').update(`${found.path}:${found.size}:${found.mtimeMs}`).digest('base64url')}"`;
    const common = {
      'content-type': contentTypes[extname(found.path).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': cacheControlFor(found.urlPath),
      etag,
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ...headers, etag, 'cache-control': common['cache-control'] });
      return res.end();
    }
    send(req, res, 200, await readFile(found.path), common);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => ready());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
};

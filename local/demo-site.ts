/**
 * The sandbox's demo bank website, "Banque Relais": a few static French pages (home, home loan
 * with a simulator, savings, customer area) that carry the Relais tracker, so that a visitor's
 * clicks reach the lake and, once logged in, the customer's timeline. The server injects the API
 * URL and the `web` write key (`/config.js`), serves the built tracker, and answers the customer
 * area's login with the demo bank's customers (those the sandbox seeds) and, as the bank's login
 * service would, an identity token for the tracker's `identify`.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { demoLogins, generateDemoBank } from './seed/demo-bank.ts';

export type DemoSiteOptions = {
  /** TCP port; 0 picks a free one. @default 0 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Base URL of the Relais API the tracker posts to. */
  apiUrl: string;
  /** The `web` channel's write key. */
  writeKey: string;
  /**
   * What the bank's login service does at login: an identity token for the customer, which the
   * page passes to the tracker's `identify`.
   */
  identityToken: (customerId: string, anonymousId: string) => Promise<string>;
  /** Customers of the demo bank the login accepts (the sandbox's seeded count). @default 2000 */
  customers?: number;
};

export type DemoSite = {
  /** e.g. `http://127.0.0.1:8083` */
  url: string;
  close: () => Promise<void>;
};

/** What `/config.js` gives the pages (`window.RELAIS_DEMO`). */
export type DemoSiteConfig = {
  apiUrl: string;
  writeKey: string;
  /** A few customer numbers to log in with, shown on the login page. */
  demoCustomers: { number: string; name: string }[];
};

const siteDir = fileURLToPath(new URL('./demo-site/', import.meta.url));
const trackerBuild = fileURLToPath(new URL('../web/dist/tracker/relais-tracker.js', import.meta.url));
const trackerConfig = fileURLToPath(new URL('../web/tracker/vite.config.ts', import.meta.url));

const pages: Record<string, string> = {
  '/': 'index.html',
  '/credit-immobilier': 'credit-immobilier.html',
  '/epargne': 'epargne.html',
  '/espace-client': 'espace-client.html',
};
const pageOf = (path: string) =>
  pages[path] ?? (/^\/epargne\/[a-z-]+$/.test(path) ? 'epargne.html' : undefined);

/**
 * A page in the site's layout (`layout.html`: head, menu, footer). A page file holds only what
 * is its own: `<title>`, its `<body>` tag (data attributes the tracker reads) and its `<main>`.
 * The menu marks the page's own entry as current.
 */
const composePage = (layout: string, page: string, file?: string): string => {
  const title = /<title>([^<]*)<\/title>/.exec(page)?.[1] ?? '';
  const body = /<body([^>]*)>/.exec(page)?.[1] ?? '';
  const main = /<main>[\s\S]*<\/main>/.exec(page)?.[0] ?? '<main></main>';
  const path = Object.entries(pages).find(([route, served]) => served === file && route !== '/')?.[0];
  const html = layout
    .replace('{{title}}', () => title)
    .replace('<body>', () => `<body${body}>`)
    .replace('{{main}}', () => `    ${main}`);
  return path
    ? html.replace(`href="${path}" data-track`, `href="${path}" aria-current="page" data-track`)
    : html;
};

/** The tracker as `npm run build:web` builds it; built now if this checkout has not built it yet. */
const trackerScript = async (): Promise<string> => {
  if (!existsSync(trackerBuild)) {
    const { build } = await import('vite');
    await build({ configFile: trackerConfig, logLevel: 'warn' });
  }
  return readFile(trackerBuild, 'utf8');
};

/** The logins the demo accepts, by customer number or id, and a few to suggest on the page. */
const demoCustomers = (count: number) => {
  const bank = generateDemoBank({ customers: count });
  const byIdentifier = new Map<string, { customerId: string; firstName: string }>();
  for (const { customer } of bank.customers) {
    const session = { customerId: customer.id, firstName: customer.firstName };
    byIdentifier.set(customer.customerNumber.toLowerCase(), session);
    byIdentifier.set(customer.id.toLowerCase(), session);
  }
  // Customers of the first demo advisor's branch: their visits show in that advisor's files.
  const branchId = demoLogins(bank.staff).find((login) => login.role === 'advisor')?.branchId;
  const individuals = bank.customers
    .map(({ customer }) => customer)
    .filter((customer) => customer.kind === 'individual');
  const suggested = [...individuals.filter((customer) => customer.branchId === branchId), ...individuals]
    .slice(0, 3)
    .map((customer) => ({
      number: customer.customerNumber,
      name: `${customer.firstName} ${customer.lastName.slice(0, 1)}.`,
    }));
  return { byIdentifier, suggested };
};

const readJson = (request: IncomingMessage): Promise<unknown> =>
  new Promise((resolve) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 4096) request.destroy();
    });
    request.on('end', () => {
      try {
        resolve(JSON.parse(body));
      } catch {
        resolve(undefined);
      }
    });
    request.on('error', () => resolve(undefined));
  });

/**
 * Starts the demo bank website.
 * @returns its URL, and `close` to stop it.
 */
export const startDemoSite = async (options: DemoSiteOptions): Promise<DemoSite> => {
  const host = options.host ?? '127.0.0.1';
  const [tracker, siteSource, css, layout, pageFiles] = await Promise.all([
    trackerScript(),
    readFile(`${siteDir}assets/site.ts`, 'utf8'),
    readFile(`${siteDir}assets/site.css`, 'utf8'),
    readFile(`${siteDir}layout.html`, 'utf8'),
    Promise.all(
      [...new Set(Object.values(pages))].map(
        async (file) => [file, await readFile(`${siteDir}${file}`, 'utf8')] as const,
      ),
    ),
  ]);
  const site = (await transform(siteSource, { loader: 'ts', format: 'iife', target: 'es2020' })).code;
  const html = new Map(pageFiles.map(([file, page]) => [file, composePage(layout, page, file)]));
  const customers = demoCustomers(options.customers ?? 2000);
  const config: DemoSiteConfig = {
    apiUrl: options.apiUrl.replace(/\/+$/, ''),
    writeKey: options.writeKey,
    demoCustomers: customers.suggested,
  };
  const assets: Record<string, { type: string; body: string }> = {
    '/config.js': { type: 'text/javascript', body: `window.RELAIS_DEMO = ${JSON.stringify(config)};\n` },
    '/tracker/relais-tracker.js': { type: 'text/javascript', body: tracker },
    '/assets/site.js': { type: 'text/javascript', body: site },
    '/assets/site.css': { type: 'text/css', body: css },
  };
  const headers = {
    // The pages may call only themselves and the Relais API; no inline script anywhere.
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      `connect-src 'self' ${new URL(config.apiUrl).origin}`,
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cache-control': 'no-cache',
  };

  const send = (response: ServerResponse, status: number, type: string, body: string) => {
    response.writeHead(status, { ...headers, 'content-type': `${type}; charset=utf-8` });
    response.end(body);
  };

  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://demo').pathname;
    if (request.method === 'POST' && path === '/api/connexion') {
      const body = (await readJson(request)) as { identifiant?: unknown; visiteur?: unknown } | undefined;
      const identifier = typeof body?.identifiant === 'string' ? body.identifiant.trim().toLowerCase() : '';
      const visitor = typeof body?.visiteur === 'string' ? body.visiteur : '';
      const session = customers.byIdentifier.get(identifier);
      if (!session) {
        return send(response, 404, 'application/json', JSON.stringify({ message: 'Numéro client inconnu' }));
      }
      // As the bank's login service would: the token names the customer and the device.
      const identityToken = await options.identityToken(session.customerId, visitor);
      return send(response, 200, 'application/json', JSON.stringify({ ...session, identityToken }));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(response, 405, 'text/plain', 'Method Not Allowed');
    }
    if (path === '/favicon.ico') {
      response.writeHead(204, headers);
      return response.end();
    }
    const asset = assets[path];
    if (asset) return send(response, 200, asset.type, asset.body);
    const page = pageOf(path);
    if (page) return send(response, 200, 'text/html', html.get(page) ?? '');
    return send(
      response,
      404,
      'text/html',
      composePage(layout, '<title>Page introuvable</title><main><h1>Page introuvable</h1></main>'),
    );
  };

  const server = createServer((request, response) => {
    serve(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain', 'Internal Server Error');
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

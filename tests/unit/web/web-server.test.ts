/** The sandbox serves the built SPA as CloudFront does: caching, client routes, config.json. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebConfig, type WebServer } from '#local/web-server.ts';

const config: WebConfig = {
  apiUrl: 'http://127.0.0.1:8081',
  region: 'eu-west-3',
  auth: {
    authorizeUrl: 'http://127.0.0.1:8082/oauth2/authorize',
    tokenUrl: 'http://127.0.0.1:8082/oauth2/token',
    logoutUrl: 'http://127.0.0.1:8082/logout',
    clientId: 'relais-web-local',
    scopes: ['openid', 'profile', 'email'],
  },
};

/** A GET with the path sent as written: fetch would resolve the `..` before sending. */
const rawGet = (url: string, path: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const { hostname, port } = new URL(url);
    get({ hostname, port, path }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });

let dist: string;
let server: WebServer;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'relais-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Relais</title><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), `console.log(${JSON.stringify('x'.repeat(4000))});`);
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  server = await startWebServer({ distDir: dist, config });
});

afterAll(async () => {
  await server.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('web server', () => {
  it('serves hashed assets as immutable, compressed when the browser accepts it', async () => {
    // Act
    const response = await fetch(`${server.url}/assets/index-abc123.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await response.text()).toContain('xxxx');
  });

  it('answers client-side routes with index.html, revalidated on every load', async () => {
    // Act
    const response = await fetch(`${server.url}/customers/cu-42/edit`);

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain('connect-src');
    expect(await response.text()).toContain('<div id="root">');
  });

  it('serves config.json from the running configuration', async () => {
    // Act
    const response = await fetch(`${server.url}/config.json`);

    // Assess
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.json()).toEqual(config);
  });

  it('answers 404 for missing files and for paths outside the build', async () => {
    // Act
    const missing = await fetch(`${server.url}/assets/gone-123.js`);
    const traversal = await rawGet(server.url, '/assets/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd');
    const plain = await rawGet(server.url, '/../../../../etc/passwd');

    // Assess
    expect(missing.status).toBe(404);
    expect(traversal.status).toBe(404);
    expect(plain.body).not.toContain('root:');
  });

  it('lets the browser revalidate index.html with its ETag', async () => {
    // Prepare
    const first = await fetch(`${server.url}/`);
    const etag = first.headers.get('etag') ?? '';

    // Act
    const again = await fetch(`${server.url}/`, { headers: { 'if-none-match': etag } });

    // Assess
    expect(etag).not.toBe('');
    expect(again.status).toBe(304);
  });
});

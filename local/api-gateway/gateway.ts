/**
 * The sandbox's API Gateway HTTP API: the routes of `schemas/routes.ts`, a JWT authorizer that
 * verifies tokens against the issuer's JWKS (as API Gateway does against Cognito's), CORS from
 * the declaration, and payload format 2.0 events handed to the same Lambda handlers the cloud
 * runs. Error answers that API Gateway itself gives (404, 401, 413, 500 on a crash) keep its
 * `{"message": ...}` shape.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import { cors } from '#infra/declaration/api.ts';
import { type FunctionName, functionForRoute, functions } from '#infra/declaration/functions.ts';
import type { RouteDefinition } from '#schemas/route-definition.ts';
import { routes } from '#schemas/routes.ts';
import { invokeHandler, type LambdaHandler } from '../lambda/lambda-context.ts';
import { apiReferencePage } from './reference.ts';

export type ApiGatewayOptions = {
  /** @default 0 (a free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** The JWT authorizer's settings (Cognito: the user pool URL and the app client id). */
  jwt: { issuer: string; jwksUrl: string; audience: string };
  /** Origins allowed by CORS (the web front end). */
  allowedOrigins: readonly string[];
};

export type ApiGateway = { url: string; close: () => Promise<void> };

/** API Gateway's own payload limit. */
const maxPayloadBytes = 10 * 1024 * 1024;

type CompiledRoute = { route: RouteDefinition; pattern: RegExp; names: string[] };

const compile = (route: RouteDefinition): CompiledRoute => {
  const names: string[] = [];
  const source = route.path
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\\?\{([^}]+)\\?\}/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
  return { route, pattern: new RegExp(`^${source}$`), names };
};

const compiled = (routes as readonly RouteDefinition[]).map(compile);

/** A path segment URL-decoded, or `undefined` when its percent-encoding is malformed. */
const decodeSegment = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

/**
 * The route matching a request, with its path parameters (URL-decoded, as API Gateway gives
 * them); `'malformed'` when a parameter's percent-encoding is broken (API Gateway's 400).
 */
export const matchRoute = (method: string, path: string) => {
  for (const { route, pattern, names } of compiled) {
    if (route.method !== method) continue;
    const match = pattern.exec(path);
    if (match) {
      const values = names.map((_, i) => decodeSegment(match[i + 1]!));
      if (values.some((value) => value === undefined)) return 'malformed' as const;
      return { route, pathParameters: Object.fromEntries(names.map((name, i) => [name, values[i]!])) };
    }
  }
  return undefined;
};

/** The request's URL; `undefined` when its target or `Host` header cannot be parsed (a 400). */
const requestUrl = (request: IncomingMessage): URL | undefined => {
  try {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
    decodeURIComponent(url.search);
    return url;
  } catch {
    return undefined;
  }
};

/** API Gateway hands JWT claims over as strings; arrays become `[a b]`. */
const claimsAsApiGatewayGivesThem = (payload: JWTPayload): Record<string, string> =>
  Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [
      name,
      Array.isArray(value)
        ? `[${value.join(' ')}]`
        : typeof value === 'string'
          ? value
          : JSON.stringify(value),
    ]),
  );

const readBody = (request: IncomingMessage): Promise<Buffer | 'too large'> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxPayloadBytes) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > maxPayloadBytes ? 'too large' : Buffer.concat(chunks)));
    request.on('error', reject);
  });

const isTextual = (contentType: string | undefined) =>
  !contentType || /^(text\/|application\/(json|problem\+json|x-www-form-urlencoded|xml))/.test(contentType);

const toEvent = (
  request: IncomingMessage,
  url: URL,
  route: RouteDefinition,
  pathParameters: Record<string, string>,
  body: Buffer,
  claims: Record<string, string> | undefined,
): APIGatewayProxyEventV2WithJWTAuthorizer => {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && name !== 'cookie')
      headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams)
    query[name] = name in query ? `${query[name]},${value}` : value;
  const now = new Date();
  const textual = isTextual(request.headers['content-type']);
  const routeKey = `${route.method} ${route.path}`;
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(request.headers.cookie ? { cookies: request.headers.cookie.split(/;\s*/) } : {}),
    headers,
    ...(url.search ? { queryStringParameters: query } : {}),
    ...(Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'sandbox',
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: claims ?? {}, scopes: [] } },
      domainName: url.host,
      domainPrefix: url.hostname.split('.')[0] ?? '',
      http: {
        method: route.method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: request.headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0
      ? { body: textual ? body.toString('utf8') : body.toString('base64'), isBase64Encoded: !textual }
      : { isBase64Encoded: false }),
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
};

/**
 * The Lambda function serving each HTTP route (`functionForRoute`), loaded from its declared
 * entry on its first request (a cold start, as in the cloud) and kept.
 */
const handlerLoader = () => {
  const loaded = new Map<
    FunctionName,
    Promise<{ name: FunctionName; timeoutSeconds: number; handler: LambdaHandler }>
  >();
  return (route: RouteDefinition) => {
    const name = functionForRoute(route);
    const fn = functions[name];
    if (!loaded.has(name)) {
      loaded.set(
        name,
        import(new URL(`../../${fn.entry}`, import.meta.url).href).then(
          (module: { handler: LambdaHandler }) => ({
            name,
            timeoutSeconds: fn.timeoutSeconds,
            handler: module.handler,
          }),
        ),
      );
    }
    return loaded.get(name);
  };
};

export const startApiGateway = async (options: ApiGatewayOptions): Promise<ApiGateway> => {
  const handlerFor = handlerLoader();
  const jwks = createRemoteJWKSet(new URL(options.jwt.jwksUrl));

  const corsHeaders = (origin: string | undefined): Record<string, string> =>
    origin && options.allowedOrigins.includes(origin)
      ? {
          'access-control-allow-origin': origin,
          'access-control-expose-headers': cors.exposeHeaders.join(','),
          vary: 'origin',
        }
      : {};

  const send = (
    response: ServerResponse,
    status: number,
    headers: Record<string, string | number | boolean>,
    body: string | Buffer,
  ) => {
    response.writeHead(status, Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)])));
    response.end(body);
  };

  const gatewayError = (
    response: ServerResponse,
    origin: string | undefined,
    status: number,
    message: string,
  ) =>
    send(
      response,
      status,
      { 'content-type': 'application/json', ...corsHeaders(origin) },
      JSON.stringify({ message }),
    );

  const verify = async (authorization: string | undefined) => {
    const token = authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
    if (!token) return undefined;
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer: options.jwt.issuer,
        audience: options.jwt.audience,
      });
      return claimsAsApiGatewayGivesThem(payload);
    } catch {
      return undefined;
    }
  };

  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    const origin = request.headers.origin;
    const url = requestUrl(request);
    if (!url) return gatewayError(response, origin, 400, 'Bad Request');
    const method = request.method ?? 'GET';
    if (method === 'OPTIONS' && request.headers['access-control-request-method']) {
      // API Gateway answers preflights itself, before any route or authorizer.
      const allowed = origin && options.allowedOrigins.includes(origin);
      return send(
        response,
        204,
        allowed
          ? {
              'access-control-allow-origin': origin,
              'access-control-allow-methods': cors.allowMethods.join(','),
              'access-control-allow-headers': cors.allowHeaders.join(','),
              'access-control-max-age': cors.maxAgeSeconds,
              vary: 'origin',
            }
          : {},
        '',
      );
    }
    if (method === 'GET' && url.pathname === '/docs') {
      return send(response, 200, { 'content-type': 'text/html; charset=utf-8' }, apiReferencePage());
    }
    const matched = matchRoute(method, url.pathname);
    if (!matched) return gatewayError(response, origin, 404, 'Not Found');
    if (matched === 'malformed') return gatewayError(response, origin, 400, 'Bad Request');
    const body = await readBody(request);
    if (body === 'too large') return gatewayError(response, origin, 413, 'Request Entity Too Large');
    let claims: Record<string, string> | undefined;
    // Like the cloud: the JWT authorizer guards every route but the public and write-key ones.
    if (matched.route.roles !== 'public' && matched.route.roles !== 'writeKey') {
      claims = await verify(request.headers.authorization);
      if (!claims) return gatewayError(response, origin, 401, 'Unauthorized');
    }
    const target = await handlerFor(matched.route);
    if (!target) return gatewayError(response, origin, 500, 'Internal Server Error');
    const event = toEvent(request, url, matched.route, matched.pathParameters, body, claims);
    const outcome = await invokeHandler(target.handler, event, {
      functionName: target.name,
      timeoutSeconds: target.timeoutSeconds,
    });
    if (!outcome.ok) {
      process.stderr.write(`[api] ${target.name} failed: ${outcome.error.stack ?? outcome.error.message}\n`);
      return outcome.error.name === 'Sandbox.Timedout'
        ? gatewayError(response, origin, 503, 'Service Unavailable')
        : gatewayError(response, origin, 500, 'Internal Server Error');
    }
    const result = outcome.result as APIGatewayProxyStructuredResultV2;
    const payload = result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? '');
    const headers = { ...(result.headers ?? {}), ...corsHeaders(origin) };
    if (result.cookies?.length) response.setHeader('set-cookie', result.cookies);
    send(response, result.statusCode ?? 200, headers, payload);
  };

  const server = createServer((request, response) => {
    serve(request, response).catch((error: Error) => {
      process.stderr.write(`[api] ${error.stack ?? error.message}\n`);
      if (!response.headersSent) gatewayError(response, request.headers.origin, 500, 'Internal Server Error');
    });
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

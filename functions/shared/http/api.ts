/**
 * The HTTP stack every bounded context shares: one Lambda per context, routed with
 * @middy/http-router from the route table. Per route, in order: authentication (the JWT's
 * caller, or the channel's write key, checked by the context) and role (from
 * `schemas/routes.ts`), body size, validation of path, query and body, the version an update
 * read, Idempotency-Key, the context's handler, and a JSON answer: an unauthenticated request
 * is a 401 whatever its body. Errors become problem+json in `problem.ts` only.
 */
import middy from '@middy/core';
import httpRouterHandler from '@middy/http-router';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type { AccessReason } from '#schemas/audit.ts';
import type { WriteKeyCaller } from '#schemas/channels/write-key.ts';
import type { Caller } from '#schemas/roles.ts';
import type { RouteDefinition } from '#schemas/route-definition.ts';
import type * as z from '#schemas/zod.ts';
import { callerFromEvent } from '../caller.ts';
import { entryPoint } from '../entry-point.ts';
import { Forbidden, Unauthenticated } from '../errors.ts';
import { logger } from '../observability.ts';
import type { onceByKey } from './idempotency.ts';
import { problemResponse } from './problem.ts';
import { accessReason, expectedVersion, jsonBody, validate } from './request.ts';

type Output<R, K extends string> = R extends { [P in K]: infer S extends z.ZodMiniType }
  ? z.output<S>
  : undefined;

/** What a route handler receives: validated input and the caller. */
export type RouteRequest<R extends RouteDefinition> = {
  params: Output<R, 'params'>;
  query: Output<R, 'query'>;
  body: Output<R, 'body'>;
  /** Absent on public and write-key routes (see `writeKey`). */
  caller: R['roles'] extends 'public' | 'writeKey' ? undefined : Caller;
  /** The authenticated write key, on write-key routes. */
  writeKey: R['roles'] extends 'writeKey' ? WriteKeyCaller : undefined;
  /** The version the caller read (routes with `concurrency`). */
  expectedVersion: R extends { concurrency: true } ? number : undefined;
  accessReason: AccessReason;
  event: APIGatewayProxyEventV2WithJWTAuthorizer;
  context: Context;
};

/** A file a `document` route answers: its bytes (or text) and the name a browser saves it as. */
export type DocumentAnswer = { fileName: string; content: Uint8Array | string };

type ResponseBody<R extends RouteDefinition> = R['response'] extends { document: string }
  ? DocumentAnswer
  : R['response'] extends { body: infer B extends z.ZodMiniType }
    ? z.input<B>
    : unknown;

const statusMark = Symbol('status');
/** An answer with another status than the route's usual one (one of its `alsoStatus`). */
export type WithStatus<B> = { [statusMark]: number; body: B };

/** Answers `body` with `status`, e.g. 207 when some events of a batch were refused. */
export const withStatus = <B>(status: 202 | 207, body: B): WithStatus<B> => ({ [statusMark]: status, body });

export type RouteHandler<R extends RouteDefinition> = (
  request: RouteRequest<R>,
) => Promise<ResponseBody<R> | WithStatus<ResponseBody<R>>>;

/** The handlers of a context: exactly one per route of its route list. */
export type ContextHandlers<Rs extends readonly RouteDefinition[]> = {
  [R in Rs[number] as R['id']]: RouteHandler<R>;
};

const answer = (route: RouteDefinition, result: unknown): APIGatewayProxyStructuredResultV2 => {
  if (route.response.document) return documentAnswer(route.response.document, result as DocumentAnswer);
  const marked = typeof result === 'object' && result !== null && statusMark in result;
  const status = marked ? (result as WithStatus<unknown>)[statusMark] : route.response.status;
  const body = marked ? (result as WithStatus<unknown>).body : result;
  if (marked && !route.response.alsoStatus?.includes(status as 202 | 207)) {
    throw new Error(`route ${route.id} answered ${status}, which its declaration does not list`);
  }
  // Every answer is cut to its declared schema, in every environment: a field the route does not
  // declare (a customer's contact points in a search result, say) never leaves the function.
  const checked = route.response.body ? route.response.body.parse(body) : body;
  const version = (checked as { version?: unknown } | undefined)?.version;
  return {
    statusCode: status,
    headers: {
      'content-type': 'application/json',
      ...(typeof version === 'number' ? { etag: `"${version}"` } : {}),
    },
    body: checked === undefined ? '' : JSON.stringify(checked),
  };
};

const documentAnswer = (
  mediaType: string,
  { fileName, content }: DocumentAnswer,
): APIGatewayProxyStructuredResultV2 => ({
  statusCode: 200,
  headers: {
    'content-type': mediaType,
    'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
    // A customer's document: never kept by a shared cache or the browser's.
    'cache-control': 'private, no-store',
  },
  ...(typeof content === 'string'
    ? { body: content, isBase64Encoded: false }
    : { body: Buffer.from(content).toString('base64'), isBase64Encoded: true }),
});

/** How a context checks the write key of its write-key routes (the `X-Write-Key` header). */
export type WriteKeyAuthenticator = (secret: string | undefined) => Promise<WriteKeyCaller | undefined>;

export type HttpApiOptions = {
  authenticateWriteKey?: WriteKeyAuthenticator;
  /**
   * `onceByKey` of `./idempotency.ts`, given by the contexts that have an idempotent route: the
   * others do not bundle, nor load at init, Powertools idempotency and its JMESPath engine.
   */
  idempotency?: typeof onceByKey;
};

/** The write key's caller; a 401 without a usable key (or without an authenticator: fail closed). */
const writeKeyCaller = async (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  authenticate: WriteKeyAuthenticator | undefined,
): Promise<WriteKeyCaller> => {
  const writeKey = await authenticate?.(event.headers['x-write-key']);
  if (!writeKey) throw new Unauthenticated('Send a valid write key in the X-Write-Key header.');
  return writeKey;
};

const runRoute = async (
  route: RouteDefinition,
  handler: RouteHandler<RouteDefinition>,
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: Context,
  options: HttpApiOptions,
) => {
  const caller = route.roles === 'public' || route.roles === 'writeKey' ? undefined : callerFromEvent(event);
  if (caller && typeof route.roles !== 'string' && !caller.roles.some((role) => route.roles.includes(role))) {
    throw new Forbidden();
  }
  const writeKey =
    route.roles === 'writeKey' ? await writeKeyCaller(event, options.authenticateWriteKey) : undefined;
  logger.appendKeys({ route: route.id, callerId: caller?.id ?? writeKey?.id });
  const rawBody = jsonBody(event, route.maxBodyKB);
  const request = {
    params: route.params ? validate(route.params, event.pathParameters ?? {}) : undefined,
    query: route.query ? validate(route.query, event.queryStringParameters ?? {}) : undefined,
    body: route.body ? validate(route.body, rawBody ?? {}) : undefined,
    caller,
    writeKey,
    expectedVersion: route.concurrency ? expectedVersion(event, rawBody) : undefined,
    accessReason: accessReason(event),
    event,
    context,
  } as RouteRequest<RouteDefinition>;
  const body =
    route.idempotent && options.idempotency
      ? await options.idempotency(
          {
            routeId: route.id,
            callerId: caller?.id ?? 'public',
            key: event.headers['idempotency-key'],
            payload: rawBody,
            context,
          },
          () => handler(request),
        )
      : await handler(request);
  return answer(route, body);
};

/**
 * The Lambda handler of one bounded context, from its route list (`schemas/<context>/routes.ts`):
 * a function loads only its own routes and schemas.
 */
export const httpApi = <const Rs extends readonly RouteDefinition[]>(
  contextRoutes: Rs,
  handlers: NoInfer<ContextHandlers<Rs>>,
  options: HttpApiOptions = {},
) => {
  const table = handlers as unknown as Record<string, RouteHandler<RouteDefinition>>;
  const unkeyed = contextRoutes.find((route) => route.idempotent && !options.idempotency);
  if (unkeyed)
    throw new Error(`route ${unkeyed.id} is idempotent: pass { idempotency: onceByKey } to httpApi`);
  const router = httpRouterHandler<
    APIGatewayProxyEventV2WithJWTAuthorizer,
    APIGatewayProxyStructuredResultV2
  >(
    contextRoutes.map((route) => ({
      method: route.method,
      path: route.path,
      handler: (event: APIGatewayProxyEventV2WithJWTAuthorizer, ctx: Context) =>
        runRoute(route, table[route.id]!, event, ctx, options),
    })),
  );
  // A second before Lambda's own timeout the request is answered 503 with Retry-After (a timed
  // out Lambda would give the caller a bare 500).
  const routed = middy<APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2>(router, {
    timeoutEarlyInMillis: 1000,
  }).onError((request) => {
    request.response = problemResponse(request.error, request.event.rawPath);
  });
  return entryPoint('http', (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) =>
    routed(event, context),
  );
};

/**
 * What a route declares: method, path, context, roles, zod schemas, and the guarantees the
 * shared HTTP stack gives it (idempotency, optimistic concurrency). Each context lists its
 * routes in `schemas/<context>/routes.ts`; `schemas/routes.ts` concatenates them.
 */

import type { Role } from './roles.ts';
import type * as z from './zod.ts';

/** A bounded context that answers HTTP routes; each has one Lambda function with a router. */
export type HttpContext = 'customers' | 'platform' | 'channels' | 'analytics' | 'sales';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RouteDefinition = {
  /** operationId in OpenAPI, and the key of the route's handler in its context. */
  id: string;
  method: HttpMethod;
  /** API Gateway path template, e.g. `/v1/customers/{customerId}`. */
  path: string;
  context: HttpContext;
  summary: string;
  /**
   * Groups allowed to call the route; `public` for no authentication; `writeKey` for channels,
   * which authenticate with a write key that the context's handler checks.
   */
  roles: readonly Role[] | 'public' | 'writeKey';
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  /**
   * The usual status; a handler may answer another listed in `alsoStatus` (`withStatus`). A
   * `document` route answers a file of that media type (`DocumentAnswer`) instead of JSON.
   */
  response: {
    status: 200 | 201 | 204;
    body?: z.ZodMiniType;
    alsoStatus?: readonly (202 | 207)[];
    document?: 'application/pdf' | 'text/calendar';
  };
  /** Largest body accepted, in KB. @default 256 */
  maxBodyKB?: number;
  /** Creating POST: an `Idempotency-Key` header makes retries safe. */
  idempotent?: boolean;
  /** Update guarded by `version` (body) or `If-Match`; a stale version is a 409. */
  concurrency?: boolean;
};

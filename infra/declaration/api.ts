/** The HTTP API's own settings, declared once (its routes are in `schemas/<context>/routes.ts`). */
/** CORS of the HTTP API, answered by API Gateway in the cloud and by the sandbox locally. */
export const cors = {
  allowHeaders: [
    'authorization',
    'content-type',
    'idempotency-key',
    'if-match',
    'x-access-reason',
    'x-write-key',
  ],
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
  exposeHeaders: ['etag', 'location'],
  maxAgeSeconds: 600,
} as const;

/**
 * The OpenAPI 3.1 document, generated from the route table and its zod schemas (never written
 * by hand). Served at `/openapi.json`; `tests/unit/openapi.test.ts` snapshots it so any change
 * to the contract shows up in review.
 */

import { Problem } from './common.ts';
import type { RouteDefinition } from './route-definition.ts';
import { routes } from './routes.ts';
import * as z from './zod.ts';

type JsonSchema = Record<string, unknown>;

const problemStatuses: Record<number, string> = {
  400: 'Invalid request: `errors` names each offending field',
  401: 'No valid write key',
  403: 'The role of the caller does not allow this',
  404: 'Not found, or outside the caller’s scope',
  409: 'Conflict: the record changed since it was read (`currentVersion`), or the same Idempotency-Key is in progress',
  413: 'Body too large',
  422: 'Idempotency-Key reused with another body',
  428: 'Update sent without the version read',
  503: 'Not finished in time: retry after `Retry-After` seconds (a save may have been kept: read again first)',
};

/** What API Gateway itself answers, before any function: `{"message": "Unauthorized"}` and the like. */
const gatewayError = {
  type: 'object',
  properties: { message: { type: 'string' } },
  required: ['message'],
  description: 'Answered by API Gateway itself (no token, body over 10 MB, no such route).',
};

/** Converts a schema, moving named sub-schemas (`.meta({ id })`) into `components`. */
const converter = () => {
  const components: Record<string, JsonSchema> = {};
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node && typeof node === 'object') {
      return Object.fromEntries(
        Object.entries(node).map(([key, value]) =>
          key === '$ref' && typeof value === 'string'
            ? [key, value.replace('#/$defs/', '#/components/schemas/')]
            : [key, rewrite(value)],
        ),
      );
    }
    return node;
  };
  const convert = (schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema => {
    const {
      $schema: _,
      $defs,
      ...json
    } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema & {
      $defs?: Record<string, JsonSchema>;
    };
    for (const [id, def] of Object.entries($defs ?? {})) components[id] = rewrite(def) as JsonSchema;
    const id = z.globalRegistry.get(schema)?.id;
    if (id) {
      // zod puts a named schema that refers to itself in $defs and answers a bare $ref to it:
      // the definition is the one in $defs, never that reference.
      if (!$defs?.[id]) components[id] = rewrite(json) as JsonSchema;
      return { $ref: `#/components/schemas/${id}` };
    }
    return rewrite(json) as JsonSchema;
  };
  return { components, convert };
};

const parameters = (route: RouteDefinition, convert: ReturnType<typeof converter>['convert']) => {
  const list: JsonSchema[] = [];
  for (const [location, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const json = convert(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      list.push({
        name,
        in: location,
        required: location === 'path' || (json.required ?? []).includes(name),
        schema: property,
        ...(property.description ? { description: property.description } : {}),
      });
    }
  }
  if (route.idempotent) {
    list.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'A unique key (e.g. a UUID) per creation: a retry with the same key creates nothing twice.',
      schema: { type: 'string', minLength: 8, maxLength: 128 },
    });
  }
  if (route.concurrency) {
    list.push({
      name: 'If-Match',
      in: 'header',
      required: false,
      description: 'The version read, e.g. "3" (or send `version` in the body).',
      schema: { type: 'string' },
    });
  }
  return list;
};

export const openApiDocument = () => {
  const { components, convert } = converter();
  const problem = convert(Problem, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes as readonly RouteDefinition[]) {
    const secured = route.roles !== 'public';
    const byWriteKey = route.roles === 'writeKey';
    const errorStatuses = [
      400,
      ...(byWriteKey ? [401] : secured ? [403] : []),
      ...(route.params ? [404] : []),
      ...(route.concurrency ? [409, 428] : []),
      ...(route.idempotent ? [409, 422] : []),
      ...(route.body ? [413] : []),
      503,
    ];
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId: route.id,
      summary: route.summary,
      tags: [route.context],
      ...(byWriteKey
        ? {
            security: [{ writeKey: [] }],
            description: 'Authenticated by the channel’s write key (X-Write-Key).',
          }
        : secured
          ? {
              security: [{ cognito: [] }],
              description: `Roles: ${(route.roles as readonly string[]).join(', ')}.`,
            }
          : { security: [] }),
      parameters: parameters(route, convert),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: convert(route.body, 'input') } },
            },
          }
        : {}),
      responses: {
        ...Object.fromEntries(
          (route.response.alsoStatus ?? []).map((status) => [
            status,
            {
              description:
                status === 207 ? 'Some items were refused: see the answer' : 'Accepted, still running',
              ...(route.response.body
                ? { content: { 'application/json': { schema: convert(route.response.body, 'output') } } }
                : {}),
            },
          ]),
        ),
        [route.response.status]: {
          description: 'Success',
          ...(route.response.document
            ? { content: { [route.response.document]: { schema: { type: 'string', format: 'binary' } } } }
            : route.response.body
              ? { content: { 'application/json': { schema: convert(route.response.body, 'output') } } }
              : {}),
        },
        ...Object.fromEntries(
          [...new Set(errorStatuses)].map((status) => [
            status,
            {
              description: problemStatuses[status],
              content: { 'application/problem+json': { schema: problem } },
              ...(status === 503 ? { headers: { 'Retry-After': { schema: { type: 'integer' } } } } : {}),
            },
          ]),
        ),
        // The JWT authorizer's refusal comes from API Gateway, in its own shape.
        ...(secured && !byWriteKey
          ? {
              401: {
                description: 'No valid token (answered by API Gateway)',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/GatewayError' } } },
              },
            }
          : {}),
        ...(route.body
          ? {
              413: {
                description: `Body too large: over the route's limit (problem) or API Gateway's 10 MB (its own shape)`,
                content: {
                  'application/problem+json': { schema: problem },
                  'application/json': { schema: { $ref: '#/components/schemas/GatewayError' } },
                },
              },
            }
          : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Relais API',
      version: '1.0.0',
      description:
        'Relais, the CRM of the bank: customers, sales, service, channels, campaigns. Authenticate with the Cognito ID token as a bearer token.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: Object.fromEntries(
        Object.entries({ ...components, GatewayError: gatewayError }).sort(([a], [b]) => a.localeCompare(b)),
      ),
      securitySchemes: {
        cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        writeKey: { type: 'apiKey', in: 'header', name: 'X-Write-Key' },
      },
    },
  };
};

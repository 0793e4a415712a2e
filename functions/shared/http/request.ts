/**
 * Turns an API Gateway HTTP API (payload 2.0) event into the validated request a route handler
 * receives: path parameters, query and body checked against the route's zod schemas, with a 400
 * naming each offending field.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { AccessReason } from '#schemas/audit.ts';
import * as z from '#schemas/zod.ts';
import { type FieldError, PayloadTooLarge, PreconditionRequired, ValidationFailed } from '../errors.ts';

/** Bodies above a route's `maxBodyKB` (this by default) are refused with a 413 (API Gateway stops at 10 MB). */
export const defaultMaxBodyKB = 256;

const fieldErrors = (error: z.core.$ZodError, prefix?: string): FieldError[] =>
  error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || (prefix ?? 'body'),
    message: issue.message,
  }));

/** Parses `value` with `schema` or throws `ValidationFailed` naming the fields. */
export const validate = <S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  prefix?: string,
): z.output<S> => {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationFailed(fieldErrors(result.error, prefix));
  return result.data;
};

/** Deepest nesting of objects and arrays a body may have; no route needs more than a few levels. */
export const maxBodyDepth = 16;

/** How deeply `text` nests objects and arrays (brackets inside strings do not count). */
const nestingDepth = (text: string): number => {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
};

/**
 * The JSON body, or `undefined` when there is none. Refused with a 400: invalid JSON, nesting
 * deeper than `maxBodyDepth` (it would exhaust the stack of whatever walks it next, such as the
 * idempotency hash), and text that is not valid Unicode (a lone UTF-16 surrogate cannot be
 * stored or sent on).
 */
export const jsonBody = (event: APIGatewayProxyEventV2, maxKB = defaultMaxBodyKB): unknown => {
  if (!event.body) return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(text) > maxKB * 1024) throw new PayloadTooLarge(maxKB * 1024);
  if (nestingDepth(text) > maxBodyDepth) {
    throw new ValidationFailed([
      { field: 'body', message: `the body nests objects and arrays deeper than ${maxBodyDepth} levels` },
    ]);
  }
  let badText: string | undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (key, value) => {
      if (
        badText === undefined &&
        (!key.isWellFormed() || (typeof value === 'string' && !value.isWellFormed()))
      ) {
        badText = key;
      }
      return value;
    });
  } catch {
    throw new ValidationFailed([{ field: 'body', message: 'the body is not valid JSON' }]);
  }
  if (badText !== undefined) {
    throw new ValidationFailed([
      { field: badText || 'body', message: 'the text holds an invalid character (a lone UTF-16 surrogate)' },
    ]);
  }
  return parsed;
};

/**
 * The version the caller read, from `If-Match` (`"3"`, `W/"3"` or `3`) or the body's `version`
 * field. An update without it is refused: a lost update must never be silent.
 */
export const expectedVersion = (event: APIGatewayProxyEventV2, body: unknown): number => {
  const ifMatch = event.headers['if-match']?.replace(/^W\//, '').replace(/"/g, '').trim();
  const fromHeader = ifMatch ? Number(ifMatch) : undefined;
  const fromBody = (body as { version?: unknown } | undefined)?.version;
  const version = fromHeader ?? fromBody;
  if (version === undefined) throw new PreconditionRequired();
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new ValidationFailed([{ field: 'version', message: 'must be the integer version you read' }]);
  }
  return version;
};

/** Why the caller reads a customer file (`X-Access-Reason`), recorded in the audit trail. */
export const accessReason = (event: APIGatewayProxyEventV2): AccessReason =>
  validate(z._default(AccessReason, 'consultation'), event.headers['x-access-reason'], 'X-Access-Reason');

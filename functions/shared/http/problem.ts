/**
 * Maps every error to an RFC 9457 `application/problem+json` answer, in one place. Typed
 * errors keep their status and details; unknown errors are logged and answered as a bare 500
 * (never their message: it may hold internal details).
 */
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyValidationError,
} from '@aws-lambda-powertools/idempotency';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Problem } from '#schemas/common.ts';
import { Conflict, RelaisError, ServiceUnavailable, Unprocessable, ValidationFailed } from '../errors.ts';
import { logger } from '../observability.ts';

const problemType = (status: number) => `https://relais.example/problems/${status}`;

/** Typed errors that come from libraries, translated to ours. */
const translate = (error: unknown): unknown => {
  if (error instanceof IdempotencyAlreadyInProgressError) {
    return new Conflict('A request with this Idempotency-Key is still being processed; retry in a moment.');
  }
  if (error instanceof IdempotencyValidationError) {
    return new Unprocessable('This Idempotency-Key was already used with a different request body.');
  }
  // @middy/core's early timeout (shortly before Lambda's own): the caller may retry.
  if (error instanceof Error && error.name === 'TimeoutError') return new ServiceUnavailable();
  // @middy/http-router answers unknown routes with an http-errors style 404.
  if (error instanceof Error && (error as { statusCode?: number }).statusCode === 404) {
    return new RelaisError(404, 'Not found', 'No such route.');
  }
  return error;
};

export const problemResponse = (error: unknown, instance: string): APIGatewayProxyStructuredResultV2 => {
  const known = translate(error);
  let problem: Problem;
  if (known instanceof RelaisError) {
    problem = {
      type: problemType(known.status),
      title: known.title,
      status: known.status,
      detail: known.message,
      instance,
      ...(known instanceof ValidationFailed ? { errors: known.errors } : {}),
      ...(known instanceof Conflict && known.currentVersion !== undefined
        ? { currentVersion: known.currentVersion }
        : {}),
    };
    if (known.status >= 500) logger.error('request failed', { error: known });
  } else {
    logger.error('unexpected error', { error: known as Error });
    problem = { type: problemType(500), title: 'Internal error', status: 500, instance };
  }
  return {
    statusCode: problem.status,
    headers: {
      'content-type': 'application/problem+json',
      ...(known instanceof ServiceUnavailable ? { 'retry-after': String(known.retryAfterSeconds) } : {}),
    },
    body: JSON.stringify(problem),
  };
};

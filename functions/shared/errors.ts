/**
 * The typed errors of Relais. Domain code and handlers throw these; the HTTP layer maps them to
 * RFC 9457 problem details once (`http/problem.ts`). Anything else is a defect: it is logged
 * and answered as a 500 without details.
 */

export type FieldError = { field: string; message: string };

export class RelaisError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail?: string,
  ) {
    super(detail ?? title);
    this.name = new.target.name;
  }
}

/** 400: the request does not match its schema; `errors` names each offending field. */
export class ValidationFailed extends RelaisError {
  constructor(readonly errors: FieldError[]) {
    super(400, 'Invalid request', errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }
}

/** 401: no valid token. */
export class Unauthenticated extends RelaisError {
  constructor(detail = 'Sign in to continue.') {
    super(401, 'Authentication required', detail);
  }
}

/** 403: the caller's role does not allow this. */
export class Forbidden extends RelaisError {
  constructor(detail = 'Your role does not allow this action.') {
    super(403, 'Forbidden', detail);
  }
}

/**
 * 404: nothing there, or nothing the caller may see. A customer of another branch is a 404, so
 * that a refusal never confirms the customer exists.
 */
export class NotFound extends RelaisError {
  constructor(what: string) {
    super(404, 'Not found', `${what} was not found or is outside your scope.`);
  }
}

/** 409: the record changed since the caller read it (optimistic concurrency), or a duplicate. */
export class Conflict extends RelaisError {
  constructor(
    detail: string,
    readonly currentVersion?: number,
  ) {
    super(409, 'Conflict', detail);
  }
}

/** 413: the body is larger than the API accepts. */
export class PayloadTooLarge extends RelaisError {
  constructor(limitBytes: number) {
    super(413, 'Payload too large', `Request bodies are limited to ${Math.round(limitBytes / 1024)} KB.`);
  }
}

/** 422: well-formed but not acceptable, e.g. an Idempotency-Key reused with another body. */
export class Unprocessable extends RelaisError {
  constructor(detail: string) {
    super(422, 'Unprocessable request', detail);
  }
}

/** 428: an update without the version the caller read. */
export class PreconditionRequired extends RelaisError {
  constructor() {
    super(
      428,
      'Version required',
      'Send the version you read, as the `version` field or an If-Match header, so that no change is lost.',
    );
  }
}

/**
 * 503: the work did not finish in time (the function was about to time out) or the store is
 * throttling; the answer carries `Retry-After`. A write may have been saved: read it again
 * before retrying (a create with an `Idempotency-Key` can simply be retried).
 */
export class ServiceUnavailable extends RelaisError {
  constructor(
    detail = 'The service is busy. Try again in a moment; if you were saving, reload first to see whether your change was kept.',
    readonly retryAfterSeconds = 5,
  ) {
    super(503, 'Service unavailable', detail);
  }
}

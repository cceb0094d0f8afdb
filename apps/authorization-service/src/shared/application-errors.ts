/**
 * The refusals of the application, in its own words: each has a stable `code` (SPEC's error codes), a
 * detail for people and, where it helps the caller, extensions (field errors, when to retry). Features
 * throw these; only the HTTP edge (http/problem.filter.ts) turns them into statuses and problem+json.
 */
export abstract class ApplicationError extends Error {
  /** What kind of refusal this is; the edge maps each kind to one status. */
  abstract readonly kind: ApplicationErrorKind;

  constructor(
    readonly code: string,
    detail: string,
    /** Extra members of the answer (`errors`, `retryAfter`, …), in the order they are sent. */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail);
  }
}

export type ApplicationErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'unprocessable'
  | 'rate-limited'
  | 'internal'
  | 'not-supported'
  | 'unavailable';

/** Field name → what is wrong with it. */
export type FieldErrors = Readonly<Record<string, readonly string[]>>;

const withErrors = (errors: FieldErrors | undefined): Record<string, unknown> => (errors === undefined ? {} : { errors });

/** The request itself is malformed: a field, a header, a cursor. */
export class InvalidRequestError extends ApplicationError {
  override readonly name = 'InvalidRequestError';
  readonly kind = 'invalid';
  constructor(code: string, detail: string, errors?: FieldErrors) {
    super(code, detail, withErrors(errors));
  }

  /** The usual one: VALIDATION_FAILED naming the fields. */
  static fields(detail: string, errors: FieldErrors): InvalidRequestError {
    return new InvalidRequestError('VALIDATION_FAILED', detail, errors);
  }
}

/** Nobody (or nobody still known) is asking. */
export class UnauthenticatedError extends ApplicationError {
  override readonly name = 'UnauthenticatedError';
  readonly kind = 'unauthenticated';
  constructor(code: string, detail: string) {
    super(code, detail);
  }
}

/** The caller is known but may not do or read this. */
export class ForbiddenError extends ApplicationError {
  override readonly name = 'ForbiddenError';
  readonly kind = 'forbidden';
  constructor(code: string, detail: string) {
    super(code, detail);
  }
}

/** What the request names does not exist (or cannot, by its shape). */
export class NotFoundError extends ApplicationError {
  override readonly name = 'NotFoundError';
  readonly kind = 'not-found';
  constructor(what: string, id: string, code = 'NOT_FOUND') {
    super(code, `${what} ${id} does not exist`);
  }
}

/** The request contradicts the current state of what it acts on. */
export class ConflictError extends ApplicationError {
  override readonly name = 'ConflictError';
  readonly kind = 'conflict';
  constructor(code: string, detail: string) {
    super(code, detail);
  }
}

/** Well-formed, but it refers to something unknown or states something that cannot be. */
export class UnprocessableError extends ApplicationError {
  override readonly name = 'UnprocessableError';
  readonly kind = 'unprocessable';
  constructor(code: string, detail: string, errors?: FieldErrors) {
    super(code, detail, withErrors(errors));
  }
}

/** The caller's budget is used up; it may come back after `retryAfter` seconds. */
export class RateLimitedError extends ApplicationError {
  override readonly name = 'RateLimitedError';
  readonly kind = 'rate-limited';
  constructor(detail: string, readonly retryAfter: number) {
    super('RATE_LIMITED', detail, { retryAfter });
  }
}

/** Something the application holds to be impossible happened. */
export class InvariantError extends ApplicationError {
  override readonly name = 'InvariantError';
  readonly kind = 'internal';
  constructor(detail: string) {
    super('INTERNAL', detail);
  }
}

/** This replica does not offer what was asked (e.g. it keeps no decision log). */
export class NotSupportedError extends ApplicationError {
  override readonly name = 'NotSupportedError';
  readonly kind = 'not-supported';
  constructor(code: string, detail: string) {
    super(code, detail);
  }
}

/** Seconds a client waits before retrying an unavailable answer: the service is back within about a second of its store. */
export const RETRY_AFTER_SECONDS = 1;

/** Not now, retry: every one carries `retryAfter` (sent as Retry-After). */
export class UnavailableError extends ApplicationError {
  override readonly name = 'UnavailableError';
  readonly kind = 'unavailable';
  constructor(code: string, detail: string, extensions: Readonly<Record<string, unknown>> = {}) {
    super(code, detail, { retryAfter: RETRY_AFTER_SECONDS, ...extensions });
  }
}

/**
 * The database cannot be reached or dropped the connection (refused, reset, shut down, timed
 * out). Raised by the SQL clients in place of the driver's error, so every layer above sees one
 * transient error: the HTTP layer answers 503 with Retry-After, workers back off and retry.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  /** What the driver said ("connect ECONNREFUSED 127.0.0.1:5432"): for operators' lines, not for HTTP answers. */
  readonly reason: string;
  constructor(options: { readonly cause: unknown }) {
    // The message names no address (readiness shows it to anyone); loggers add the cause's.
    super('the store is unavailable', options);
    this.reason = reasonOf(options.cause);
  }
}

/** Socket errors of a connection that is gone or never came up. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs of a server that is going away or not accepting sessions: 57P01 admin_shutdown,
 * 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections; class 08 is
 * connection_exception.
 */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

/** Messages pg and pg-pool raise without a code when a connection ends or cannot be had. */
const DRIVER_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
  /^Connection ended/,
];

const codeOf = (error: object): string => {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
};

/** Read by shape, not `instanceof`: socket errors may come from another realm (e.g. a test VM). */
const messageOf = (error: object): string => {
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' ? message : '';
};

/** The errors of an AggregateError (one per address tried), by shape. */
const innerErrorsOf = (error: object): readonly unknown[] | null => {
  const errors = (error as { errors?: unknown }).errors;
  return Array.isArray(errors) ? errors : null;
};

/** Whether `error` says the database connection failed (rather than the statement). */
export const isConnectionFailure = (error: unknown): boolean => {
  if (error instanceof StoreUnavailableError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const code = codeOf(error);
  if (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  // Node reports a refused connection to every address of a host as one AggregateError.
  if (innerErrorsOf(error)?.some(isConnectionFailure)) return true;
  const message = messageOf(error);
  return DRIVER_MESSAGES.some((pattern) => pattern.test(message));
};

/** `error` as a StoreUnavailableError when it is a connection failure, else unchanged. */
export const asStoreError = (error: unknown): unknown => (isConnectionFailure(error) && !(error instanceof StoreUnavailableError) ? new StoreUnavailableError({ cause: error }) : error);

/** Runs `work`, raising a StoreUnavailableError for any connection failure. */
export const guardConnection = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error: unknown) {
    throw asStoreError(error);
  }
};

/** Finds a StoreUnavailableError in `error` or its causes (callers may wrap it). */
export const findStoreUnavailable = (error: unknown): StoreUnavailableError | null => {
  for (let current: unknown = error, depth = 0; typeof current === 'object' && current !== null && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    if (current instanceof StoreUnavailableError) return current;
  }
  return null;
};

function reasonOf(cause: unknown): string {
  if (typeof cause !== 'object' || cause === null) return 'connection failed';
  const inner = innerErrorsOf(cause);
  if (inner !== null && inner.length > 0) return reasonOf(inner[0]);
  const code = codeOf(cause);
  const message = messageOf(cause);
  // Socket messages name the address ("connect ECONNREFUSED 127.0.0.1:5432"), never the password.
  return code && !message.includes(code) ? `${message || 'connection failed'} (${code})` : message || 'connection failed';
}

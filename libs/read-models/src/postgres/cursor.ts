/** Opaque page cursors: base64url of the last item's sort key. Clients must not parse them. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  readonly code = 'INVALID_CURSOR';
  constructor() {
    super('cursor is not one this service issued');
  }
}

export const encodeCursor = (key: readonly string[]): string => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

export const decodeCursor = (cursor: string, length: number): string[] => {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(value) || value.length !== length || !value.every((part): part is string => typeof part === 'string')) throw new InvalidCursorError();
  return value;
};

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 50;

export class InvalidLimitError extends Error {
  override readonly name = 'InvalidLimitError';
  readonly code = 'INVALID_LIMIT';
  constructor(limit: number) {
    super(`limit must be an integer 1..${MAX_LIMIT}, got ${limit}`);
  }
}

export const checkLimit = (limit: number | undefined): number => {
  const value = limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(value) || value < 1 || value > MAX_LIMIT) throw new InvalidLimitError(value);
  return value;
};

export class InvalidFilterError extends Error {
  override readonly name = 'InvalidFilterError';
  readonly code = 'INVALID_FILTER';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** An ISO-8601 instant for a time filter; anything else is the caller's mistake, not a 5xx. */
export const checkInstant = (field: string, value: string | undefined): string | undefined => {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new InvalidFilterError(field, 'not an ISO-8601 instant');
  return new Date(time).toISOString();
};

/** Values as both SQL clients return them: timestamptz as Date (pg, PGlite) or string. */
export const isoOf = (value: unknown): string => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString());
export const isoOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : isoOf(value));

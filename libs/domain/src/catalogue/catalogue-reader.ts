/** Small typed readers over untrusted JSON; each failure names the path of the bad entry. */
import type { DisplayNames } from './catalogue.js';
import { CatalogueError } from './catalogue-error.js';

export type JsonObject = Readonly<Record<string, unknown>>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function readObject(value: unknown, path: string, allowedKeys: readonly string[]): JsonObject {
  if (!isObject(value)) throw new CatalogueError(path, 'must be an object');
  for (const key of Object.keys(value)) {
    if (!allowedKeys.includes(key)) throw new CatalogueError(`${path}.${key}`, 'unknown key');
  }
  return value;
}

export function readArray(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new CatalogueError(path, 'must be an array');
  return value;
}

export function readString(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new CatalogueError(path, 'must be a non-empty string');
  return value;
}

export function readPositiveInteger(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new CatalogueError(path, 'must be a positive integer');
  }
  return value;
}

/** A list of distinct items; `read` validates one item. */
export function readDistinct<T>(value: unknown, path: string, read: (item: unknown, itemPath: string) => T): T[] {
  const items = readArray(value, path).map((item, index) => read(item, `${path}[${index}]`));
  items.forEach((item, index) => {
    if (items.indexOf(item) !== index) throw new CatalogueError(`${path}[${index}]`, `duplicate ${String(item)}`);
  });
  return items;
}

export function readNames(value: unknown, path: string): DisplayNames {
  if (value === undefined) throw new CatalogueError(path, 'required: {"zh-Hant", "en"}');
  const names = readObject(value, path, ['zh-Hant', 'en']);
  return { 'zh-Hant': readString(names['zh-Hant'], `${path}.zh-Hant`), en: readString(names.en, `${path}.en`) };
}

const ID_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

export function readId(value: unknown, path: string): string {
  const id = readString(value, path);
  if (!ID_PATTERN.test(id)) throw new CatalogueError(path, `"${id}" is not a dotted lower-case id`);
  return id;
}

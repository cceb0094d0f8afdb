/**
 * STYLE §16b: stored JSON becomes a domain event in one place, the domain's codec
 * (libs/domain/src/codec/), with upcasters applied on read. This scans the production code of
 * apps/ and libs/ for the ways around it: `as unknown as`, a hand-made `{ type: x.type, data: x.data }`
 * cast to an event, and a hand-kept set of event types.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const CODEC = 'libs/domain/src/codec/';

/** Casts that are not about events, each with why it stays. Adding one here is a review decision. */
const NOT_EVENTS: Readonly<Record<string, string>> = {
  'apps/authorization-service/src/http/create-http-app.ts': 'the hand-written OpenAPI paths of the raw check routes into the generated document',
  'apps/console/src/api/generated/client/client.gen.ts': "the console's API client, generated from /openapi.json by @hey-api/openapi-ts (not ours to edit)",
  'apps/authorization-service/src/http/openapi.ts': "the generated OpenAPI document and class-validator's metadata storage (untyped library internals)",
  'libs/messaging/src/kafka/kafka-notice-publisher.ts': "kafkajs' protocol error type (its typings omit `type`)",
};

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'testing' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name) ? [path] : [];
  });

const files = ['apps', 'libs'].flatMap((top) => sourceFiles(join(ROOT, top))).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
const outsideCodec = files.filter((file) => !file.path.startsWith(CODEC));

const offenders = (pattern: RegExp, allowed: Readonly<Record<string, string>> = {}): string[] =>
  outsideCodec.flatMap(({ path, text }) =>
    allowed[path] !== undefined ? [] : text.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
  );

describe('one event codec (STYLE §16b)', () => {
  it('scans the production code', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((file) => file.path === `${CODEC}event-codec.ts`)).toBe(true);
  });

  it('has no `as unknown as` outside the codec but the listed non-event casts', () => {
    expect(offenders(/\bas unknown as\b/, NOT_EVENTS)).toEqual([]);
  });

  it('builds no event from a stored one by hand ({ type: x.type, data: x.data } cast)', () => {
    expect(offenders(/\{\s*type:\s*\w+\.type,\s*data:\s*\w+\.data\b[^}]*\}\s*\)?\s*as\b/)).toEqual([]);
  });

  it('keeps no hand-made list of event types (the codec has the table)', () => {
    expect(offenders(/new Set<[^>]*(EventType|Event\['type'\])[^>]*>\(/)).toEqual([]);
  });
});

/**
 * STYLE §16a: one way to consume the log. A process reads the global log through its one
 * ProcessorHost (libs/processors); a read model or a reactor registers with it instead of calling
 * `subscribeToAll` itself. This scans the production code of apps/ and libs/ for other callers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** Where the subscription is implemented or is the host's own. */
const PLACES_OF_THE_SUBSCRIPTION = ['libs/processors/src/', 'libs/event-store/src/'];

/**
 * Callers still moving onto the host, each with why it stays for now. An entry that no longer calls
 * `subscribeToAll` fails the test below: delete it when its consumer has moved.
 */
const MOVING: Readonly<Record<string, string>> = {};

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'testing' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.(spec|int-spec|e2e-spec)\.tsx?$/.test(entry.name) ? [path] : [];
  });

const files = ['apps', 'libs'].flatMap((top) => sourceFiles(join(ROOT, top))).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
const CALL = /\.subscribeToAll\s*\(/;
const callers = files.filter((file) => CALL.test(file.text)).map((file) => file.path);

describe('one subscription per process (STYLE §16a)', () => {
  it('scans the production code and finds the host', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(callers).toContain('libs/processors/src/host.ts');
  });

  it('has no caller of subscribeToAll outside libs/processors and the event store but the listed ones', () => {
    const outside = callers.filter((path) => !PLACES_OF_THE_SUBSCRIPTION.some((place) => path.startsWith(place)) && MOVING[path] === undefined);
    expect(outside).toEqual([]);
  });

  it('lists no consumer that has moved already', () => {
    expect(Object.keys(MOVING).filter((path) => !callers.includes(path))).toEqual([]);
  });

  it('keeps exactly one call in the host', () => {
    const host = files.find((file) => file.path === 'libs/processors/src/host.ts');
    expect(host?.text.split('\n').filter((line) => CALL.test(line))).toHaveLength(1);
  });
});

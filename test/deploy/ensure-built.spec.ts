/**
 * scripts/ensure-built.mjs, which the production tests and `npm run token` call before using dist/:
 * it builds only when a source is newer than the build. The build writes the console's API client
 * under apps/ after compiling, so counting that as a source made every call rebuild — and the
 * rebuild replaced the console's files under the browser tests serving them (a CI run saw chunks
 * vanish mid-page). Run here on a copy of the script in a tree of its own: a stale tree makes it
 * start `npm run build` (which fails there, with no package.json); a current one does nothing.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'ensure-built.mjs');

let root = '';
const at = (path: string, secondsAgo: number): void => {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, '');
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(file, when, when);
};
const ensureBuilt = (): string => {
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'ensure-built.mjs')], { cwd: root, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'silent' } });
  return run.stderr;
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ensure-built-'));
  mkdirSync(join(root, 'scripts'));
  copyFileSync(SCRIPT, join(root, 'scripts', 'ensure-built.mjs'));
  at('apps/cli/src/main.ts', 300);
  at('libs/domain/src/index.ts', 300);
  at('dist/apps/cli/src/main.js', 200);
  at('dist/console/index.html', 100);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('ensure-built', () => {
  it('does nothing when the build is newer than every source', () => {
    expect(ensureBuilt()).not.toContain('building');
  });

  it('does nothing when only the generated API client is newer (the build writes it after compiling)', () => {
    at('apps/console/src/api/generated/sdk.gen.ts', 150);
    expect(ensureBuilt()).not.toContain('building');
  });

  it('builds when a source is newer than the compiled apps', () => {
    at('libs/domain/src/index.ts', 0);
    expect(ensureBuilt()).toContain('building');
  });

  it('builds when a source is newer than the console though the apps were compiled since (tsc run alone)', () => {
    at('dist/apps/cli/src/main.js', 100);
    at('dist/console/index.html', 200);
    at('apps/console/src/main.tsx', 150);
    expect(ensureBuilt()).toContain('building');
  });

  it('builds when the console was never built', () => {
    rmSync(join(root, 'dist', 'console'), { recursive: true });
    expect(ensureBuilt()).toContain('building');
  });
});

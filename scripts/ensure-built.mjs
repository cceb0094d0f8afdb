// Builds once when dist/ (or the console in dist/console) is missing or older than the sources, so `npm run token` and friends just work.
// The build's own outputs under the source tree (the console's generated API client, written after tsc)
// are not sources: counting them made every call after a fresh `npm run build` rebuild, deleting the
// console's files under the browser tests that were serving them.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const marker = join(root, 'dist', 'apps', 'cli', 'src', 'main.js');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'generated' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const consoleIndex = join(root, 'dist', 'console', 'index.html');
const stale =
  !existsSync(marker) || !existsSync(consoleIndex) || Math.max(newest(join(root, 'apps')), newest(join(root, 'libs'))) > Math.min(statSync(marker).mtimeMs, statSync(consoleIndex).mtimeMs);
if (stale) {
  process.stderr.write('building (npm run build)…\n');
  execSync('npm run build --silent', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

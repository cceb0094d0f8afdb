// Builds once when dist/ (or the console in dist/console) is missing or older than the sources, so `npm run token` and friends just work.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const marker = join(root, 'dist', 'apps', 'cli', 'src', 'main.js');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const stale = !existsSync(marker) || !existsSync(join(root, 'dist', 'console', 'index.html')) || Math.max(newest(join(root, 'apps')), newest(join(root, 'libs'))) > statSync(marker).mtimeMs;
if (stale) {
  process.stderr.write('building (npm run build)…\n');
  execSync('npm run build --silent', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

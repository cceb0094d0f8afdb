// `npm run build`'s last step: the console's API client from the freshly compiled API's OpenAPI
// document, then the Vite build into dist/console (outside git), which the API serves at `/`.
import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(consoleDir, '..', '..');
// Always a production build: under jest (NODE_ENV=test), as when a test's ensure-built rebuilt it,
// Vite would bundle React's and Ant Design's development code (70 KB more, and warnings in the console).
const env = { ...process.env, NODE_ENV: 'production' };
const run = (script, args) => execFileSync(process.execPath, [script, ...args], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
run(join(consoleDir, 'scripts', 'generate-api.mjs'), []);
// Built beside dist/console and swapped in by two renames, so a server serving the old build never
// finds its directory half empty (a rebuild under running browser tests once did exactly that).
const target = join(root, 'dist', 'console');
const next = `${target}.next-${process.pid}`;
const old = `${target}.old-${process.pid}`;
run(join(root, 'node_modules', 'vite', 'bin', 'vite.js'), ['build', '--config', join(consoleDir, 'vite.config.ts'), '--logLevel', 'warn', '--outDir', next, '--emptyOutDir']);
if (existsSync(target)) renameSync(target, old);
renameSync(next, target);
rmSync(old, { recursive: true, force: true });

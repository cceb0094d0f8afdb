// `npm run build`'s last step: the console's API client from the freshly compiled API's OpenAPI
// document, then the Vite build into dist/console (outside git), which the API serves at `/`.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(consoleDir, '..', '..');
const run = (script, args) => execFileSync(process.execPath, [script, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
run(join(consoleDir, 'scripts', 'generate-api.mjs'), []);
run(join(root, 'node_modules', 'vite', 'bin', 'vite.js'), ['build', '--config', join(consoleDir, 'vite.config.ts'), '--logLevel', 'warn']);

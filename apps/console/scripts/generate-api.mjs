// Generates the console's API client (types and one function per operation) from the API's own
// OpenAPI document, so no request or answer shape is written twice. Output: src/api/generated
// (gitignored; `npm run build` regenerates it; `--if-missing`, as the lint runs it, only when absent).
import { createClient } from '@hey-api/openapi-ts';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from './openapi-document.mjs';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(consoleDir, '..', '..');
const output = join(consoleDir, 'src', 'api', 'generated');
if (process.argv.includes('--if-missing') && existsSync(join(output, 'sdk.gen.ts'))) process.exit(0);
// The document comes from the compiled API: compile it first on a fresh checkout (lint runs before build).
if (!existsSync(join(root, 'dist', 'apps', 'authorization-service', 'src', 'authorization-service.module.js'))) {
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'scripts', 'copy-assets.mjs')], { cwd: root, stdio: 'inherit' });
}
const work = mkdtempSync(join(tmpdir(), 'console-api-'));
try {
  const input = join(work, 'openapi.json');
  writeFileSync(input, JSON.stringify(await openApiDocument()));
  await createClient({
    input,
    output: { path: output, clean: true },
    plugins: ['@hey-api/typescript', { name: '@hey-api/sdk' }, { name: '@hey-api/client-fetch' }],
    logs: { level: 'warn' },
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(0);

// Copies the non-TypeScript files the compiled code needs next to it in dist/ (catalogue, schemas).
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const assets = [
  ['libs/domain/catalogue', 'dist/libs/domain/catalogue'],
  ['libs/contracts/schemas', 'dist/libs/contracts/schemas'],
  ['libs/contracts/asyncapi.yaml', 'dist/libs/contracts/asyncapi.yaml'],
];
for (const [from, to] of assets) {
  const source = join(root, from);
  if (!existsSync(source)) continue;
  mkdirSync(dirname(join(root, to)), { recursive: true });
  cpSync(source, join(root, to), { recursive: true });
}

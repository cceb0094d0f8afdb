// Writes the API's OpenAPI document (what GET /openapi.json serves) from the compiled API, without
// listening on a port: the console's client types are generated from it (generate-api.mjs).
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const dist = (path) => join(root, 'dist', path);

export async function openApiDocument() {
  const { loadConfig, PlatformModule } = await import(dist('libs/platform/src/index.js'));
  const { AuthorizationServiceModule } = await import(dist('apps/authorization-service/src/authorization-service.module.js'));
  const { createHttpApp } = await import(dist('apps/authorization-service/src/http/create-http-app.js'));
  const data = mkdtempSync(join(tmpdir(), 'console-openapi-'));
  const config = loadConfig({ EVENT_STORE_URL: `pglite://${join(data, 'events')}`, AUTH_JWT_SECRET: 'openapi-document-only-secret-0123456789', SEED_DEMO: 'false', LOG_LEVEL: 'silent' }, { stdoutIsTTY: false });
  class DocumentModule {}
  Module({ imports: [PlatformModule.forRoot(config, { httpLogging: false }), AuthorizationServiceModule] })(DocumentModule);
  const app = await createHttpApp(DocumentModule, { logger: false });
  try {
    await app.init();
    const answer = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/openapi.json' });
    if (answer.statusCode !== 200) throw new Error(`GET /openapi.json answered ${answer.statusCode}`);
    return JSON.parse(answer.body);
  } finally {
    await app.close();
    rmSync(data, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  const document = JSON.stringify(await openApiDocument(), null, 2);
  if (out) writeFileSync(out, `${document}\n`);
  else process.stdout.write(`${document}\n`);
  process.exit(0);
}

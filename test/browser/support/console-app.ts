import 'reflect-metadata';
import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SignJWT } from 'jose';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { DemoSeed } from '../../../apps/all-in-one/src/demo-seed.js';
import { AuthorizationServiceModule } from '../../../apps/authorization-service/src/authorization-service.module.js';
import { consoleDirectory } from '../../../apps/authorization-service/src/http/console-static.js';
import { createHttpApp } from '../../../apps/authorization-service/src/http/create-http-app.js';
import { ProjectorModule } from '../../../apps/projector/src/projector.module.js';
import { devSecretFile, loadConfig, PlatformModule } from '../../../libs/platform/src/index.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** The console must be built (npm run build does it; a test run from a fresh checkout builds it here). */
export function ensureConsoleBuilt(): string {
  if (consoleDirectory() === null) execFileSync(process.execPath, [join(ROOT, 'apps', 'console', 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const dir = consoleDirectory();
  if (dir === null) throw new Error('the console is not built (dist/console/index.html); run npm run build');
  return dir;
}

export interface ConsoleApp {
  readonly url: string;
  readonly app: NestFastifyApplication;
  /** A token as `npm run token` mints it (the dev secret), for the CRM's checks over HTTP. */
  serviceToken(sub: string, scope: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The API with its projector and the demo call center on a fresh embedded store (PGlite under a
 * temporary directory), as `npm start` runs it: the generated dev secret is in use, so the console
 * offers the demo sign-in. `env` adds configuration (e.g. OIDC_ISSUER, which turns the dev secret off).
 */
export async function startConsoleApp(env: Record<string, string> = {}): Promise<ConsoleApp> {
  ensureConsoleBuilt();
  const data = mkdtempSync(join(tmpdir(), 'console-browser-'));
  const config = loadConfig({ EVENT_STORE_URL: `pglite://${join(data, 'events')}`, SEED_DEMO: 'true', LOG_LEVEL: 'silent', ...env }, { stdoutIsTTY: false });
  @Module({ imports: [PlatformModule.forRoot(config, { httpLogging: false }), AuthorizationServiceModule, ProjectorModule], providers: [DemoSeed] })
  class BrowserTestModule {}
  const app = await createHttpApp(BrowserTestModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    serviceToken: async (sub, scope) => {
      const secret = readFileSync(devSecretFile(config), 'utf8').trim();
      return new SignJWT({ scope }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt().setExpirationTime('10m').sign(new TextEncoder().encode(secret));
    },
    close: async () => {
      await app.close();
      if (existsSync(data)) rmSync(data, { recursive: true, force: true });
    },
  };
}

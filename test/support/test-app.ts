import 'reflect-metadata';
import { type DynamicModule, Module, type Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SignJWT } from 'jose';
import { createTestDatabase } from '../../libs/sql/src/testing/test-database.js';
import request from 'supertest';
import { AuthorizationServiceModule } from '../../apps/authorization-service/src/authorization-service.module.js';
import { createHttpApp } from '../../apps/authorization-service/src/http/create-http-app.js';
import { loadConfig, PlatformModule } from '../../libs/platform/src/index.js';
import { ProjectorModule } from '../../apps/projector/src/projector.module.js';

export const TEST_SECRET = 'test-secret-of-at-least-thirty-two-characters!';
export const TEST_PG_URL = process.env['TEST_PG_URL'] ?? 'postgres://authz:authz@127.0.0.1:55432/authz';
export { HOOK_TIMEOUT_MS, WAIT_BOUND_MS } from './timeouts.js';

/** A fresh PostgreSQL database for one suite. */
export async function freshDatabase(prefix: string): Promise<string> {
  return (await createTestDatabase(prefix, TEST_PG_URL)).url;
}

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly http: ReturnType<typeof request>;
  token(sub: string, options?: { scope?: string; expiresIn?: string; secret?: string }): Promise<string>;
  close(): Promise<void>;
}

/** The API plus the projector in one process, on the given stores, listening on a real socket. */
export async function startTestApp(env: Record<string, string> = {}, options: { modules?: readonly (Type<unknown> | DynamicModule)[]; projector?: boolean } = {}): Promise<TestApp> {
  const config = loadConfig({
    EVENT_STORE_URL: 'pglite://memory',
    AUTH_JWT_SECRET: TEST_SECRET,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    CONSISTENCY_WAIT_MS: '5000',
    ...env,
  });
  const workers = [...(options.projector === false ? [] : [ProjectorModule]), ...(options.modules ?? [])];
  @Module({ imports: [PlatformModule.forRoot(config, { httpLogging: false }), AuthorizationServiceModule, ...workers] })
  class TestModule {}
  const app = await createHttpApp(TestModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const http = request(app.getHttpServer());
  return {
    app,
    http,
    token: (sub, options = {}) => mint(sub, options),
    close: () => app.close(),
  };
}

export async function mint(sub: string, options: { scope?: string; expiresIn?: string; secret?: string } = {}): Promise<string> {
  const jwt = new SignJWT(options.scope ? { scope: options.scope } : {})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '10m');
  return jwt.sign(new TextEncoder().encode(options.secret ?? TEST_SECRET));
}

import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { devSecretFile } from '../../../libs/platform/src/index.js';
import { auditSigningKeyFile } from '../../../libs/platform/src/audit-signing-key.js';
import { AuthorizationServiceModule } from '../../authorization-service/src/authorization-service.module.js';
import { consoleDirectory } from '../../authorization-service/src/http/console-static.js';
import { createHttpApp } from '../../authorization-service/src/http/create-http-app.js';
import { serveHttp } from '../../authorization-service/src/run-main.js';
import { loadConfig, PlatformModule, redactUrl } from '../../../libs/platform/src/index.js';
import { BACKGROUND_MODULES } from './background-modules.js';
import { startBanner } from './banner.js';
import { DEMO_DIRECTORY, DemoSeed } from './demo-seed.js';

/**
 * Everything in one process on the embedded default (PGlite under ./data): the API, the projector,
 * the notice relay, the expiry scheduler and the people cascade — the same modules that run as
 * separate processes in production. At a terminal it ends start-up with a banner (where, which
 * store, who, how to get a token); elsewhere with one JSON line. Credentials are never logged.
 */
await serveHttp(async () => {
  const config = loadConfig();
  @Module({ imports: [PlatformModule.forRoot(config), AuthorizationServiceModule, ...BACKGROUND_MODULES], providers: [DemoSeed] })
  class AllInOneModule {}
  const app = await createHttpApp(AllInOneModule);
  await app.listen(config.port, config.host);
  const port = (app.getHttpServer().address() as AddressInfo | null)?.port ?? config.port;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  const devSecret = config.embedded && !config.auth.jwtSecret && !config.auth.jwksUrl && !config.auth.oidcIssuer;
  const auditKeyFile = config.embedded && config.audit.signingKeyPem === null ? auditSigningKeyFile(config.eventStoreUrl) : null;
  if (config.logPretty) {
    const banner = startBanner({
      url,
      console: consoleDirectory() !== null,
      eventStoreUrl: config.eventStoreUrl,
      readStoreUrl: config.readStoreUrl,
      demo: config.seedDemo ? DEMO_DIRECTORY : null,
      tokens: devSecret ? 'dev-secret' : config.auth.jwtSecret ? 'secret' : 'jwks',
      auditKeyFile,
    });
    process.stdout.write(`${banner.join('\n')}\n`);
    return app;
  }
  const logger = new Logger('Start');
  logger.log(`listening on ${url} — docs at ${url}/docs, store ${redactUrl(config.eventStoreUrl)}`);
  if (devSecret) logger.log(`dev JWT secret kept in ${devSecretFile(config)}; mint a token with: npm run token -- E101`);
  if (auditKeyFile) logger.log(`audit anchors signed with the key kept in ${auditKeyFile}`);
  return app;
});

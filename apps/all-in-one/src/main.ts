import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { devSecretFile } from '../../../libs/platform/src/index.js';
import { AuthorizationServiceModule } from '../../authorization-service/src/authorization-service.module.js';
import { createHttpApp } from '../../authorization-service/src/http/create-http-app.js';
import { runMain } from '../../authorization-service/src/run-main.js';
import { loadConfig, PlatformModule } from '../../../libs/platform/src/index.js';
import { BACKGROUND_MODULES } from './background-modules.js';
import { DemoSeed } from './demo-seed.js';

/**
 * Everything in one process on the embedded default (PGlite under ./data): the API, the projector,
 * the notice relay, the expiry scheduler and the people cascade — the same modules that run as
 * separate processes in production.
 */
await runMain(async () => {
  const config = loadConfig();
  @Module({ imports: [PlatformModule.forRoot(config), AuthorizationServiceModule, ...BACKGROUND_MODULES], providers: [DemoSeed] })
  class AllInOneModule {}
  const app = await createHttpApp(AllInOneModule);
  await app.listen(config.port, config.host);
  const logger = new Logger('Start');
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  logger.log(`listening on ${url} — docs at ${url}/docs, store ${config.eventStoreUrl}`);
  if (config.embedded && !config.auth.jwtSecret && !config.auth.jwksUrl) {
    logger.log(`dev JWT secret kept in ${devSecretFile(config)}; mint a token with: npm run token -- E101`);
  }
  return app;
});

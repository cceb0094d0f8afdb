import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { loadConfig, PlatformModule } from '../../../libs/platform/src/index.js';
import { AuthorizationServiceModule } from './authorization-service.module.js';
import { createHttpApp } from './http/create-http-app.js';
import { runMain } from './run-main.js';

/** One API replica: HTTP, commands, queries and checks. Projector, relay and scheduler run apart. */
await runMain(async () => {
  const config = loadConfig();
  @Module({ imports: [PlatformModule.forRoot(config), AuthorizationServiceModule] })
  class ApiModule {}
  const app = await createHttpApp(ApiModule);
  await app.listen(config.port, config.host);
  return app;
});

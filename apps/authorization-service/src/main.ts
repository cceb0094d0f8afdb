import 'reflect-metadata';
import { Module } from '@nestjs/common';
import cluster from 'node:cluster';
import { loadConfig, PlatformModule } from '../../../libs/platform/src/index.js';
import { AuthorizationServiceModule } from './authorization-service.module.js';
import { createHttpApp } from './http/create-http-app.js';
import { apiWorkers, serveHttp, superviseWorkers } from './run-main.js';

/**
 * One API replica: HTTP, commands, queries and checks. Projector, relay and scheduler run apart.
 * With API_WORKERS > 1 this process is the primary of that many workers, each such a replica on the same port.
 */
const workers = apiWorkers(process.env['API_WORKERS']);
if (workers > 1 && cluster.isPrimary) superviseWorkers(workers);
else {
  await serveHttp(async () => {
    const config = loadConfig();
    @Module({ imports: [PlatformModule.forRoot(config), AuthorizationServiceModule] })
    class ApiModule {}
    const app = await createHttpApp(ApiModule);
    await app.listen(config.port, config.host);
    return app;
  });
}

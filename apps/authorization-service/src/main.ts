import 'reflect-metadata';
import { type BeforeApplicationShutdown, type INestApplication, Injectable, Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import cluster from 'node:cluster';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig, PlatformModule } from '../../../libs/platform/src/index.js';
import { AuthorizationServiceModule } from './authorization-service.module.js';
import { HealthController } from './health/health.controller.js';
import { createHttpApp } from './http/create-http-app.js';
import { apiWorkers, runMain, SHUTDOWN_TIMEOUT_MS, superviseWorkers } from './run-main.js';

/** How long readiness stays red while requests are still served, so load balancers stop sending first. */
const DRAIN_MS = 1000;

/**
 * First step of the shutdown (the root module's hooks run before its imports'): readiness turns 503,
 * then the server keeps serving for DRAIN_MS before Nest stops accepting and waits for in-flight requests.
 */
@Injectable()
class Drain implements BeforeApplicationShutdown {
  constructor(private readonly moduleRef: ModuleRef) {}

  async beforeApplicationShutdown(): Promise<void> {
    this.moduleRef.get(HealthController, { strict: false }).beforeApplicationShutdown();
    await sleep(DRAIN_MS);
  }
}

/**
 * One API replica: HTTP, commands, queries and checks. Projector, relay and scheduler run apart.
 * With API_WORKERS > 1 this process is the primary of that many workers, each such a replica on the same port.
 */
const workers = apiWorkers(process.env['API_WORKERS']);
if (workers > 1 && cluster.isPrimary) superviseWorkers(workers);
else {
  /** Set once listening: a signal before that (a worker of a process group stopped while it starts) has nothing to drain. */
  let serving: INestApplication | undefined;
  let closing = false;
  // Listened to before the start, so a signal during it is not left to the default (death by signal)
  // nor to Nest's hook alone, which would re-raise it after a shutdown that ran beside the start.
  // Nest re-raises the signal once closed (exit by signal); a completed graceful shutdown exits 0 instead.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      if (serving === undefined) process.exit(0);
      setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
      serving.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  await runMain(async () => {
    const config = loadConfig();
    @Module({ imports: [PlatformModule.forRoot(config), AuthorizationServiceModule], providers: [Drain] })
    class ApiModule {}
    const app = await createHttpApp(ApiModule);
    // Once closing, every answer ends its keep-alive connection: the server's close would otherwise wait for
    // the client to drop it (Fastify keeps idle connections 72 s), and the client reconnects to another replica.
    app.getHttpAdapter().getInstance().addHook('onSend', (_request, reply, payload, done) => {
      if (closing) void reply.header('connection', 'close');
      done(null, payload);
    });
    await app.listen(config.port, config.host);
    serving = app;
    return app;
  });
}

/**
 * The projector as its own process: event store → SQL read models, with GET /metrics and
 * GET /health/{live,ready} on PORT (ready = read side caught up with the log).
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { register } from 'prom-client';
import { loadConfig } from '../../../libs/platform/src/load-config.js';
import { PlatformModule } from '../../../libs/platform/src/platform.module.js';
import { PROJECTOR, ProjectorModule } from './projector.module.js';
import type { Projector } from './projector.js';

const bootstrap = async (): Promise<void> => {
  const config = loadConfig(process.env, { verifiesTokens: false });

  @Module({ imports: [PlatformModule.forRoot(config, { httpLogging: false }), ProjectorModule] })
  class ProjectorAppModule {}

  const app = await NestFactory.createApplicationContext(ProjectorAppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const projector = app.get<Projector>(PROJECTOR);
  const server = createServer((req, res) => {
    const answer = async (): Promise<void> => {
      if (req.url === '/metrics') {
        await projector.lag();
        res.writeHead(200, { 'content-type': register.contentType }).end(await register.metrics());
      } else if (req.url === '/health/live') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      } else if (req.url === '/health/ready') {
        const lag = await projector.lag();
        const ready = !lag.behind || projector.isCaughtUp();
        res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: ready ? 'ok' : 'catching_up', ...lag }));
      } else {
        res.writeHead(404).end();
      }
    };
    answer().catch(() => res.writeHead(503).end());
  });
  server.listen(config.port, config.host);
  process.once('SIGTERM', () => server.close());
  process.once('SIGINT', () => server.close());
};

void bootstrap();

/**
 * The notice relay as its own process: event store → Kafka, with GET /metrics and
 * GET /health/{live,ready} on PORT. Run several for availability: one holds the lease, the
 * others stand by.
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { register } from 'prom-client';
import { ConfigError } from '../../../libs/platform/src/config.js';
import { loadConfig } from '../../../libs/platform/src/load-config.js';
import { PlatformModule } from '../../../libs/platform/src/platform.module.js';
import { NOTICE_RELAY, NoticeRelayModule } from './notice-relay.module.js';
import type { NoticeRelay } from './notice-relay.js';

const bootstrap = async (): Promise<void> => {
  // The relay verifies no tokens; loadConfig insists on a secret outside the embedded mode.
  const config = loadConfig({ ...process.env, AUTH_JWT_SECRET: process.env['AUTH_JWT_SECRET'] ?? 'x'.repeat(32) });

  @Module({ imports: [PlatformModule.forRoot(config, { httpLogging: false }), NoticeRelayModule] })
  class NoticeRelayAppModule {}

  const app = await NestFactory.createApplicationContext(NoticeRelayAppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT: the relay stops after the batch in flight, releases its lease, then exit 0.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  const relay = app.get<NoticeRelay>(NOTICE_RELAY);
  const server = createServer((req, res) => {
    const answer = async (): Promise<void> => {
      if (req.url === '/metrics') {
        res.writeHead(200, { 'content-type': register.contentType }).end(await register.metrics());
      } else if (req.url === '/health/live') {
        const alive = relay.status !== 'halted';
        res.writeHead(alive ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: alive ? 'ok' : 'halted' }));
      } else if (req.url === '/health/ready') {
        const ready = ['leading', 'standby', 'disabled'].includes(relay.status);
        res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: relay.status, position: relay.position }));
      } else {
        res.writeHead(404).end();
      }
    };
    answer().catch(() => res.writeHead(503).end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  process.once('SIGTERM', () => server.close());
  process.once('SIGINT', () => server.close());
};

bootstrap().catch((error: unknown) => {
  const message = error instanceof ConfigError ? `configuration error: ${error.message}` : `failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(error instanceof ConfigError ? 78 : 1);
});

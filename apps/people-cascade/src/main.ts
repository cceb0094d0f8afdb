/**
 * The people cascade as its own process: follows the event store from its checkpoint and revokes or
 * withdraws on departures and role changes. SIGTERM/SIGINT stop it after the event in progress.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError } from '../../../libs/platform/src/config.js';
import { loadConfig } from '../../../libs/platform/src/load-config.js';
import { PlatformModule } from '../../../libs/platform/src/platform.module.js';
import { PeopleCascadeModule } from './people-cascade.module.js';

const bootstrap = async (): Promise<void> => {
  // The cascade verifies no tokens; loadConfig insists on a secret outside the embedded mode.
  const config = loadConfig({ ...process.env, AUTH_JWT_SECRET: process.env['AUTH_JWT_SECRET'] ?? 'x'.repeat(32) });

  @Module({ imports: [PlatformModule.forRoot(config, { httpLogging: false }), PeopleCascadeModule] })
  class PeopleCascadeAppModule {}

  const app = await NestFactory.createApplicationContext(PeopleCascadeAppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
};

bootstrap().catch((error: unknown) => {
  const message = error instanceof ConfigError ? `configuration error: ${error.message}` : `failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(error instanceof ConfigError ? 78 : 1);
});

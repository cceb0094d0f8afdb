/**
 * The expiry scheduler as its own process (SPEC §9: "scheduler"): opens the stores named by the
 * configuration, ticks every second, and on SIGTERM/SIGINT finishes the tick in progress and
 * closes the stores. Several instances may run at once: each expiry and reminder is written once.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError } from '../../../libs/platform/src/config.js';
import { loadConfig } from '../../../libs/platform/src/load-config.js';
import { PlatformModule } from '../../../libs/platform/src/platform.module.js';
import { ExpirySchedulerModule } from './expiry-scheduler.module.js';

const bootstrap = async (): Promise<void> => {
  // The scheduler verifies no tokens; loadConfig insists on a secret outside the embedded mode.
  const config = loadConfig({ ...process.env, AUTH_JWT_SECRET: process.env['AUTH_JWT_SECRET'] ?? 'x'.repeat(32) });

  @Module({ imports: [PlatformModule.forRoot(config, { httpLogging: false }), ExpirySchedulerModule] })
  class ExpirySchedulerAppModule {}

  const app = await NestFactory.createApplicationContext(ExpirySchedulerAppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT → onModuleDestroy (scheduler stops after its tick) → stores closed.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
};

bootstrap().catch((error: unknown) => {
  const message = error instanceof ConfigError ? `configuration error: ${error.message}` : `failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(error instanceof ConfigError ? 78 : 1);
});

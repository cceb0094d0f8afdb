import 'reflect-metadata';
import { type DynamicModule, type INestApplicationContext, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { createServer } from 'node:http';
import { register } from 'prom-client';
import type { AppConfig } from './config.js';
import { loadConfig } from './load-config.js';
import { PlatformModule } from './platform.module.js';
import { reportStartFailure, silenceNestUntilStarted } from './start-failure.js';

/** What a worker reports on /health/*: `live` false means restart me; `ready` false means not serving yet. */
export interface WorkerHealth {
  readonly live: boolean;
  readonly ready: boolean;
  readonly detail?: Readonly<Record<string, unknown>>;
}

export interface WorkerOptions {
  readonly name: string;
  readonly module: Type<unknown> | DynamicModule;
  /** Health from the worker's own state; default: live and ready once started. */
  readonly health?: (app: INestApplicationContext) => Promise<WorkerHealth> | WorkerHealth;
}

/**
 * A health function that throws (its store is down) means not ready, yet live: the process answers
 * and resumes when the store returns, so it must not be restarted for an outage.
 */
const healthOrUnready = async (health: NonNullable<WorkerOptions['health']>, app: INestApplicationContext): Promise<WorkerHealth> => {
  try {
    return await health(app);
  } catch (error: unknown) {
    return { live: true, ready: false, detail: { error: error instanceof Error ? error.message : String(error) } };
  }
};

/**
 * Runs a background worker (projector, relay, scheduler, cascade) as its own process: validated
 * configuration (exit 78 naming the variable), the stores, pino logs, GET /health/live,
 * /health/ready and /metrics on PORT, and on SIGTERM/SIGINT a clean stop (the worker finishes its
 * batch, stores its position, the stores close) with exit code 0. PORT is bound before the worker
 * starts (answering 503 "starting" meanwhile): a process that cannot bind it exits before it takes
 * a lease or a batch.
 */
export function runWorker(options: WorkerOptions): void {
  silenceNestUntilStarted();
  start(options).catch((error: unknown) => reportStartFailure(options.name, error));
}

async function start(options: WorkerOptions): Promise<void> {
  const config: AppConfig = loadConfig(process.env, { verifiesTokens: false });

  @Module({ imports: [PlatformModule.forRoot(config, { httpLogging: false }), options.module] })
  class WorkerModule {}

  const health = options.health ?? ((): WorkerHealth => ({ live: true, ready: true }));
  let app: INestApplicationContext | null = null;
  const server = createServer((req, res) => {
    const answer = async (): Promise<void> => {
      if (req.url === '/metrics') {
        res.writeHead(200, { 'content-type': register.contentType }).end(await register.metrics());
        return;
      }
      if (req.url !== '/health/live' && req.url !== '/health/ready') {
        res.writeHead(404).end();
        return;
      }
      const state: WorkerHealth = app ? await healthOrUnready(health, app) : { live: true, ready: false, detail: { starting: true } };
      const ok = req.url === '/health/live' ? state.live : state.live && state.ready;
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', worker: options.name, ...state.detail }));
    };
    answer().catch(() => res.writeHead(503).end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  process.once('SIGTERM', () => server.close());
  process.once('SIGINT', () => server.close());
}

/**
 * The expiry scheduler as a Nest module: its due-date and timer projection and its leader reactor
 * registered with the process's processor host (one subscription, shared with the other workers of
 * an all-in-one process), and its tick loop for the application's lifetime, on the instance that
 * holds the reactor's lease. Needs EVENT_STORE, SQL_CLIENT and CATALOGUE from the composing app
 * (PlatformModule provides them).
 */
import {
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type Provider,
} from '@nestjs/common';
import type { Catalogue } from '../../../libs/domain/src/index.js';
import { EVENT_STORE, type EventStore } from '../../../libs/event-store/src/event-store.port.js';
import { CATALOGUE } from '../../../libs/platform/src/catalogue-loader.js';
import type { ProcessorHost } from '../../../libs/processors/src/host.js';
import { PROCESSOR_HOST, ProcessorHostModule, registerProcessor } from '../../../libs/processors/src/processor-host.module.js';
import { SQL_CLIENT, type SqlClient } from '../../../libs/sql/src/sql-client.port.js';
import { ExpiryScheduler } from './expiry-scheduler.js';

export const EXPIRY_SCHEDULER = Symbol('EXPIRY_SCHEDULER');
/** `() => Date`: the scheduler's only source of business time (override in tests or simulations). */
export const SCHEDULER_CLOCK = Symbol('SCHEDULER_CLOCK');
export const EXPIRY_SCHEDULER_OPTIONS = Symbol('EXPIRY_SCHEDULER_OPTIONS');
export const EXPIRY_SCHEDULER_PROJECTION = Symbol('EXPIRY_SCHEDULER_PROJECTION');
export const EXPIRY_SCHEDULER_REACTOR = Symbol('EXPIRY_SCHEDULER_REACTOR');

export interface ExpirySchedulerModuleOptions {
  /** Pause between ticks (default 1000 ms). */
  readonly pollIntervalMs?: number;
  readonly clock?: () => Date;
}

@Injectable()
class ExpirySchedulerLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(EXPIRY_SCHEDULER) private readonly scheduler: ExpiryScheduler) {}

  /** After the host's start (ProcessorHostModule is imported, so its hook runs first). */
  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.start();
  }

  /** Before the stores close (PlatformModule closes them on application shutdown). */
  async onModuleDestroy(): Promise<void> {
    await this.scheduler.stop();
  }
}

const logger = new Logger('ExpiryScheduler');

const providersFor = (options: ExpirySchedulerModuleOptions): Provider[] => [
  { provide: EXPIRY_SCHEDULER_OPTIONS, useValue: options },
  { provide: SCHEDULER_CLOCK, useValue: options.clock ?? (() => new Date()) },
  {
    provide: EXPIRY_SCHEDULER,
    useFactory: (store: EventStore, sql: SqlClient, catalogue: Catalogue, clock: () => Date, opts: ExpirySchedulerModuleOptions, host: ProcessorHost) => {
      const scheduler: ExpiryScheduler = new ExpiryScheduler({
        store,
        sql,
        catalogue,
        clock,
        ...(opts.pollIntervalMs === undefined ? {} : { pollIntervalMs: opts.pollIntervalMs }),
        leading: () => host.status().some((s) => s.name === scheduler.reactor.name && s.leading),
        logger: { warn: (obj, msg) => logger.warn({ ...obj, msg }), error: (obj, msg) => logger.error({ ...obj, msg }) },
      });
      return scheduler;
    },
    inject: [EVENT_STORE, SQL_CLIENT, CATALOGUE, SCHEDULER_CLOCK, EXPIRY_SCHEDULER_OPTIONS, PROCESSOR_HOST],
  },
  { provide: ExpiryScheduler, useExisting: EXPIRY_SCHEDULER },
  registerProcessor(EXPIRY_SCHEDULER_PROJECTION, { inject: [EXPIRY_SCHEDULER], create: (scheduler: ExpiryScheduler) => scheduler.projection }),
  registerProcessor(EXPIRY_SCHEDULER_REACTOR, { inject: [EXPIRY_SCHEDULER], create: (scheduler: ExpiryScheduler) => scheduler.reactor }),
  ExpirySchedulerLifecycle,
];

const EXPORTS = [EXPIRY_SCHEDULER, ExpiryScheduler];

/** `ExpirySchedulerModule` with defaults (1 s ticks, system clock), or `.forRoot(options)`. */
@Module({ imports: [ProcessorHostModule], providers: providersFor({}), exports: EXPORTS })
export class ExpirySchedulerModule {
  static forRoot(options: ExpirySchedulerModuleOptions = {}): DynamicModule {
    return { module: ExpirySchedulerModule, imports: [ProcessorHostModule], providers: providersFor(options), exports: EXPORTS };
  }
}

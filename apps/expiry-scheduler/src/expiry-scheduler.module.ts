/**
 * The expiry scheduler as a Nest module: runs one ExpiryScheduler for the application's lifetime.
 * Needs EVENT_STORE, SQL_CLIENT and CATALOGUE from the composing app (PlatformModule provides them).
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
import { SQL_CLIENT, type SqlClient } from '../../../libs/sql/src/sql-client.port.js';
import { ExpiryScheduler } from './expiry-scheduler.js';

export const EXPIRY_SCHEDULER = Symbol('EXPIRY_SCHEDULER');
/** `() => Date`: the scheduler's only source of business time (override in tests or simulations). */
export const SCHEDULER_CLOCK = Symbol('SCHEDULER_CLOCK');
export const EXPIRY_SCHEDULER_OPTIONS = Symbol('EXPIRY_SCHEDULER_OPTIONS');

export interface ExpirySchedulerModuleOptions {
  /** Pause between ticks (default 1000 ms). */
  readonly pollIntervalMs?: number;
  readonly clock?: () => Date;
}

@Injectable()
class ExpirySchedulerLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(EXPIRY_SCHEDULER) private readonly scheduler: ExpiryScheduler) {}

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
    useFactory: (store: EventStore, sql: SqlClient, catalogue: Catalogue, clock: () => Date, opts: ExpirySchedulerModuleOptions) =>
      new ExpiryScheduler({
        store,
        sql,
        catalogue,
        clock,
        ...(opts.pollIntervalMs === undefined ? {} : { pollIntervalMs: opts.pollIntervalMs }),
        logger: { warn: (obj, msg) => logger.warn({ ...obj, msg }), error: (obj, msg) => logger.error({ ...obj, msg }) },
      }),
    inject: [EVENT_STORE, SQL_CLIENT, CATALOGUE, SCHEDULER_CLOCK, EXPIRY_SCHEDULER_OPTIONS],
  },
  { provide: ExpiryScheduler, useExisting: EXPIRY_SCHEDULER },
  ExpirySchedulerLifecycle,
];

const EXPORTS = [EXPIRY_SCHEDULER, ExpiryScheduler];

/** `ExpirySchedulerModule` with defaults (1 s ticks, system clock), or `.forRoot(options)`. */
@Module({ providers: providersFor({}), exports: EXPORTS })
export class ExpirySchedulerModule {
  static forRoot(options: ExpirySchedulerModuleOptions = {}): DynamicModule {
    return { module: ExpirySchedulerModule, providers: providersFor(options), exports: EXPORTS };
  }
}

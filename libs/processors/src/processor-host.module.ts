/**
 * The process's one ProcessorHost as a global Nest module. Every module that hosts a processor
 * imports it (Nest keeps one instance however many import it, so the all-in-one has one host and
 * one subscription) and registers with one line: `registerProcessor(TOKEN, { inject, create })`.
 * The host starts once every module is initialised (`onApplicationBootstrap`; an HTTP app listens
 * after that, so its memory projections have caught up) and stops before the stores close.
 */
import { Global, Inject, Injectable, Logger, Module, type InjectionToken, type OnApplicationBootstrap, type OnModuleDestroy, type Provider } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../event-store/src/event-store.port.js';
import { SQL_CLIENT, type SqlClient } from '../../sql/src/sql-client.port.js';
import { ProcessorHost } from './host.js';
import type { Processor } from './processor.js';

export const PROCESSOR_HOST = Symbol('PROCESSOR_HOST');

@Injectable()
class ProcessorHostLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(PROCESSOR_HOST) private readonly host: ProcessorHost) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.host.start();
  }

  /** Before the stores close (PlatformModule closes them on application shutdown). */
  async onModuleDestroy(): Promise<void> {
    await this.host.stop();
  }
}

const logger = new Logger('Processors');

const PROVIDERS: Provider[] = [
  {
    provide: PROCESSOR_HOST,
    useFactory: (events: EventStore, sql: SqlClient) =>
      new ProcessorHost({
        events,
        sql,
        logger: {
          debug: (obj, msg) => logger.debug({ ...obj, msg }),
          info: (obj, msg) => logger.log({ ...obj, msg }),
          warn: (obj, msg) => logger.warn({ ...obj, msg }),
          error: (obj, msg) => logger.error({ ...obj, msg }),
        },
      }),
    inject: [EVENT_STORE, SQL_CLIENT],
  },
  { provide: ProcessorHost, useExisting: PROCESSOR_HOST },
  ProcessorHostLifecycle,
];

@Global()
@Module({ providers: PROVIDERS, exports: [PROCESSOR_HOST, ProcessorHost] })
export class ProcessorHostModule {}

export interface ProcessorRegistration {
  readonly inject?: readonly InjectionToken[];
  readonly create: (...dependencies: never[]) => Processor;
}

/**
 * A provider that builds the processor from its dependencies and registers it with the host; the
 * processor itself is then injectable under `token` (e.g. to rebuild it or read its queries).
 */
export const registerProcessor = (token: InjectionToken, registration: ProcessorRegistration): Provider => ({
  provide: token,
  useFactory: (host: ProcessorHost, ...dependencies: never[]) => {
    const processor = registration.create(...dependencies);
    host.register(processor);
    return processor;
  },
  inject: [PROCESSOR_HOST, ...(registration.inject ?? [])],
});

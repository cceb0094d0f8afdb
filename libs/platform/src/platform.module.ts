import { type DynamicModule, Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { createEventStore, EVENT_STORE, type EventStore } from '../../event-store/src/index.js';
import { openSqlClient } from '../../sql/src/index.js';
import { SQL_CLIENT, type SqlClient } from '../../sql/src/sql-client.port.js';
import { CATALOGUE, loadCatalogue } from './catalogue-loader.js';
import { APP_CONFIG, type AppConfig } from './config.js';

/** Closes the stores last, after every module that uses them has stopped. */
@Injectable()
class StoresLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    await this.sql.close();
  }
}

/**
 * Configuration, catalogue, event store and read store for every app. When the event store and
 * the read store are the same PostgreSQL/PGlite, one client is shared (PGlite has one connection).
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, options: { readonly httpLogging?: boolean } = {}): DynamicModule {
    const shared = config.eventStoreUrl === config.readStoreUrl;
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            autoLogging: options.httpLogging ?? true,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            customProps: (req) => ({ correlationId: req.headers['x-correlation-id'] ?? req.id }),
          },
        }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CATALOGUE, useFactory: () => loadCatalogue(config.policyFile) },
        { provide: SQL_CLIENT, useFactory: () => openSqlClient(config.readStoreUrl) },
        {
          provide: EVENT_STORE,
          useFactory: (sql: SqlClient) => createEventStore(config.eventStoreUrl, shared ? { sqlClient: sql } : {}),
          inject: [SQL_CLIENT],
        },
        StoresLifecycle,
      ],
      exports: [APP_CONFIG, CATALOGUE, SQL_CLIENT, EVENT_STORE, LoggerModule],
    };
  }
}

import { type DynamicModule, Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { LoggerOptions } from 'pino';
import type { Options as HttpLoggerOptions } from 'pino-http';
import pretty from 'pino-pretty';
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

/** Nest's start-up chatter, one line per route mapped and per module initialised: debug, not info. */
const NEST_CHATTER = new Set(['RoutesResolver', 'RouterExplorer', 'InstanceLoader']);
const INFO = 30;

const demoteChatter: NonNullable<LoggerOptions['hooks']>['logMethod'] = function (args, method, level) {
  const first: unknown = args[0];
  const context = typeof first === 'object' && first !== null ? (first as { context?: unknown }).context : undefined;
  if (level === INFO && typeof context === 'string' && NEST_CHATTER.has(context)) {
    (this.debug as (...a: unknown[]) => void).apply(this, args);
    return;
  }
  method.apply(this, args);
};

/** One readable line per entry for a person at a terminal: time, level, [context] message, and a request's outcome. */
const prettyStream = (): ReturnType<typeof pretty> =>
  pretty({
    sync: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,context,req,res,responseTime,correlationId,reqId',
    messageFormat: (log, messageKey) => {
      const context = typeof log['context'] === 'string' ? `[${log['context']}] ` : '';
      const req = log['req'] as { method?: string; url?: string } | undefined;
      const res = log['res'] as { statusCode?: number } | undefined;
      const outcome = req && res ? ` ${req.method} ${req.url} → ${res.statusCode} in ${Math.round(Number(log['responseTime']))} ms` : '';
      return `${context}${String(log[messageKey] ?? '')}${outcome}`;
    },
  });

/**
 * Configuration, catalogue, event store and read store for every app. When the event store and
 * the read store are the same PostgreSQL/PGlite, one client is shared (PGlite has one connection).
 * Logs are JSON lines, or pino-pretty lines when `config.logPretty` (a person at a terminal).
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, options: { readonly httpLogging?: boolean } = {}): DynamicModule {
    const shared = config.eventStoreUrl === config.readStoreUrl;
    const http: HttpLoggerOptions = {
      level: config.logLevel,
      autoLogging: options.httpLogging ?? true,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      customProps: (req) => ({ correlationId: req.headers['x-correlation-id'] ?? req.id }),
      hooks: { logMethod: demoteChatter },
    };
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: config.logPretty ? [http, prettyStream()] : http }),
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

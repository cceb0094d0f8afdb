/**
 * Provides the read-model queries and store over the SQL client bound to SQL_CLIENT (which the
 * composing app provides: the read store's PostgreSQL or PGlite). Migrates on start.
 */
import { Inject, Module, type OnModuleInit, type Provider } from '@nestjs/common';
import { SQL_CLIENT, type SqlClient } from '../../sql/src/sql-client.port.js';
import { ReadModelQueries } from './postgres/read-model.queries.js';
import { ReadModelStore } from './postgres/read-model.store.js';
import { migrateReadModels } from './postgres/schema.js';
import { READ_MODEL_QUERIES, READ_MODEL_STORE } from './tokens.js';

const providers: Provider[] = [
  { provide: ReadModelQueries, useFactory: (sql: SqlClient) => new ReadModelQueries(sql), inject: [SQL_CLIENT] },
  { provide: READ_MODEL_QUERIES, useExisting: ReadModelQueries },
  { provide: ReadModelStore, useFactory: (sql: SqlClient) => new ReadModelStore(sql), inject: [SQL_CLIENT] },
  { provide: READ_MODEL_STORE, useExisting: ReadModelStore },
];

@Module({ providers, exports: providers })
export class ReadModelsModule implements OnModuleInit {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  async onModuleInit(): Promise<void> {
    await migrateReadModels(this.sql);
  }
}

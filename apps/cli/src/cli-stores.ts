/**
 * The stores the CLI works on, opened on first use (so `audit verify` and `token` need no
 * database). Config from the environment: EVENT_STORE_URL (default pglite://./data/events) and
 * READ_STORE_URL (default: the event store's PostgreSQL/PGlite). When both name the same store
 * one client is shared: PGlite allows one connection per directory.
 */
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createEventStore } from '../../../libs/event-store/src/create-event-store.js';
import type { EventStore } from '../../../libs/event-store/src/event-store.port.js';
import { ReadModelQueries } from '../../../libs/read-models/src/postgres/read-model.queries.js';
import { ReadModelStore } from '../../../libs/read-models/src/postgres/read-model.store.js';
import { migrateReadModels } from '../../../libs/read-models/src/postgres/schema.js';
import { openSqlClient } from '../../../libs/sql/src/open-sql-client.js';
import type { SqlClient } from '../../../libs/sql/src/sql-client.port.js';

export const DEFAULT_EVENT_STORE_URL = 'pglite://./data/events';

export interface StoreUrls {
  readonly eventStoreUrl: string;
  readonly readStoreUrl: string;
}

export const storeUrlsFromEnv = (env: NodeJS.ProcessEnv = process.env): StoreUrls => {
  const eventStoreUrl = env['EVENT_STORE_URL']?.trim() || DEFAULT_EVENT_STORE_URL;
  const sameStore = /^(pglite|postgres|postgresql):\/\//.test(eventStoreUrl) ? eventStoreUrl : undefined;
  const readStoreUrl = env['READ_STORE_URL']?.trim() || sameStore;
  if (readStoreUrl === undefined) throw new Error('READ_STORE_URL is required when EVENT_STORE_URL is an EventStoreDB connection string');
  return { eventStoreUrl, readStoreUrl };
};

export interface OpenedStores {
  readonly sql: SqlClient;
  readonly events: EventStore;
  readonly store: ReadModelStore;
  readonly queries: ReadModelQueries;
}

export const openStores = async (urls: StoreUrls): Promise<OpenedStores> => {
  const sql = await openSqlClient(urls.readStoreUrl);
  const shared = urls.eventStoreUrl === urls.readStoreUrl;
  const events = await createEventStore(urls.eventStoreUrl, shared ? { sqlClient: sql } : {});
  await migrateReadModels(sql);
  return { sql, events, store: new ReadModelStore(sql), queries: new ReadModelQueries(sql) };
};

@Injectable()
export class CliStores implements OnApplicationShutdown {
  private opened: Promise<OpenedStores> | null = null;

  get(): Promise<OpenedStores> {
    this.opened ??= openStores(storeUrlsFromEnv());
    return this.opened;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.opened === null) return;
    const { sql, events } = await this.opened;
    await events.close();
    await sql.close();
  }
}

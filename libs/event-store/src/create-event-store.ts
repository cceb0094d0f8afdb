import { isSqlUrl, openSqlClient, type SqlClient } from '../../sql/src/index.js';
import type { EventStore } from './event-store.port.js';
import { createEsdbEventStore } from './esdb/esdb-event-store.js';
import { createPostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store.js';

export interface CreateEventStoreOptions extends Omit<PostgresEventStoreOptions, 'ownsClient'> {
  /** For SQL URLs: use this client (e.g. the one PGlite shared with the read models); the caller closes it. */
  readonly sqlClient?: SqlClient;
  /** For SQL URLs: create the tables if missing (default true). */
  readonly ensureSchema?: boolean;
  /** pg pool size for `postgres://` URLs opened here. */
  readonly poolSize?: number;
}

/**
 * Opens the event store named by `EVENT_STORE_URL`: `pglite://<dir>` | `pglite://memory` |
 * `postgres://…` | `postgresql://…` | `esdb://…` (also `esdb+discover://…`).
 */
export const createEventStore = async (url: string, options: CreateEventStoreOptions = {}): Promise<EventStore> => {
  if (/^esdb(\+discover)?:\/\//.test(url)) return createEsdbEventStore(url);
  if (!isSqlUrl(url)) throw new Error(`EVENT_STORE_URL: unsupported scheme in ${url.replace(/\/\/[^@/]*@/, '//***@')}`);
  const sql = options.sqlClient ?? (await openSqlClient(url, options.poolSize === undefined ? {} : { max: options.poolSize }));
  const store = createPostgresEventStore(sql, { ...options, ownsClient: options.sqlClient === undefined });
  if (options.ensureSchema ?? true) {
    try {
      await store.ensureSchema();
    } catch (error: unknown) {
      await store.close();
      throw error;
    }
  }
  return store;
};

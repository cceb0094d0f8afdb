import pg from 'pg';
import type { SqlClient, SqlQueryable } from './sql-client.port.js';
import { asStoreError, guardConnection } from './store-unavailable.js';

export interface PgClientOptions {
  /** Pool size (default 10). */
  readonly max?: number;
  readonly applicationName?: string;
  /** How long a query waits for a connection before the store counts as unavailable (default 5000 ms). */
  readonly connectionTimeoutMs?: number;
}

const INT8_OID = 20;

/**
 * Type parsers pinned per pool instead of mutating pg's global registry: int8/bigint stays a
 * string (positions exceed 2^53 in theory, and both clients must agree), json/jsonb are objects.
 */
const typeParsers = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID ? (value: string) => value : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

const toError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * A SqlClient over a `pg.Pool`. Every client gets an 'error' listener when it connects: a
 * connection that drops (server stopped, backend terminated) while checked out must not crash the
 * process with an unhandled 'error' event; it is released as broken instead. Connection failures
 * surface as StoreUnavailableError.
 */
export const createPgClient = (url: string, options: PgClientOptions = {}): SqlClient => {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'callcenter-authz',
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    keepAlive: true,
    types: typeParsers,
  });
  // An idle client that loses its connection emits 'error' on the pool; without a listener it crashes the process.
  pool.on('error', () => undefined);
  /** The error each broken client reported; such a client is destroyed on release, never reused. */
  const broken = new WeakMap<pg.PoolClient, Error>();
  const listeners = new Map<pg.PoolClient, () => void>();
  pool.on('connect', (client: pg.PoolClient) => {
    client.on('error', (error: Error) => {
      broken.set(client, error);
      listeners.get(client)?.();
    });
  });

  const query = async <R>(text: string, params?: readonly unknown[]): Promise<{ rows: R[] }> => {
    const result = await guardConnection(() => pool.query(text, params ? [...params] : undefined));
    return { rows: result.rows as R[] };
  };

  /** Back to the pool, or destroyed when the connection failed. */
  const release = (client: pg.PoolClient, error?: Error): void => {
    client.release(error ?? broken.get(client));
  };

  return {
    dialect: 'postgres',
    query,
    async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      const client = await guardConnection(() => pool.connect());
      const tx: SqlQueryable = {
        query: async <R>(text: string, params?: readonly unknown[]) => {
          const result = await guardConnection(() => client.query(text, params ? [...params] : undefined));
          return { rows: result.rows as R[] };
        },
      };
      let failed: Error | undefined;
      try {
        await client.query('BEGIN');
        const value = await fn(tx);
        await client.query('COMMIT');
        return value;
      } catch (error: unknown) {
        try {
          if (!broken.has(client)) await client.query('ROLLBACK');
        } catch (rollbackError: unknown) {
          // A connection that cannot roll back must not go back to the pool.
          failed = toError(rollbackError);
        }
        throw asStoreError(error);
      } finally {
        release(client, failed);
      }
    },
    async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
      const client = await guardConnection(() => pool.connect());
      const handler = (message: pg.Notification): void => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      };
      // A listener whose connection drops is released as broken; callers poll, NOTIFY is only a hint.
      const drop = (): void => {
        if (!listeners.delete(client)) return;
        client.off('notification', handler);
        release(client);
      };
      listeners.set(client, drop);
      client.on('notification', handler);
      try {
        await guardConnection(() => client.query(`LISTEN ${pg.escapeIdentifier(channel)}`));
      } catch (error: unknown) {
        listeners.delete(client);
        client.off('notification', handler);
        release(client, toError(error));
        throw error;
      }
      return async () => {
        if (!listeners.delete(client)) return;
        client.off('notification', handler);
        try {
          await client.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`);
          release(client);
        } catch (error: unknown) {
          release(client, toError(error));
        }
      };
    },
    async close(): Promise<void> {
      for (const client of listeners.keys()) client.release(true);
      listeners.clear();
      await pool.end();
    },
  };
};

import pg from 'pg';
import type { SqlClient, SqlQueryable } from './sql-client.port.js';

export interface PgClientOptions {
  /** Pool size (default 10). */
  readonly max?: number;
  readonly applicationName?: string;
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

/** A SqlClient over a `pg.Pool`. */
export const createPgClient = (url: string, options: PgClientOptions = {}): SqlClient => {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'callcenter-authz',
    types: typeParsers,
  });
  // An idle client that loses its connection emits 'error' on the pool; without a listener it crashes the process.
  pool.on('error', () => undefined);
  const listeners = new Set<pg.PoolClient>();

  const query = async <R>(text: string, params?: readonly unknown[]): Promise<{ rows: R[] }> => {
    const result = await pool.query(text, params ? [...params] : undefined);
    return { rows: result.rows as R[] };
  };

  return {
    dialect: 'postgres',
    query,
    async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      const tx: SqlQueryable = {
        query: async <R>(text: string, params?: readonly unknown[]) => {
          const result = await client.query(text, params ? [...params] : undefined);
          return { rows: result.rows as R[] };
        },
      };
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const value = await fn(tx);
        await client.query('COMMIT');
        return value;
      } catch (error: unknown) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError: unknown) {
          // A connection that cannot roll back must not go back to the pool.
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
      const client = await pool.connect();
      listeners.add(client);
      const handler = (message: pg.Notification): void => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      };
      client.on('notification', handler);
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return async () => {
        if (!listeners.delete(client)) return;
        client.off('notification', handler);
        try {
          await client.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`);
          client.release();
        } catch (error: unknown) {
          client.release(error instanceof Error ? error : new Error(String(error)));
        }
      };
    },
    async close(): Promise<void> {
      for (const client of listeners) client.release(true);
      listeners.clear();
      await pool.end();
    },
  };
};

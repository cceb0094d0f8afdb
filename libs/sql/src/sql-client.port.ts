/**
 * A minimal SQL port over PostgreSQL (`pg`) and PGlite (embedded). Both speak the same SQL
 * (PostgreSQL dialect, `$1` parameters), so the event store and the read models are written once.
 */
export interface SqlQueryable {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<{ rows: R[] }>;
}

export interface SqlClient extends SqlQueryable {
  /** Runs `fn` in one transaction on one connection; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /** `postgres` or `pglite`: PGlite has one connection, so callers must not hold long transactions on it. */
  readonly dialect: 'postgres' | 'pglite';
  /**
   * LISTEN on `channel`; `onNotify` runs for every NOTIFY committed on it. Resolves to an unlisten
   * function. Optional: callers that only need a wake-up hint must still poll (NOTIFY is lossy
   * across reconnects).
   */
  listen?(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const SQL_CLIENT = Symbol('SQL_CLIENT');

import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { SqlClient, SqlQueryable } from './sql-client.port.js';

const INT8_OID = 20;

/** A FIFO mutex: PGlite is one connection, so work is serialised in arrival order. */
class Queue {
  private tail: Promise<void> = Promise.resolve();
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/** `memory` (or empty) for an in-memory database, else a directory (created if missing). */
export const createPgliteClient = async (dirOrMemory: string): Promise<SqlClient> => {
  const inMemory = dirOrMemory === '' || dirOrMemory === 'memory' || dirOrMemory === 'memory://';
  if (!inMemory) await mkdir(dirOrMemory, { recursive: true });
  const db = await PGlite.create(inMemory ? undefined : dirOrMemory, {
    parsers: { [INT8_OID]: (value: string) => value },
  });
  const queue = new Queue();
  const run = async <R>(on: Pick<PGlite, 'query'>, text: string, params?: readonly unknown[]) => {
    const result = await on.query<R>(text, params ? [...params] : undefined);
    return { rows: result.rows };
  };

  return {
    dialect: 'pglite',
    // A plain query waits for any open transaction: PGlite would otherwise run it inside that
    // transaction (one session), seeing its uncommitted rows or being rolled back with it.
    query: <R>(text: string, params?: readonly unknown[]) => queue.run(() => run<R>(db, text, params)),
    transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      return queue.run(() =>
        db.transaction((tx) =>
          fn({ query: <R>(text: string, params?: readonly unknown[]) => run<R>(tx, text, params) }),
        ),
      );
    },
    async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
      const unlisten = await queue.run(() => db.listen(channel, onNotify));
      return () => queue.run(() => unlisten());
    },
    close: () => queue.run(() => db.close()),
  };
};

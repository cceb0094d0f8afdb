import { createServer } from 'node:net';
import { createPgClient } from './pg-client.js';
import type { SqlClient } from './sql-client.port.js';
import { isConnectionFailure, StoreUnavailableError } from './store-unavailable.js';
import { createTestDatabase, type TestDatabase } from './testing/test-database.js';

/** A loopback port nothing listens on (bound, then closed). */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

describe('pg client under connection faults', () => {
  let db: TestDatabase;
  let sql: SqlClient;
  let admin: SqlClient;
  beforeAll(async () => {
    db = await createTestDatabase('pgfault');
    sql = createPgClient(db.url, { max: 4, applicationName: 'pg-fault-victim' });
    admin = createPgClient(db.url, { max: 1, applicationName: 'pg-fault-admin' });
  });
  afterAll(async () => {
    await sql.close();
    await admin.close();
    await db.drop();
  });

  const terminateVictims = (): Promise<unknown> =>
    admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'pg-fault-victim' AND datname = current_database()`);

  it('turns a backend terminated inside a transaction into StoreUnavailableError, releases the client as broken and serves again', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (error: unknown): void => void unhandled.push(error);
    process.on('uncaughtException', onUnhandled);
    try {
      const tx = sql.transaction(async (t) => {
        await t.query('SELECT 1');
        await terminateVictims();
        // The connection is gone: the next statement (or the commit) fails.
        await t.query('SELECT pg_sleep(0.05)');
      });
      await expect(tx).rejects.toBeInstanceOf(StoreUnavailableError);
      // Idle pooled clients were terminated too; the pool replaces them.
      await expect(sql.query<{ one: number }>('SELECT 1 AS one')).resolves.toEqual({ rows: [{ one: 1 }] });
      await expect(sql.transaction((t) => t.query<{ one: number }>('SELECT 1 AS one'))).resolves.toEqual({ rows: [{ one: 1 }] });
      expect(unhandled).toEqual([]);
    } finally {
      process.off('uncaughtException', onUnhandled);
    }
  });

  it('survives a LISTEN connection that is terminated', async () => {
    const unlisten = await sql.listen?.('pg_fault_channel', () => undefined);
    await terminateVictims();
    await expect(sql.query<{ one: number }>('SELECT 1 AS one')).resolves.toEqual({ rows: [{ one: 1 }] });
    await expect(unlisten?.()).resolves.toBeUndefined();
  });

  it('answers StoreUnavailableError when nothing listens on the port, naming no password', async () => {
    const down = createPgClient(`postgres://authz:s3cret-pw@127.0.0.1:${await freePort()}/authz`, { max: 1 });
    try {
      const failure = await down.query('SELECT 1').then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(StoreUnavailableError);
      expect((failure as StoreUnavailableError).reason).toContain('ECONNREFUSED');
      expect((failure as StoreUnavailableError).message).toBe('the store is unavailable');
      expect(JSON.stringify({ ...(failure as object), message: (failure as Error).message })).not.toContain('s3cret-pw');
      await expect(down.transaction((t) => t.query('SELECT 1'))).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      await down.close();
    }
  });

  it('keeps statement errors as they are', async () => {
    const failure = await sql.query('SELECT * FROM no_such_table').then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).not.toBeInstanceOf(StoreUnavailableError);
    expect((failure as { code?: unknown }).code).toBe('42P01');
  });

  it('classifies connection failures by socket code, SQLSTATE and driver message', () => {
    const coded = (code: string): Error => Object.assign(new Error('x'), { code });
    for (const code of ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P02', '57P03', '08006', '08001']) expect(isConnectionFailure(coded(code))).toBe(true);
    expect(isConnectionFailure(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionFailure(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isConnectionFailure(new AggregateError([coded('ECONNREFUSED')]))).toBe(true);
    for (const code of ['23505', '40001', '42P01']) expect(isConnectionFailure(coded(code))).toBe(false);
    expect(isConnectionFailure(new Error('boom'))).toBe(false);
  });
});

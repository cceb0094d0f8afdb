import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlClient } from './open-sql-client.js';
import type { SqlClient } from './sql-client.port.js';
import { createTestDatabase, type TestDatabase } from './testing/test-database.js';

const behavesLikePostgres = (name: string, open: () => Promise<{ sql: SqlClient; cleanup: () => Promise<void> }>) => {
  describe(name, () => {
    let sql: SqlClient;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ sql, cleanup } = await open());
      await sql.query('CREATE TABLE IF NOT EXISTS counter (id int PRIMARY KEY, n int NOT NULL)');
      await sql.query('INSERT INTO counter VALUES (1, 0) ON CONFLICT DO NOTHING');
    });
    afterAll(async () => {
      await sql.close();
      await cleanup();
    });

    it('returns bigint as strings and json as objects', async () => {
      const { rows } = await sql.query<{ big: unknown; doc: unknown }>(`SELECT 9007199254740993::int8 AS big, '{"a":[1]}'::jsonb AS doc`);
      expect(rows).toEqual([{ big: '9007199254740993', doc: { a: [1] } }]);
    });

    it('commits a transaction that resolves and rolls back one that throws', async () => {
      await sql.transaction((tx) => tx.query('UPDATE counter SET n = 10 WHERE id = 1'));
      await expect(
        sql.transaction(async (tx) => {
          await tx.query('UPDATE counter SET n = 99 WHERE id = 1');
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect((await sql.query<{ n: number }>('SELECT n FROM counter WHERE id = 1')).rows[0]?.n).toBe(10);
    });

    it('never interleaves concurrent read-modify-write transactions into a lost update', async () => {
      await sql.query('UPDATE counter SET n = 0 WHERE id = 1');
      await Promise.all(
        Array.from({ length: 20 }, () =>
          sql.transaction(async (tx) => {
            const { rows } = await tx.query<{ n: number }>('SELECT n FROM counter WHERE id = 1 FOR UPDATE');
            await new Promise((resolve) => setTimeout(resolve, 1));
            await tx.query('UPDATE counter SET n = $1 WHERE id = 1', [(rows[0]?.n ?? 0) + 1]);
          }),
        ),
      );
      expect((await sql.query<{ n: number }>('SELECT n FROM counter WHERE id = 1')).rows[0]?.n).toBe(20);
    });

    it('keeps plain queries out of an open transaction', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const tx = sql.transaction(async (t) => {
        await t.query('UPDATE counter SET n = -1 WHERE id = 1');
        await held;
        throw new Error('rolled back');
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      const outside = sql.query<{ n: number }>('SELECT n FROM counter WHERE id = 1');
      release();
      await expect(tx).rejects.toThrow('rolled back');
      expect((await outside).rows[0]?.n).not.toBe(-1);
    });

    it('delivers NOTIFY to a listener', async () => {
      const received: string[] = [];
      const unlisten = await sql.listen?.('sql_client_test', (payload) => received.push(payload));
      await sql.query(`SELECT pg_notify('sql_client_test', 'hello')`);
      const deadline = Date.now() + 5_000;
      while (received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      await unlisten?.();
      expect(received).toEqual(['hello']);
    });
  });
};

behavesLikePostgres('PGlite (directory)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pglite-'));
  return { sql: await openSqlClient(`pglite://${dir}`), cleanup: () => rm(dir, { recursive: true, force: true }) };
});

behavesLikePostgres('PostgreSQL', async () => {
  const db: TestDatabase = await createTestDatabase('sql_client');
  return { sql: await openSqlClient(db.url), cleanup: () => db.drop() };
});

describe('openSqlClient', () => {
  it('rejects an unknown scheme without echoing credentials', async () => {
    await expect(openSqlClient('mysql://user:secret@host/db')).rejects.toThrow(/^(?!.*secret).*unsupported SQL URL scheme/);
  });
});

/**
 * ensureSchema: processes that create the same tables at the same moment on a fresh PostgreSQL
 * database all succeed (two API workers starting together once failed with a duplicate key on
 * pg_type: `CREATE TABLE IF NOT EXISTS` alone does not serialize them), and running it again changes
 * nothing.
 */
import { ensureSchema } from './ensure-schema.js';
import { openSqlClient } from './open-sql-client.js';
import type { SqlClient } from './sql-client.port.js';
import { createTestDatabase, type TestDatabase } from './testing/test-database.js';

const TABLES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
const DDL = TABLES.map((table) => `CREATE TABLE IF NOT EXISTS ${table} (id text PRIMARY KEY, doc jsonb NOT NULL)`);

describe('ensureSchema on PostgreSQL', () => {
  let database: TestDatabase;
  const clients: SqlClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('ensure_schema');
    // Eight pools of their own: as many processes, each on its own connections.
    for (let i = 0; i < 8; i += 1) clients.push(await openSqlClient(database.url));
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await database.drop();
  });

  it('creates the same tables from eight processes at once, each call succeeding, and again as a no-op', async () => {
    const outcomes = await Promise.allSettled(clients.map((client) => ensureSchema(client, 42_000_001, DDL)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(clients.map(() => 'fulfilled'));
    await ensureSchema(clients[0]!, 42_000_001, DDL);
    const { rows } = await clients[0]!.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
    expect(rows.map((row) => row.table_name)).toEqual([...TABLES].sort());
  });
});

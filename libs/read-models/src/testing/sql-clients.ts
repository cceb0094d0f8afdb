/** Per-suite PostgreSQL databases, so parallel suites never collide (server from TEST_PG_URL). */
import { createPgClient } from '../../../sql/src/pg-client.js';

export const TEST_PG_URL = process.env['TEST_PG_URL'] ?? 'postgres://authz:authz@127.0.0.1:55432/authz';

const admin = async (statement: string): Promise<void> => {
  const sql = createPgClient(TEST_PG_URL, { max: 1 });
  try {
    await sql.query(statement);
  } finally {
    await sql.close();
  }
};

/** Creates a fresh database on the test server; `drop` removes it. */
export const createTestDatabase = async (prefix: string): Promise<{ url: string; drop: () => Promise<void> }> => {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`.toLowerCase();
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
};

import { randomUUID } from 'node:crypto';
import pg from 'pg';

export const DEFAULT_TEST_PG_URL = 'postgres://authz:authz@127.0.0.1:55432/authz';

export interface TestDatabase {
  /** Connection URL of the new database. */
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/**
 * Creates a database of its own on the server of `TEST_PG_URL` (default the local server), so
 * suites running in parallel never see each other's rows.
 */
export const createTestDatabase = async (prefix = 'test', serverUrl = process.env['TEST_PG_URL'] ?? DEFAULT_TEST_PG_URL): Promise<TestDatabase> => {
  const name = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
};

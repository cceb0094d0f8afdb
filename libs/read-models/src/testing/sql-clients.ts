/** Per-suite PostgreSQL databases, so parallel suites never collide (server from TEST_PG_URL). */
import { createTestDatabase as createDatabase, type TestDatabase } from '../../../sql/src/testing/test-database.js';

export const TEST_PG_URL = process.env['TEST_PG_URL'] ?? 'postgres://authz:authz@127.0.0.1:55432/authz';

/** Creates a fresh database on the test server; `drop` removes it. */
export const createTestDatabase = (prefix: string): Promise<TestDatabase> => createDatabase(prefix, TEST_PG_URL);

/** The SQL event stores as test fixtures: in-memory PGlite, and PostgreSQL in a database of its own. */
import { createPgClient, createPgliteClient, type PgClientOptions } from '../../../sql/src/index.js';
import { createTestDatabase } from '../../../sql/src/testing/test-database.js';
import { createPostgresEventStore } from '../postgres/postgres-event-store.js';
import type { ContractFixture } from './event-store.contract.js';

export async function pgliteStore(): Promise<ContractFixture> {
  const store = createPostgresEventStore(await createPgliteClient('memory'), { ownsClient: true });
  await store.ensureSchema();
  return { store, teardown: () => store.close() };
}

/** A store in a fresh PostgreSQL database named after `prefix`, dropped by `teardown`. */
export async function postgresStore(prefix: string, options: PgClientOptions = {}): Promise<ContractFixture> {
  const db = await createTestDatabase(prefix);
  const store = createPostgresEventStore(createPgClient(db.url, options), { ownsClient: true });
  await store.ensureSchema();
  return {
    store,
    teardown: async () => {
      await store.close();
      await db.drop();
    },
  };
}

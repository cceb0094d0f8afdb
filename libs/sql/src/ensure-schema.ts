import type { SqlClient } from './sql-client.port.js';

/**
 * Runs idempotent DDL (`CREATE TABLE IF NOT EXISTS …`) in one transaction under a transaction-scoped
 * advisory lock. Two processes creating the same table at once — two API workers starting on a fresh
 * database — otherwise race inside PostgreSQL's catalogue: `IF NOT EXISTS` checks before it inserts,
 * and the loser fails with a duplicate key on pg_type. `lockKey` names one schema's lock (the same
 * for every process that creates it).
 */
export async function ensureSchema(sql: SqlClient, lockKey: number, statements: readonly string[]): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
    for (const statement of statements) await tx.query(statement);
  });
}

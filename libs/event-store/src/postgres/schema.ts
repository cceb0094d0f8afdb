import type { SqlClient } from '../../../sql/src/index.js';

/** Arbitrary but fixed: serialises concurrent `ensureSchema` calls across processes. */
const SCHEMA_LOCK_KEY = 727_100_001;

export const NOTIFY_CHANNEL = 'event_store_appended';

/**
 * `transaction_id` is the writer's xid8: readers only see rows whose transaction is older than every
 * transaction still running (`pg_snapshot_xmin`), ordered by (transaction_id, global_position), so a
 * row that commits late can never land behind a position a subscriber has already passed.
 */
const DDL = `
CREATE TABLE IF NOT EXISTS events (
  global_position bigserial PRIMARY KEY,
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  event_id uuid NOT NULL UNIQUE,
  stream_id text NOT NULL,
  revision int NOT NULL,
  type text NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (stream_id, revision)
);
CREATE INDEX IF NOT EXISTS events_transaction_position ON events (transaction_id, global_position);
CREATE TABLE IF NOT EXISTS event_streams (
  stream_id text PRIMARY KEY,
  revision int NOT NULL
);
`;

/** Creates the event tables if missing; safe when several processes start together. */
export const ensureEventStoreSchema = async (sql: SqlClient): Promise<void> => {
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
    for (const statement of DDL.split(';').map((s) => s.trim()).filter(Boolean)) await tx.query(statement);
  });
};

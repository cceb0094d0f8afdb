/**
 * The one checkpoint table of every processor, its lease rows and the memory projections'
 * snapshots. Plain SQL that PostgreSQL and PGlite both run; times come from the database clock so
 * that processes with skewed clocks agree on a lease's expiry.
 */
import { comparePositions, START, type Position } from '../../event-store/src/event-store.port.js';
import type { SqlClient, SqlQueryable } from '../../sql/src/sql-client.port.js';

/** Serialises the host's DDL (and the processors' own) across processes starting together. */
/** The lock of the host's tables and every processor's schema (a reader creating one of those tables takes it too). */
export const SCHEMA_LOCK_KEY = 727_100_501;

export const CHECKPOINT_TABLE = 'processor_checkpoints';

const DDL = [
  `CREATE TABLE IF NOT EXISTS processor_checkpoints (
     name text PRIMARY KEY, position text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE IF NOT EXISTS processor_leases (
     name text PRIMARY KEY, holder text NOT NULL, expires_at timestamptz NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS processor_snapshots (
     name text PRIMARY KEY, position text NOT NULL, format text NOT NULL, data text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`,
];

/**
 * Where checkpoints lived before this table (one row per consumer name in each). Copied once, on
 * the first start of a processor of the same name, so that an upgraded deployment resumes where it
 * was instead of replaying effects (notices, revocations) from the start of the log. (The expiry
 * scheduler's two legacy rows, one per table, have no single successor: its one projection folds
 * the log again from the start, and every command it then sends has a derived id, a duplicate.)
 */
export const LEGACY_CHECKPOINT_TABLES = ['rm_checkpoints', 'kpi_checkpoints', 'cascade_checkpoint', 'notice_relay_checkpoint'] as const;

/**
 * Creates the host's tables, then for each name without a row copies its legacy checkpoint (the
 * furthest one found) or starts it at START, then runs `ddl` (the processors' own idempotent
 * schema), all in one transaction under one advisory lock.
 */
export async function ensureCheckpoints(sql: SqlClient, names: readonly string[], ddl: readonly string[] = []): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
    for (const statement of DDL) await tx.query(statement);
    const { rows: present } = await tx.query<{ name: string }>('SELECT name FROM processor_checkpoints WHERE name = ANY($1::text[])', [names]);
    const missing = names.filter((name) => !present.some((row) => row.name === name));
    for (const name of missing) await tx.query('INSERT INTO processor_checkpoints (name, position) VALUES ($1, $2)', [name, await legacyPosition(tx, name)]);
    for (const statement of ddl) await tx.query(statement);
  });
}

const legacyPosition = async (tx: SqlQueryable, name: string): Promise<Position> => {
  let position: Position = START;
  for (const table of LEGACY_CHECKPOINT_TABLES) {
    const { rows: exists } = await tx.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [table]);
    if (!exists[0]?.found) continue;
    // `table` is one of the constants above, never input.
    const { rows } = await tx.query<{ position: string }>(`SELECT position FROM ${table} WHERE name = $1`, [name]);
    const legacy = rows[0]?.position;
    if (legacy !== undefined && comparePositions(legacy, position) > 0) position = legacy;
  }
  return position;
};

export async function readCheckpoint(db: SqlQueryable, name: string): Promise<Position> {
  const { rows } = await db.query<{ position: string }>('SELECT position FROM processor_checkpoints WHERE name = $1', [name]);
  return rows[0]?.position ?? START;
}

/** Locks the row (`FOR UPDATE`): instances sharing it serialise, and the second skips what the first applied. */
export async function lockCheckpoint(tx: SqlQueryable, name: string): Promise<Position> {
  const { rows } = await tx.query<{ position: string }>('SELECT position FROM processor_checkpoints WHERE name = $1 FOR UPDATE', [name]);
  return rows[0]?.position ?? START;
}

/** Moves the checkpoint forward only (an older position never overwrites a newer one). */
export async function advanceCheckpoint(db: SqlQueryable, name: string, position: Position): Promise<void> {
  await db.query(
    `INSERT INTO processor_checkpoints (name, position, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = EXCLUDED.updated_at
     WHERE processor_checkpoints.position COLLATE "C" < EXCLUDED.position COLLATE "C"`,
    [name, position],
  );
}

/** Like `advanceCheckpoint`, but only while `holder` holds the processor's lease; false when it does not. */
export async function advanceFenced(db: SqlQueryable, name: string, holder: string, position: Position): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE processor_checkpoints SET position = CASE WHEN position COLLATE "C" < $2::text COLLATE "C" THEN $2 ELSE position END, updated_at = now()
     WHERE name = $1 AND EXISTS (SELECT 1 FROM processor_leases WHERE name = $1 AND holder = $3 AND expires_at > now())
     RETURNING position`,
    [name, position, holder],
  );
  return rows.length === 1;
}

/** Resets a checkpoint to START (a rebuild: the caller empties the rows in the same transaction). */
export async function resetCheckpoint(db: SqlQueryable, name: string): Promise<void> {
  await db.query(`UPDATE processor_checkpoints SET position = $2, updated_at = now() WHERE name = $1`, [name, START]);
}

/** Takes or renews the lease; false when another holder has an unexpired one. */
export async function acquireLease(db: SqlQueryable, name: string, holder: string, ttlMs: number): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO processor_leases (name, holder, expires_at) VALUES ($1, $2, now() + $3 * interval '1 millisecond')
     ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
     WHERE processor_leases.holder = EXCLUDED.holder OR processor_leases.expires_at < now()
     RETURNING holder`,
    [name, holder, ttlMs],
  );
  return rows.length === 1;
}

export async function releaseLease(db: SqlQueryable, name: string, holder: string): Promise<void> {
  await db.query('DELETE FROM processor_leases WHERE name = $1 AND holder = $2', [name, holder]);
}

export interface StoredSnapshot {
  readonly position: Position;
  readonly format: string;
  readonly data: string;
}

export async function readSnapshot(db: SqlQueryable, name: string): Promise<StoredSnapshot | null> {
  const { rows } = await db.query<StoredSnapshot>('SELECT position, format, data FROM processor_snapshots WHERE name = $1', [name]);
  return rows[0] ?? null;
}

/** Stores a snapshot unless a newer one (of the same format) is there: replicas writing together keep the furthest. */
export async function writeSnapshot(db: SqlQueryable, name: string, snapshot: StoredSnapshot): Promise<void> {
  await db.query(
    `INSERT INTO processor_snapshots (name, position, format, data, updated_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, format = EXCLUDED.format, data = EXCLUDED.data, updated_at = EXCLUDED.updated_at
     WHERE processor_snapshots.position COLLATE "C" < EXCLUDED.position COLLATE "C" OR processor_snapshots.format <> EXCLUDED.format`,
    [name, snapshot.position, snapshot.format, snapshot.data],
  );
}

/**
 * Read-model schema. Migrations are idempotent and run under a transaction-scoped advisory lock,
 * so replicas starting together migrate once. Positions are fixed-width strings compared
 * byte-wise (`COLLATE "C"`), matching `comparePositions`.
 */
import { ensureCheckpoints } from '../../../processors/src/checkpoints.js';
import type { SqlClient, SqlQueryable } from '../../../sql/src/sql-client.port.js';

const MIGRATION_LOCK = 7_310_245_001;

const MIGRATIONS: readonly (readonly string[])[] = [
  [
    `CREATE TABLE IF NOT EXISTS rm_checkpoints (name text PRIMARY KEY, position text COLLATE "C" NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`,
    // Documents are json (stored as text, never queried inside): cheaper to write than jsonb.
    `CREATE TABLE IF NOT EXISTS rm_authorizations (
       id text PRIMARY KEY,
       applicant_id text NOT NULL,
       applicant_team text,
       status text NOT NULL,
       matter text NOT NULL,
       created_at text NOT NULL,
       updated_at text NOT NULL,
       created_position text COLLATE "C" NOT NULL,
       last_position text COLLATE "C" NOT NULL,
       doc json NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS rm_inbox_tasks (
       authorization_id text NOT NULL,
       kind text NOT NULL,
       change_id text,
       applicant_id text NOT NULL,
       matter text NOT NULL,
       assignee_rule text NOT NULL,
       assignee_id text,
       assignee_role text,
       excluded jsonb NOT NULL,
       since text NOT NULL,
       PRIMARY KEY (authorization_id, kind))`,
    `CREATE TABLE IF NOT EXISTS rm_employees (
       id text PRIMARY KEY,
       role text NOT NULL,
       team text,
       reports_to text,
       left_at text,
       last_position text COLLATE "C" NOT NULL,
       doc json NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS rm_audit (
       position text COLLATE "C" PRIMARY KEY,
       event_id text NOT NULL,
       type text NOT NULL,
       stream_id text NOT NULL,
       occurred_at timestamptz NOT NULL,
       actor_id text,
       authorization_id text,
       employee_id text,
       entry json NOT NULL)`,
  ],
];

/**
 * Secondary indexes: ensured on every migration (a rebuild drops them for the bulk load and
 * creates them at the end; a rebuild that crashed gets them back at the next start).
 */
const SECONDARY_INDEXES: Readonly<Record<string, string>> = {
  rm_authorizations_order: 'rm_authorizations (created_position DESC)',
  rm_authorizations_applicant: 'rm_authorizations (applicant_id, created_position DESC)',
  rm_authorizations_team: 'rm_authorizations (applicant_team, created_position DESC)',
  rm_authorizations_status: 'rm_authorizations (status, created_position DESC)',
  rm_inbox_tasks_rule: 'rm_inbox_tasks (assignee_rule, assignee_id)',
  rm_employees_reports_to: 'rm_employees (reports_to)',
  rm_audit_authorization: 'rm_audit (authorization_id, position)',
  rm_audit_employee: 'rm_audit (employee_id, position)',
  rm_audit_actor: 'rm_audit (actor_id, position)',
  rm_audit_type: 'rm_audit (type, position)',
  rm_audit_occurred: 'rm_audit (occurred_at)',
};

export const createSecondaryIndexes = async (sql: SqlQueryable): Promise<void> => {
  for (const [name, on] of Object.entries(SECONDARY_INDEXES)) await sql.query(`CREATE INDEX IF NOT EXISTS ${name} ON ${on}`);
};

export const dropSecondaryIndexes = async (sql: SqlQueryable): Promise<void> => {
  for (const name of Object.keys(SECONDARY_INDEXES)) await sql.query(`DROP INDEX IF EXISTS ${name}`);
};

/** Tables a rebuild truncates (the checkpoint row is deleted with them, in the same transaction). */
export const READ_MODEL_TABLES = ['rm_authorizations', 'rm_inbox_tasks', 'rm_employees', 'rm_audit'] as const;

/** Brings the schema up to date; safe to call from every process at start. */
export const migrateReadModels = async (sql: SqlClient): Promise<void> => {
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query('CREATE TABLE IF NOT EXISTS rm_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await tx.query<{ version: number | null }>('SELECT max(version) AS version FROM rm_migrations');
    const current = rows[0]?.version ?? 0;
    for (let version = current + 1; version <= MIGRATIONS.length; version += 1) {
      for (const statement of MIGRATIONS[version - 1] ?? []) await tx.query(statement);
      await tx.query('INSERT INTO rm_migrations (version) VALUES ($1)', [version]);
    }
    await createSecondaryIndexes(tx);
  });
  // The read models' checkpoint row (READ_MODELS_PROJECTION of read-model.store.ts), copied once from the
  // legacy rm_checkpoints: queries read it before any projector has run.
  await ensureCheckpoints(sql, ['read-models.v2']);
};

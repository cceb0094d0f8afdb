/**
 * Tables of the decision log and the KPI facts, in the read store. Idempotent, run under a
 * transaction-scoped advisory lock so replicas starting together migrate once. The decision log
 * is append-only and high-volume, outside the audit trail (SPEC §10): its own table, its own
 * retention (delete by `decided_at`), never truncated by a read-model rebuild.
 */
import { ensureCheckpoints } from '../../../processors/src/checkpoints.js';
import { ensureSchema } from '../../../sql/src/ensure-schema.js';
import type { SqlClient } from '../../../sql/src/sql-client.port.js';

const MIGRATION_LOCK = 7_310_245_010;

/** Idempotent DDL of the decision log and the KPI facts (also the KPI projection's `schema`). */
export const KPI_SCHEMA: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS decision_log (
     id uuid PRIMARY KEY,
     employee_id text NOT NULL,
     team text,
     authority text NOT NULL,
     context jsonb,
     at timestamptz NOT NULL,
     allowed boolean NOT NULL,
     reason text NOT NULL,
     grant_id text,
     policy_version text NOT NULL,
     requested_by text NOT NULL,
     request_id text NOT NULL,
     decided_at timestamptz NOT NULL)`,
  // Ids are UUIDv7 (time-ordered): the primary key orders the log newest first and every index is
  // append-mostly; decided_at ranges (periods, samples) use a BRIN index, tiny and cheap to keep.
  'CREATE INDEX IF NOT EXISTS decision_log_decided_at ON decision_log USING brin (decided_at)',
  'CREATE INDEX IF NOT EXISTS decision_log_employee ON decision_log (employee_id, id DESC)',
  `CREATE TABLE IF NOT EXISTS kpi_checkpoints (name text PRIMARY KEY, position text COLLATE "C" NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE IF NOT EXISTS kpi_escalations (id text PRIMARY KEY, employee_id text NOT NULL, authority text NOT NULL, raised_at timestamptz NOT NULL, resolved_at timestamptz)`,
  'CREATE INDEX IF NOT EXISTS kpi_escalations_employee ON kpi_escalations (employee_id, raised_at)',
  `CREATE TABLE IF NOT EXISTS kpi_reports (id text PRIMARY KEY, subject_employee_id text NOT NULL, reported_at timestamptz NOT NULL, finding text, concluded_at timestamptz)`,
  'CREATE INDEX IF NOT EXISTS kpi_reports_concluded ON kpi_reports (concluded_at)',
  `CREATE TABLE IF NOT EXISTS kpi_feedback (id text PRIMARY KEY, employee_id text NOT NULL, score integer NOT NULL, received_at timestamptz NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS kpi_feedback_received ON kpi_feedback (received_at)',
  `CREATE TABLE IF NOT EXISTS kpi_inspections (id text PRIMARY KEY, employee_id text NOT NULL, compliant boolean NOT NULL, period text, recorded_at timestamptz NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS kpi_assessments (employee_id text NOT NULL, period text NOT NULL, teamwork_score integer NOT NULL, PRIMARY KEY (employee_id, period))`,
];

/** Tables a KPI rebuild empties (the decision log is not a projection: never rebuilt). */
export const KPI_FACT_TABLES = ['kpi_escalations', 'kpi_reports', 'kpi_feedback', 'kpi_inspections', 'kpi_assessments'] as const;

/** Brings the decision-log and KPI tables up to date; safe to call from every process at start. */
export const migrateKpiTables = async (sql: SqlClient): Promise<void> => {
  await ensureSchema(sql, MIGRATION_LOCK, KPI_SCHEMA);
  // The facts' checkpoint row (`kpis`, see kpi.store.ts), copied once from the legacy kpi_checkpoints.
  await ensureCheckpoints(sql, ['kpis']);
};

/**
 * SQL of the decision log: one multi-row INSERT per batch, keyset pages, random samples. Rows are
 * passed as one JSON parameter (`json_to_recordset`): one statement whatever the batch size, the
 * same on pg and PGlite, and far below the 65,535-parameter limit.
 */
import type { SqlQueryable } from '../../../sql/src/sql-client.port.js';
import { checkInstant, checkLimit, decodeCursor, encodeCursor, InvalidCursorError, type Page } from '../postgres/cursor.js';
import { isoOf } from './sql-values.js';

/** A decision as written: the check's answer plus a log id. */
export interface DecisionToLog {
  readonly id: string;
  readonly employeeId: string;
  readonly authority: string;
  readonly context: { readonly amount?: number; readonly channel?: string } | null;
  readonly at: string;
  readonly allowed: boolean;
  readonly reason: string;
  readonly grantId: string | null;
  readonly policyVersion: string;
  readonly requestedBy: string;
  readonly requestId: string;
  readonly decidedAt: string;
}

/** A recorded decision as read back; `team` is the employee's team when the batch was written. */
export interface DecisionLogEntry extends DecisionToLog {
  readonly team: string | null;
}

export interface DecisionFilter {
  readonly employeeId?: string;
  /** Restricts to the decisions recorded for members of this team. */
  readonly team?: string;
  readonly authority?: string;
  readonly allowed?: boolean;
  /** Inclusive lower bound on `decidedAt` (ISO-8601). */
  readonly from?: string;
  /** Exclusive upper bound on `decidedAt` (ISO-8601). */
  readonly to?: string;
  readonly cursor?: string;
  readonly limit?: number;
}

/**
 * Writes `decisions` with ONE statement. The team is looked up in the employee read model at write
 * time (a LEFT JOIN, so an unknown employee still gets its row).
 */
export const insertDecisions = (sql: SqlQueryable, decisions: readonly DecisionToLog[]): Promise<void> =>
  insertDecisionRows(sql, decisions.map((decision) => JSON.stringify(decision)));

/**
 * Writes decisions already serialised one by one (`JSON.stringify(DecisionToLog)`): a queue of flat
 * strings costs the garbage collector far less than a queue of live objects waiting for a flush.
 */
export const insertDecisionRows = async (sql: SqlQueryable, rows: readonly string[]): Promise<void> => {
  if (rows.length === 0) return;
  // json (text), not jsonb: parsed once by json_to_recordset, cheaper for a write-only batch.
  await sql.query(
    `INSERT INTO decision_log (id, employee_id, team, authority, context, at, allowed, reason, grant_id, policy_version, requested_by, request_id, decided_at)
     SELECT x.id, x."employeeId", e.team, x.authority, x.context::jsonb, x.at, x.allowed, x.reason, x."grantId", x."policyVersion", x."requestedBy", x."requestId", x."decidedAt"
     FROM json_to_recordset($1::json) AS x(id uuid, "employeeId" text, authority text, context json, at timestamptz, allowed boolean, reason text,
                                          "grantId" text, "policyVersion" text, "requestedBy" text, "requestId" text, "decidedAt" timestamptz)
     LEFT JOIN rm_employees e ON e.id = x."employeeId"
     ON CONFLICT (id) DO NOTHING`,
    [`[${rows.join(',')}]`],
  );
};

const COLUMNS = 'id, employee_id, team, authority, context, at, allowed, reason, grant_id, policy_version, requested_by, request_id, decided_at';

interface DecisionRow {
  id: string;
  employee_id: string;
  team: string | null;
  authority: string;
  context: unknown;
  at: unknown;
  allowed: boolean;
  reason: string;
  grant_id: string | null;
  policy_version: string;
  requested_by: string;
  request_id: string;
  decided_at: unknown;
}

const toEntry = (r: DecisionRow): DecisionLogEntry => ({
  id: r.id,
  employeeId: r.employee_id,
  team: r.team,
  authority: r.authority,
  context: (typeof r.context === 'string' ? JSON.parse(r.context) : r.context) as DecisionLogEntry['context'],
  at: isoOf(r.at),
  allowed: r.allowed,
  reason: r.reason,
  grantId: r.grant_id,
  policyVersion: r.policy_version,
  requestedBy: r.requested_by,
  requestId: r.request_id,
  decidedAt: isoOf(r.decided_at),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Newest first, keyset-paged on the time-ordered id (UUIDv7, assigned when the decision was recorded). */
export const listDecisions = async (sql: SqlQueryable, filter: DecisionFilter): Promise<Page<DecisionLogEntry>> => {
  const limit = checkLimit(filter.limit);
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (p: string) => string, value: unknown): void => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (filter.employeeId !== undefined) add((p) => `employee_id = ${p}`, filter.employeeId);
  if (filter.team !== undefined) add((p) => `team = ${p}`, filter.team);
  if (filter.authority !== undefined) add((p) => `authority = ${p}`, filter.authority);
  if (filter.allowed !== undefined) add((p) => `allowed = ${p}`, filter.allowed);
  // In UTC, as the audit's filters: PostgreSQL refuses offsets beyond ±15:59 that ISO-8601 allows.
  const from = checkInstant('from', filter.from);
  const to = checkInstant('to', filter.to);
  if (from !== undefined) add((p) => `decided_at >= ${p}::timestamptz`, from);
  if (to !== undefined) add((p) => `decided_at < ${p}::timestamptz`, to);
  if (filter.cursor !== undefined) {
    const [decidedAt, id] = decodeCursor(filter.cursor, 2) as [string, string];
    if (Number.isNaN(Date.parse(decidedAt)) || !UUID.test(id)) throw new InvalidCursorError();
    params.push(id);
    where.push(`id < $${params.length}::uuid`);
  }
  params.push(limit + 1);
  const { rows } = await sql.query<DecisionRow>(
    `SELECT ${COLUMNS} FROM decision_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY id DESC LIMIT $${params.length}`,
    params,
  );
  const items = rows.slice(0, limit).map(toEntry);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.decidedAt, last.id]) : null };
};

/** A uniform random sample of the decisions recorded since `since` (optionally of one team). */
export const sampleDecisions = async (sql: SqlQueryable, options: { readonly since: string; readonly size: number; readonly team?: string }): Promise<DecisionLogEntry[]> => {
  const params: unknown[] = [options.since, options.size];
  const team = options.team === undefined ? '' : (params.push(options.team), `AND team = $${params.length}`);
  const { rows } = await sql.query<DecisionRow>(`SELECT ${COLUMNS} FROM decision_log WHERE decided_at >= $1::timestamptz ${team} ORDER BY random() LIMIT $2`, params);
  return rows.map(toEntry);
};

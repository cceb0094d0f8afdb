/**
 * The SQL read models (authorizations, inbox tasks, employees, audit) as one projection of the
 * processor framework: `readModelsProjection()` is what a host runs, and `ReadModelStore` applies
 * the same projection outside a host (rebuilds, the CLI's catch-up). Rows and the checkpoint (in
 * `processor_checkpoints`) are written in ONE transaction: a batch is visible entirely or not at
 * all, a replayed batch is a no-op, and a crash followed by a restart from the checkpoint ends in
 * the same tables as a rebuild.
 */
import type { AuthorizationEvent, EmployeeEvent } from '../../../domain/src/events.js';
import type { Position, RecordedEvent } from '../../../event-store/src/event-store.port.js';
import { ensureCheckpoints, readCheckpoint as readProcessorCheckpoint, resetCheckpoint } from '../../../processors/src/checkpoints.js';
import { applyProjection } from '../../../processors/src/host.js';
import type { SqlProjection } from '../../../processors/src/processor.js';
import type { SqlClient, SqlQueryable } from '../../../sql/src/sql-client.port.js';
import { auditEntryOf, isAuditEntry, type IndexedAuditEntry } from '../audit/audit-entry.projection.js';
import { evolveAuthorization, isAuthorizationEvent } from '../authorization/authorization.projection.js';
import type { AuthorizationRow } from '../authorization/authorization.row.js';
import { tasksOf } from '../authorization/inbox.projection.js';
import { evolveEmployee, isEmployeeEvent, type EmployeeRow } from '../employee/employee.projection.js';
import { toProjectedEvent, type ProjectedEvent } from '../recorded.js';
import { createSecondaryIndexes, dropSecondaryIndexes, READ_MODEL_TABLES } from './schema.js';

/**
 * Name (checkpoint key) of the SQL read models' projection. Raised with the rows' shape (v2: an
 * authorization's `acts`, what the worklist's separation of duties decides on), so a deployment
 * replays the whole log over its tables once; an authorization's first event rebuilds its row.
 */
export const READ_MODELS_PROJECTION = 'read-models.v2';

const ids = (values: Iterable<string>): string => JSON.stringify([...values]);

const validInstant = (value: string, fallback: string): string => {
  const time = Date.parse(value);
  return Number.isNaN(time) ? fallback : new Date(time).toISOString();
};

/** The read models as a processor (the schema is migrated by `migrateReadModels`, which every app runs at start). */
export const readModelsProjection = (name: string = READ_MODELS_PROJECTION): SqlProjection => ({
  kind: 'projection',
  name,
  batchSize: 500,
  apply: async (tx, events) => {
    // Safe without a synchronous WAL flush: rows and checkpoint are lost or kept together, and a
    // lost batch is replayed from the checkpoint that survived.
    await tx.query('SET LOCAL synchronous_commit = off');
    await projectReadModels(tx, events);
  },
});

export class ReadModelStore {
  private readonly projector: SqlProjection;
  private ready: Promise<void> | undefined;

  constructor(
    private readonly sql: SqlClient,
    readonly projection: string = READ_MODELS_PROJECTION,
  ) {
    this.projector = readModelsProjection(projection);
  }

  /** The position the read models reflect (START before any event). */
  async checkpoint(): Promise<Position> {
    await this.ensure();
    return readProcessorCheckpoint(this.sql, this.projection);
  }

  /**
   * Applies `events` (in commit order) and moves the checkpoint to the last one, atomically.
   * Returns the checkpoint after the batch.
   */
  async apply(events: readonly RecordedEvent[]): Promise<Position> {
    await this.ensure();
    return applyProjection(this.sql, this.projector, events);
  }

  /** Empties every read-model table and the checkpoint, in one transaction (start of a rebuild). */
  async reset(): Promise<void> {
    await this.ensure();
    await this.sql.transaction(async (tx) => {
      await tx.query('SELECT position FROM processor_checkpoints WHERE name = $1 FOR UPDATE', [this.projection]);
      await tx.query(`TRUNCATE ${READ_MODEL_TABLES.join(', ')}`);
      await resetCheckpoint(tx, this.projection);
    });
  }

  async dropIndexes(): Promise<void> {
    await this.sql.transaction((tx) => dropSecondaryIndexes(tx));
  }

  async createIndexes(): Promise<void> {
    await this.sql.transaction((tx) => createSecondaryIndexes(tx));
  }

  private ensure(): Promise<void> {
    this.ready ??= ensureCheckpoints(this.sql, [this.projection]).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }
}

/** Folds a batch (commit order) into the read-model rows, inside the caller's transaction. */
export async function projectReadModels(tx: SqlQueryable, batch: readonly RecordedEvent[]): Promise<void> {
  // The signed anchors are statements about the trail, not entries of it (SPEC §12).
  const events = batch.filter(isAuditEntry);
  const projected = events.map((recorded) => ({ recorded, p: toProjectedEvent(recorded) }));
  const authorizationIds = new Set<string>();
  const employeeIds = new Set<string>();
  for (const { p } of projected) {
    if (p !== null && isAuthorizationEvent(p)) authorizationIds.add(p.event.data.authorizationId);
    else if (p !== null && isEmployeeEvent(p)) employeeIds.add(p.event.data.employeeId);
  }
  const authorizations = await loadAuthorizations(tx, authorizationIds);
  const employees = await loadEmployees(tx, employeeIds);
  const audit: IndexedAuditEntry[] = [];
  const touchedAuthorizations = new Set<string>();
  const touchedEmployees = new Set<string>();
  for (const { recorded, p } of projected) {
    if (p !== null && isAuthorizationEvent(p)) foldAuthorization(authorizations, touchedAuthorizations, p);
    else if (p !== null && isEmployeeEvent(p)) foldEmployee(employees, touchedEmployees, p);
    audit.push(auditEntryOf(recorded, (id) => authorizations.get(id)?.applicantId ?? null));
  }
  await saveAuthorizations(tx, [...touchedAuthorizations].map((id) => authorizations.get(id)).filter((row): row is AuthorizationRow => row !== undefined));
  await saveEmployees(tx, [...touchedEmployees].map((id) => employees.get(id)).filter((row): row is EmployeeRow => row !== undefined));
  await saveAudit(tx, audit, events);
}

const foldAuthorization = (rows: Map<string, AuthorizationRow>, touched: Set<string>, p: ProjectedEvent<AuthorizationEvent>): void => {
  const id = p.event.data.authorizationId;
  const next = evolveAuthorization(rows.get(id) ?? null, p);
  if (next === null) return;
  rows.set(id, next);
  touched.add(id);
};

const foldEmployee = (rows: Map<string, EmployeeRow>, touched: Set<string>, p: ProjectedEvent<EmployeeEvent>): void => {
  const id = p.event.data.employeeId;
  const next = evolveEmployee(rows.get(id) ?? null, p);
  if (next === null) return;
  rows.set(id, next);
  touched.add(id);
};

/** The read models' checkpoint as stored (the projector may run in another process). */
export const readCheckpoint = (sql: SqlQueryable, projection: string): Promise<Position> => readProcessorCheckpoint(sql, projection);

const loadAuthorizations = async (tx: SqlQueryable, wanted: ReadonlySet<string>): Promise<Map<string, AuthorizationRow>> => {
  if (wanted.size === 0) return new Map();
  const { rows } = await tx.query<{ doc: AuthorizationRow }>('SELECT doc FROM rm_authorizations WHERE id IN (SELECT json_array_elements_text($1::json))', [ids(wanted)]);
  return new Map(rows.map(({ doc }) => [doc.id, doc]));
};

const loadEmployees = async (tx: SqlQueryable, wanted: ReadonlySet<string>): Promise<Map<string, EmployeeRow>> => {
  if (wanted.size === 0) return new Map();
  const { rows } = await tx.query<{ doc: EmployeeRow }>('SELECT doc FROM rm_employees WHERE id IN (SELECT json_array_elements_text($1::json))', [ids(wanted)]);
  return new Map(rows.map(({ doc }) => [doc.id, doc]));
};

const saveAuthorizations = async (tx: SqlQueryable, rows: readonly AuthorizationRow[]): Promise<void> => {
  if (rows.length === 0) return;
  const records = rows.map((doc) => ({
    id: doc.id,
    applicantId: doc.applicantId,
    applicantTeam: doc.applicantTeam,
    status: doc.status,
    matter: doc.matter,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    createdPosition: doc.createdPosition,
    lastPosition: doc.lastPosition,
    doc,
  }));
  await tx.query(
    `INSERT INTO rm_authorizations (id, applicant_id, applicant_team, status, matter, created_at, updated_at, created_position, last_position, doc)
     SELECT r.id, r."applicantId", r."applicantTeam", r.status, r.matter, r."createdAt", r."updatedAt", r."createdPosition", r."lastPosition", r.doc
     FROM json_to_recordset($1::json) AS r(id text, "applicantId" text, "applicantTeam" text, status text, matter text, "createdAt" text, "updatedAt" text,
          "createdPosition" text, "lastPosition" text, doc json)
     ON CONFLICT (id) DO UPDATE SET applicant_team = EXCLUDED.applicant_team, status = EXCLUDED.status, matter = EXCLUDED.matter,
       updated_at = EXCLUDED.updated_at, last_position = EXCLUDED.last_position, doc = EXCLUDED.doc`,
    [JSON.stringify(records)],
  );
  await tx.query('DELETE FROM rm_inbox_tasks WHERE authorization_id IN (SELECT json_array_elements_text($1::json))', [ids(rows.map((row) => row.id))]);
  const tasks = rows.flatMap(tasksOf).map((task) => ({
    authorizationId: task.authorizationId,
    kind: task.kind,
    changeId: task.changeId,
    applicantId: task.applicantId,
    matter: task.matter,
    rule: task.assignee.rule,
    assigneeId: 'employeeId' in task.assignee ? task.assignee.employeeId : null,
    assigneeRole: 'role' in task.assignee ? task.assignee.role : null,
    excluded: task.excluded,
    since: task.since,
  }));
  if (tasks.length === 0) return;
  await tx.query(
    `INSERT INTO rm_inbox_tasks (authorization_id, kind, change_id, applicant_id, matter, assignee_rule, assignee_id, assignee_role, excluded, since)
     SELECT t."authorizationId", t.kind, t."changeId", t."applicantId", t.matter, t.rule, t."assigneeId", t."assigneeRole", t.excluded, t.since
     FROM json_to_recordset($1::json) AS t("authorizationId" text, kind text, "changeId" text, "applicantId" text, matter text, rule text,
          "assigneeId" text, "assigneeRole" text, excluded jsonb, since text)`,
    [JSON.stringify(tasks)],
  );
};

const saveEmployees = async (tx: SqlQueryable, rows: readonly EmployeeRow[]): Promise<void> => {
  if (rows.length === 0) return;
  const records = rows.map((doc) => ({ id: doc.id, role: doc.role, team: doc.team, reportsTo: doc.reportsTo, leftAt: doc.leftAt, lastPosition: doc.lastPosition, doc }));
  await tx.query(
    `INSERT INTO rm_employees (id, role, team, reports_to, left_at, last_position, doc)
     SELECT r.id, r.role, r.team, r."reportsTo", r."leftAt", r."lastPosition", r.doc
     FROM json_to_recordset($1::json) AS r(id text, role text, team text, "reportsTo" text, "leftAt" text, "lastPosition" text, doc json)
     ON CONFLICT (id) DO UPDATE SET role = EXCLUDED.role, team = EXCLUDED.team, reports_to = EXCLUDED.reports_to,
       left_at = EXCLUDED.left_at, last_position = EXCLUDED.last_position, doc = EXCLUDED.doc`,
    [JSON.stringify(records)],
  );
};

const saveAudit = async (tx: SqlQueryable, audit: readonly IndexedAuditEntry[], events: readonly RecordedEvent[]): Promise<void> => {
  const rows = audit.map(({ entry, authorizationId, employeeId }, index) => ({
    position: entry.position,
    eventId: entry.eventId,
    type: entry.type,
    streamId: entry.streamId,
    occurredAt: validInstant(entry.occurredAt, events[index]?.recordedAt ?? new Date(0).toISOString()),
    actorId: entry.actor?.id ?? null,
    authorizationId,
    employeeId,
    entry,
  }));
  await tx.query(
    `INSERT INTO rm_audit (position, event_id, type, stream_id, occurred_at, actor_id, authorization_id, employee_id, entry)
     SELECT a.position, a."eventId", a.type, a."streamId", a."occurredAt"::timestamptz, a."actorId", a."authorizationId", a."employeeId", a.entry
     FROM json_to_recordset($1::json) AS a(position text, "eventId" text, type text, "streamId" text, "occurredAt" text, "actorId" text,
          "authorizationId" text, "employeeId" text, entry json)
     ON CONFLICT (position) DO NOTHING`,
    [JSON.stringify(rows)],
  );
};

/** Queries over the SQL read models (SPEC §5). Lists page with opaque keyset cursors. */
import type { Act } from '../../../domain/src/authorization/authorization.state.js';
import type { Role } from '../../../domain/src/ids.js';
import type { Position } from '../../../event-store/src/event-store.port.js';
import type { SqlClient } from '../../../sql/src/sql-client.port.js';
import type { AuditEntry } from '../audit/audit-entry.projection.js';
import { historyEntryOf } from '../authorization/authorization.projection.js';
import type { AuthorizationRow, AuthorizationStatus, AuthorizationView } from '../authorization/authorization.row.js';
import type { TaskKind } from '../authorization/inbox.projection.js';
import type { EmployeeRow } from '../employee/employee.projection.js';
import { checkInstant, checkLimit, decodeCursor, encodeCursor, type Page } from './cursor.js';
import { READ_MODELS_PROJECTION, readCheckpoint } from './read-model.store.js';


/** A list item: the row without its history (nor its acts, which the history shows). */
export type AuthorizationSummary = Omit<AuthorizationRow, 'acts'>;

const summaryOf = ({ acts: _acts, ...summary }: AuthorizationRow): AuthorizationSummary => summary;

export interface AuthorizationFilter {
  readonly employeeId?: string;
  readonly team?: string;
  readonly status?: AuthorizationStatus;
  readonly matter?: string;
  readonly cursor?: string;
  readonly limit?: number;
}

export interface AuditFilter {
  readonly authorizationId?: string;
  /** The employee's own stream and every authorization they applied for. */
  readonly employeeId?: string;
  readonly actorId?: string;
  readonly type?: string;
  /** Inclusive lower bound on `occurredAt` (ISO-8601). */
  readonly from?: string;
  /** Exclusive upper bound on `occurredAt` (ISO-8601). */
  readonly to?: string;
  readonly cursor?: string;
  readonly limit?: number;
}

export interface InboxTaskView {
  readonly authorizationId: string;
  readonly kind: TaskKind;
  readonly changeId: string | null;
  readonly applicantId: string;
  readonly matter: string;
  readonly since: string;
  /** Every act on the authorization (its row's), what separation of duties decides on; null for a row projected before they were kept. */
  readonly acts: readonly Act[] | null;
}

export interface InboxCaller {
  readonly id: string;
  readonly role: Role;
  readonly team: string | null;
}

class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];
  add(clause: (placeholder: string) => string, value: unknown): void {
    this.params.push(value);
    this.clauses.push(clause(`$${this.params.length}`));
  }
  toString(): string {
    return this.clauses.length === 0 ? '' : `WHERE ${this.clauses.join(' AND ')}`;
  }
}

export class ReadModelQueries {
  constructor(private readonly sql: SqlClient) {}

  /** The row and its history, read in one statement (one snapshot). */
  async getAuthorization(id: string): Promise<AuthorizationView | null> {
    const { rows } = await this.sql.query<{ doc: AuthorizationRow; history: AuditEntry[] | null }>(
      `SELECT a.doc, (SELECT json_agg(h.entry ORDER BY h.position) FROM rm_audit h WHERE h.authorization_id = a.id) AS history
       FROM rm_authorizations a WHERE a.id = $1`,
      [id],
    );
    const row = rows[0];
    return row === undefined ? null : { ...row.doc, history: (row.history ?? []).map(historyEntryOf) };
  }

  /** Newest application first. */
  async listAuthorizations(filter: AuthorizationFilter): Promise<Page<AuthorizationSummary>> {
    const limit = checkLimit(filter.limit);
    const where = new Where();
    if (filter.employeeId !== undefined) where.add((p) => `applicant_id = ${p}`, filter.employeeId);
    if (filter.team !== undefined) where.add((p) => `applicant_team = ${p}`, filter.team);
    if (filter.status !== undefined) where.add((p) => `status = ${p}`, filter.status);
    if (filter.matter !== undefined) where.add((p) => `matter = ${p}`, filter.matter);
    if (filter.cursor !== undefined) {
      const [after] = decodeCursor(filter.cursor, 1);
      where.add((p) => `created_position < ${p}`, after);
    }
    where.params.push(limit + 1);
    const { rows } = await this.sql.query<{ doc: AuthorizationRow }>(
      `SELECT doc FROM rm_authorizations ${where.toString()} ORDER BY created_position DESC LIMIT $${where.params.length}`,
      where.params,
    );
    const items = rows.slice(0, limit).map(({ doc }) => summaryOf(doc));
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.createdPosition]) : null };
  }

  /**
   * The caller's open tasks. `designee`: the caller holds a grant in force for
   * `authorization.notice.issue` (the permission index knows; the read model does not).
   */
  async inbox(caller: InboxCaller, designee: boolean): Promise<InboxTaskView[]> {
    const { rows } = await this.sql.query<{ authorization_id: string; kind: TaskKind; change_id: string | null; applicant_id: string; matter: string; since: string; acts: Act[] | null }>(
      `SELECT t.authorization_id, t.kind, t.change_id, t.applicant_id, t.matter, t.since, a.doc->'acts' AS acts
       FROM rm_inbox_tasks t LEFT JOIN rm_authorizations a ON a.id = t.authorization_id
       WHERE NOT (t.excluded ? $1)
         AND (  (t.assignee_rule = 'superior-of' AND EXISTS (SELECT 1 FROM rm_employees e WHERE e.id = t.assignee_id AND e.reports_to = $1))
             OR (t.assignee_rule = 'role' AND t.assignee_role = $2)
             OR (t.assignee_rule = 'notice-issuer' AND ($2 = 'manager' OR $3::boolean))
             OR (t.assignee_rule = 'employee' AND t.assignee_id = $1))
       ORDER BY t.since, t.authorization_id`,
      [caller.id, caller.role, designee],
    );
    return rows.map((row) => ({ authorizationId: row.authorization_id, kind: row.kind, changeId: row.change_id, applicantId: row.applicant_id, matter: row.matter, since: row.since, acts: row.acts }));
  }

  async getEmployee(id: string): Promise<EmployeeRow | null> {
    const { rows } = await this.sql.query<{ doc: EmployeeRow }>('SELECT doc FROM rm_employees WHERE id = $1', [id]);
    return rows[0]?.doc ?? null;
  }

  /** Audit entries in commit order. */
  async listAudit(filter: AuditFilter): Promise<Page<AuditEntry>> {
    const limit = checkLimit(filter.limit);
    const after = filter.cursor === undefined ? undefined : decodeCursor(filter.cursor, 1)[0];
    const entries = await this.auditPage(filter, after, limit + 1);
    const items = entries.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: entries.length > limit && last !== undefined ? encodeCursor([last.position]) : null };
  }

  /** Every entry in commit order, page by page (for the export); memory stays bounded. */
  async *streamAudit(filter: Pick<AuditFilter, 'from' | 'to'> = {}, pageSize = 1000): AsyncGenerator<AuditEntry> {
    let after: string | undefined;
    for (;;) {
      const page = await this.auditPage(filter, after, pageSize);
      yield* page;
      const last = page[page.length - 1];
      if (last === undefined || page.length < pageSize) return;
      after = last.position;
    }
  }

  /** How many entries `streamAudit(filter)` yields now (for progress bars). */
  async countAudit(filter: Pick<AuditFilter, 'from' | 'to'> = {}): Promise<number> {
    const where = new Where();
    const from = checkInstant('from', filter.from);
    const to = checkInstant('to', filter.to);
    if (from !== undefined) where.add((p) => `occurred_at >= ${p}::timestamptz`, from);
    if (to !== undefined) where.add((p) => `occurred_at < ${p}::timestamptz`, to);
    const { rows } = await this.sql.query<{ count: string | number }>(`SELECT count(*) AS count FROM rm_audit ${where.toString()}`, where.params);
    return Number(rows[0]?.count ?? 0);
  }

  async checkpoint(name: string = READ_MODELS_PROJECTION): Promise<Position> {
    return readCheckpoint(this.sql, name);
  }

  private async auditPage(filter: Omit<AuditFilter, 'cursor' | 'limit'>, after: string | undefined, limit: number): Promise<AuditEntry[]> {
    const where = new Where();
    if (filter.authorizationId !== undefined) where.add((p) => `authorization_id = ${p}`, filter.authorizationId);
    if (filter.employeeId !== undefined) where.add((p) => `employee_id = ${p}`, filter.employeeId);
    if (filter.actorId !== undefined) where.add((p) => `actor_id = ${p}`, filter.actorId);
    if (filter.type !== undefined) where.add((p) => `type = ${p}`, filter.type);
    const from = checkInstant('from', filter.from);
    const to = checkInstant('to', filter.to);
    if (from !== undefined) where.add((p) => `occurred_at >= ${p}::timestamptz`, from);
    if (to !== undefined) where.add((p) => `occurred_at < ${p}::timestamptz`, to);
    if (after !== undefined) where.add((p) => `position > ${p}`, after);
    where.params.push(limit);
    const { rows } = await this.sql.query<{ entry: AuditEntry }>(`SELECT entry FROM rm_audit ${where.toString()} ORDER BY position LIMIT $${where.params.length}`, where.params);
    return rows.map(({ entry }) => entry);
  }
}

/**
 * Reads of the record kinds (SPEC §11 read-backs). Who may read is the caller's to decide; a query
 * takes a `scope`: everything, or what one employee may see (their own, their team's, as the kind says).
 * Lists page by (sort instant, id), oldest first.
 */
import type { SqlClient } from '../../../sql/src/sql-client.port.js';
import { decodeCursor, encodeCursor, checkLimit, type Page } from '../postgres/cursor.js';
import type { ReportStatus } from '../../../domain/src/supervision/index.js';
import { recordTable } from './document-projection.js';
import type {
  AssessmentDoc,
  CatalogueVersionDoc,
  EscalationDoc,
  InspectionDoc,
  MeetingDoc,
  ReportDoc,
  SuggestionDoc,
  TrainingDoc,
  TrainingPlanDoc,
  WarningDoc,
} from './record-kinds.js';

/** Everything (managers, compliance), or what employee `id` may see of the kind. */
export type RecordScope = { readonly kind: 'all' } | { readonly kind: 'employee'; readonly id: string };

class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
  add(clause: (p: string) => string, value: unknown): void {
    this.clauses.push(clause(this.param(value)));
  }
  sql(): string {
    return this.clauses.length === 0 ? '' : `WHERE ${this.clauses.map((c) => `(${c})`).join(' AND ')}`;
  }
}

/** The superior of the document's employee now (the directory read model). */
const superiorIs = (field: string, p: string): string => `EXISTS (SELECT 1 FROM rm_employees e WHERE e.id = r.doc->>'${field}' AND e.reports_to = ${p})`;

export interface ListOptions {
  readonly cursor?: string;
  readonly limit?: number;
}

export class RecordQueries {
  constructor(private readonly sql: SqlClient) {}

  private async get<D>(kind: string, id: string): Promise<D | null> {
    const { rows } = await this.sql.query<{ doc: D }>(`SELECT doc FROM ${recordTable(kind)} WHERE id = $1`, [id]);
    return rows[0]?.doc ?? null;
  }

  private async page<D extends { readonly id: string }>(kind: string, sortField: string, where: Where, options: ListOptions): Promise<Page<D>> {
    const limit = checkLimit(options.limit);
    const sort = `doc->>'${sortField}'`;
    // An empty cursor is the first page, as no cursor is.
    if (options.cursor !== undefined && options.cursor !== '') {
      const [at, id] = decodeCursor(options.cursor, 2);
      const a = where.param(at);
      const b = where.param(id);
      where.clauses.push(`(${sort} COLLATE "C", id COLLATE "C") > (${a} COLLATE "C", ${b} COLLATE "C")`);
    }
    const max = where.param(limit + 1);
    const { rows } = await this.sql.query<{ doc: D }>(`SELECT r.doc FROM ${recordTable(kind)} r ${where.sql()} ORDER BY ${sort} COLLATE "C", id COLLATE "C" LIMIT ${max}`, where.params);
    const items = rows.slice(0, limit).map((row) => row.doc);
    const last = items[items.length - 1] as (D & Record<string, unknown>) | undefined;
    return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor([String(last[sortField]), last.id]) : null };
  }

  // ---- escalations: the raiser, their superior then and now, managers, compliance ----

  getEscalation(id: string): Promise<EscalationDoc | null> {
    return this.get('escalations', id);
  }

  listEscalations(scope: RecordScope, filter: { readonly employeeId?: string; readonly status?: 'open' | 'resolved' } & ListOptions): Promise<Page<EscalationDoc>> {
    const where = new Where();
    if (scope.kind === 'employee') {
      const me = where.param(scope.id);
      where.clauses.push(`doc->>'employeeId' = ${me} OR doc->>'superiorId' = ${me} OR ${superiorIs('employeeId', me)}`);
    }
    if (filter.employeeId !== undefined) where.add((p) => `doc->>'employeeId' = ${p}`, filter.employeeId);
    if (filter.status !== undefined) where.add((p) => `doc->>'status' = ${p}`, filter.status);
    return this.page('escalations', 'raisedAt', where, filter);
  }

  // ---- suggestions: managers and compliance all, the submitter their own ----

  getSuggestion(id: string): Promise<SuggestionDoc | null> {
    return this.get('suggestions', id);
  }

  /** `mine.digests`: the caller's keyed digests of the anonymous suggestions (theirs match). */
  listSuggestions(scope: RecordScope, filter: { readonly status?: 'open' | 'answered'; readonly mine?: { readonly id: string; readonly digests: readonly string[] } } & ListOptions): Promise<Page<SuggestionDoc>> {
    const where = new Where();
    if (scope.kind === 'employee') {
      const me = where.param(scope.id);
      const digests = where.param(JSON.stringify(filter.mine?.digests ?? []));
      where.clauses.push(`doc->>'submittedBy' = ${me} OR doc->>'authorDigest' IN (SELECT jsonb_array_elements_text(${digests}::jsonb))`);
    }
    if (filter.status !== undefined) where.add((p) => `doc->>'status' = ${p}`, filter.status);
    return this.page('suggestions', 'submittedAt', where, filter);
  }

  /** Ids of every suggestion, for matching anonymous digests (low volume). */
  async anonymousSuggestionIds(): Promise<string[]> {
    const { rows } = await this.sql.query<{ id: string }>(`SELECT id FROM ${recordTable('suggestions')} WHERE doc->>'anonymous' = 'true'`);
    return rows.map((row) => row.id);
  }

  // ---- reports: the investigator and the subject's superior now, managers, compliance, audit:read ----

  /** Reports in filing order; for an employee scope those they investigate or whose subject reports to them now. */
  listReports(scope: RecordScope, filter: { readonly subjectEmployeeId?: string; readonly status?: ReportStatus } & ListOptions): Promise<Page<ReportDoc>> {
    const where = new Where();
    if (scope.kind === 'employee') {
      const me = where.param(scope.id);
      where.clauses.push(`doc->>'investigatorId' = ${me} OR ${superiorIs('subjectEmployeeId', me)}`);
    }
    return this.reportsPage(where, filter);
  }

  /**
   * The reports `principalId` reported or filed, in filing order: an employee reporter's own, or
   * those a `reports:write` service filed (`state.report.reporter.employeeId`, `state.report.reportedBy`).
   */
  listReportsFiledBy(principalId: string, filter: { readonly subjectEmployeeId?: string; readonly status?: ReportStatus } & ListOptions): Promise<Page<ReportDoc>> {
    const where = new Where();
    const me = where.param(principalId);
    where.clauses.push(`doc->'state'->'report'->>'reportedBy' = ${me} OR doc->'state'->'report'->'reporter'->>'employeeId' = ${me}`);
    return this.reportsPage(where, filter);
  }

  private reportsPage(where: Where, filter: { readonly subjectEmployeeId?: string; readonly status?: ReportStatus } & ListOptions): Promise<Page<ReportDoc>> {
    if (filter.subjectEmployeeId !== undefined) where.add((p) => `doc->>'subjectEmployeeId' = ${p}`, filter.subjectEmployeeId);
    if (filter.status !== undefined) where.add((p) => `doc->>'status' = ${p}`, filter.status);
    return this.page('reports', 'filedPosition', where, filter);
  }

  // ---- assessments: the employee their own, the superior their team's, managers, compliance ----

  listAssessments(scope: RecordScope, filter: { readonly employeeId?: string; readonly period?: string } & ListOptions): Promise<Page<AssessmentDoc>> {
    const where = new Where();
    if (scope.kind === 'employee') {
      const me = where.param(scope.id);
      where.clauses.push(`doc->>'employeeId' = ${me} OR ${superiorIs('employeeId', me)}`);
    }
    if (filter.employeeId !== undefined) where.add((p) => `doc->>'employeeId' = ${p}`, filter.employeeId);
    if (filter.period !== undefined) where.add((p) => `doc->>'period' = ${p}`, filter.period);
    return this.page('assessments', 'recordedAt', where, filter);
  }

  // ---- inspections: the employee inspected, their superior, managers, compliance ----

  listInspections(scope: RecordScope, filter: { readonly employeeId?: string; readonly team?: string; readonly period?: string; readonly compliant?: boolean } & ListOptions): Promise<Page<InspectionDoc>> {
    const where = new Where();
    if (scope.kind === 'employee') {
      const me = where.param(scope.id);
      where.clauses.push(`doc->>'employeeId' = ${me} OR ${superiorIs('employeeId', me)}`);
    }
    if (filter.employeeId !== undefined) where.add((p) => `doc->>'employeeId' = ${p}`, filter.employeeId);
    if (filter.team !== undefined) where.add((p) => `EXISTS (SELECT 1 FROM rm_employees e WHERE e.id = r.doc->>'employeeId' AND e.team = ${p})`, filter.team);
    if (filter.period !== undefined) where.add((p) => `doc->>'period' = ${p}`, filter.period);
    if (filter.compliant !== undefined) where.add((p) => `(doc->>'compliant')::boolean = ${p}::boolean`, filter.compliant);
    return this.page('inspections', 'recordedAt', where, filter);
  }

  // ---- an employee's record ----

  async trainingsOf(employeeId: string): Promise<TrainingDoc[]> {
    const { rows } = await this.sql.query<{ doc: TrainingDoc }>(`SELECT doc FROM ${recordTable('trainings')} WHERE doc->>'employeeId' = $1 ORDER BY id`, [employeeId]);
    return rows.map((row) => row.doc);
  }

  async warningsOf(employeeId: string): Promise<WarningDoc[]> {
    const { rows } = await this.sql.query<{ doc: WarningDoc }>(`SELECT doc FROM ${recordTable('warnings')} WHERE doc->>'employeeId' = $1 ORDER BY doc->>'recordedAt', id`, [employeeId]);
    return rows.map((row) => row.doc);
  }

  async substantiatedReportsOf(employeeId: string, since: string): Promise<ReportDoc[]> {
    const { rows } = await this.sql.query<{ doc: ReportDoc }>(
      `SELECT doc FROM ${recordTable('reports')} WHERE doc->>'subjectEmployeeId' = $1 AND doc->>'finding' = 'substantiated' AND doc->>'concludedAt' >= $2 ORDER BY doc->>'concludedAt', id`,
      [employeeId, since],
    );
    return rows.map((row) => row.doc);
  }

  /** The last assessment by period (months and quarters compare as text within a year: `YYYY-MM` < `YYYY-Qn`). */
  async lastAssessmentOf(employeeId: string): Promise<AssessmentDoc | null> {
    const { rows } = await this.sql.query<{ doc: AssessmentDoc }>(`SELECT doc FROM ${recordTable('assessments')} WHERE doc->>'employeeId' = $1 ORDER BY doc->>'period' DESC LIMIT 1`, [employeeId]);
    return rows[0]?.doc ?? null;
  }

  // ---- meetings: attendees, managers, compliance ----

  getMeeting(id: string): Promise<MeetingDoc | null> {
    return this.get('meetings', id);
  }

  listMeetings(scope: RecordScope, filter: { readonly team?: string; readonly from?: string; readonly to?: string } & ListOptions): Promise<Page<MeetingDoc>> {
    const where = new Where();
    if (scope.kind === 'employee') where.add((p) => `doc->'attendees' ? ${p} OR doc->>'recordedBy' = ${p}`, scope.id);
    if (filter.team !== undefined) where.add((p) => `doc->>'team' = ${p}`, filter.team);
    if (filter.from !== undefined) where.add((p) => `doc->>'heldAt' >= ${p}`, filter.from);
    if (filter.to !== undefined) where.add((p) => `doc->>'heldAt' < ${p}`, filter.to);
    return this.page('meetings', 'heldAt', where, filter);
  }

  // ---- training plans, catalogue versions: any authenticated principal ----

  getTrainingPlan(year: number): Promise<TrainingPlanDoc | null> {
    return this.get('training_plans', String(year));
  }

  async catalogueVersions(): Promise<CatalogueVersionDoc[]> {
    const { rows } = await this.sql.query<{ doc: CatalogueVersionDoc }>(`SELECT doc FROM ${recordTable('catalogue_versions')} ORDER BY doc->>'firstPosition' COLLATE "C"`);
    return rows.map((row) => row.doc);
  }
}

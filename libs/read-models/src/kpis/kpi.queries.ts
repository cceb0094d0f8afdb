/**
 * Loads the KPI input of one period from the read store — the decision log aggregated in SQL
 * (GROUP BY employee, reason, answer: the 100k-row part never leaves the database), the
 * out-of-scope denials and the supervision facts — and hands it to the pure `computeKpis`.
 */
import type { SqlQueryable } from '../../../sql/src/sql-client.port.js';
import type { AssessmentFact, EscalationFact, FeedbackFact, InspectionFact, ReportFact } from './kpi-facts.projection.js';
import { computeKpis, ESCALATION_WINDOW_MS, type EmployeeKpis, type KpiEmployee, type KpiInput, type WarningFact } from './kpi.compute.js';
import type { Period } from './period.js';
import { isoOf, isoOrNull } from './sql-values.js';

export interface KpiScope {
  /** Employees of this team (their current team in the directory). */
  readonly team?: string;
  /** Only these employees (e.g. a superior's direct reports, or one `employeeId`). */
  readonly employeeIds?: readonly string[];
}

/** The months inside a period (a quarter's three, or the month itself) plus the period: the periods an inspection or assessment may name. */
const periodsWithin = (period: Period): string[] => {
  if (period.kind === 'month') return [period.name];
  const names = [period.name];
  for (let time = period.from; time < period.to; ) {
    const date = new Date(time);
    names.push(`${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`);
    time = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  }
  return names;
};

export const loadKpiInput = async (sql: SqlQueryable, period: Period, scope: KpiScope = {}): Promise<KpiInput> => {
  const from = new Date(period.from).toISOString();
  const to = new Date(period.to).toISOString();
  const employeeParams: unknown[] = [from];
  const filters: string[] = ['(left_at IS NULL OR left_at >= $1)'];
  if (scope.team !== undefined) {
    employeeParams.push(scope.team);
    filters.push(`team = $${employeeParams.length}`);
  }
  if (scope.employeeIds !== undefined) {
    employeeParams.push(JSON.stringify(scope.employeeIds));
    filters.push(`id IN (SELECT jsonb_array_elements_text($${employeeParams.length}::jsonb))`);
  }
  const { rows: employeeRows } = await sql.query<{ id: string; team: string | null }>(`SELECT id, team FROM rm_employees WHERE ${filters.join(' AND ')} ORDER BY team NULLS LAST, id`, employeeParams);
  const employees: KpiEmployee[] = employeeRows.map((r) => ({ id: r.id, team: r.team }));
  // Scoped by a JSON list of ids: one parameter however many employees.
  const ids = JSON.stringify(employees.map((e) => e.id));
  const mine = (column: string, n: number): string => `${column} IN (SELECT jsonb_array_elements_text($${n}::jsonb))`;
  const windowEnd = new Date(period.to + ESCALATION_WINDOW_MS).toISOString();

  const counts = await sql.query<{ employee_id: string; reason: string; allowed: boolean; count: string | number }>(
    `SELECT employee_id, reason, allowed, count(*) AS count FROM decision_log
     WHERE decided_at >= $1 AND decided_at < $2 AND ${mine('employee_id', 3)} GROUP BY employee_id, reason, allowed`,
    [from, to, ids],
  );
  const denials = await sql.query<{ employee_id: string; authority: string; decided_at: unknown }>(
    `SELECT employee_id, authority, decided_at FROM decision_log
     WHERE decided_at >= $1 AND decided_at < $2 AND reason = 'OUT_OF_SCOPE' AND NOT allowed AND ${mine('employee_id', 3)}`,
    [from, to, ids],
  );
  const escalations = await sql.query<{ id: string; employee_id: string; authority: string; raised_at: unknown; resolved_at: unknown }>(
    `SELECT id, employee_id, authority, raised_at, resolved_at FROM kpi_escalations WHERE raised_at >= $1 AND raised_at <= $2 AND ${mine('employee_id', 3)}`,
    [from, windowEnd, ids],
  );
  const reports = await sql.query<{ id: string; subject_employee_id: string; reported_at: unknown; finding: string | null; concluded_at: unknown }>(
    `SELECT id, subject_employee_id, reported_at, finding, concluded_at FROM kpi_reports
     WHERE finding = 'substantiated' AND concluded_at >= $1 AND concluded_at < $2 AND ${mine('subject_employee_id', 3)}`,
    [from, to, ids],
  );
  const feedback = await sql.query<{ id: string; employee_id: string; score: number; received_at: unknown }>(
    `SELECT id, employee_id, score, received_at FROM kpi_feedback WHERE received_at >= $1 AND received_at < $2 AND ${mine('employee_id', 3)}`,
    [from, to, ids],
  );
  const periods = JSON.stringify(periodsWithin(period));
  const inspections = await sql.query<{ id: string; employee_id: string; compliant: boolean; period: string | null; recorded_at: unknown }>(
    `SELECT id, employee_id, compliant, period, recorded_at FROM kpi_inspections
     WHERE ((period IS NULL AND recorded_at >= $1 AND recorded_at < $2) OR ${mine('period', 4)}) AND ${mine('employee_id', 3)}`,
    [from, to, ids, periods],
  );
  const assessments = await sql.query<{ employee_id: string; period: string; teamwork_score: number }>(
    `SELECT employee_id, period, teamwork_score FROM kpi_assessments WHERE ${mine('period', 2)} AND ${mine('employee_id', 1)}`,
    [ids, periods],
  );

  // Warnings are a record kind of their own (records/record-kinds.ts), hosted by the API; a store
  // where no process ever hosted it has none.
  const { rows: warningTable } = await sql.query<{ present: boolean }>(`SELECT to_regclass('rm_record_warnings') IS NOT NULL AS present`);
  const warnings = warningTable[0]?.present
    ? await sql.query<{ employee_id: string; recorded_at: string }>(
        `SELECT doc->>'employeeId' AS employee_id, doc->>'recordedAt' AS recorded_at FROM rm_record_warnings
         WHERE doc->>'recordedAt' >= $1 AND doc->>'recordedAt' < $2 AND ${mine("doc->>'employeeId'", 3)}`,
        [from, to, ids],
      )
    : { rows: [] };

  return {
    employees,
    warnings: warnings.rows.map((r): WarningFact => ({ employeeId: r.employee_id, recordedAt: r.recorded_at })),
    decisionCounts: counts.rows.map((r) => ({ employeeId: r.employee_id, reason: r.reason, allowed: r.allowed, count: Number(r.count) })),
    outOfScopeDenials: denials.rows.map((r) => ({ employeeId: r.employee_id, authority: r.authority, decidedAt: isoOf(r.decided_at) })),
    escalations: escalations.rows.map((r): EscalationFact => ({ id: r.id, employeeId: r.employee_id, authority: r.authority, raisedAt: isoOf(r.raised_at), resolvedAt: isoOrNull(r.resolved_at) })),
    reports: reports.rows.map((r): ReportFact => ({ id: r.id, subjectEmployeeId: r.subject_employee_id, reportedAt: isoOf(r.reported_at), finding: 'substantiated', concludedAt: isoOrNull(r.concluded_at) })),
    feedback: feedback.rows.map((r): FeedbackFact => ({ id: r.id, employeeId: r.employee_id, score: Number(r.score), receivedAt: isoOf(r.received_at) })),
    inspections: inspections.rows.map((r): InspectionFact => ({ id: r.id, employeeId: r.employee_id, compliant: r.compliant, period: r.period, recordedAt: isoOf(r.recorded_at) })),
    assessments: assessments.rows.map((r): AssessmentFact => ({ employeeId: r.employee_id, period: r.period, teamworkScore: Number(r.teamwork_score) })),
  };
};

/** KPIs of every employee in `scope` for `period` (catch the KpiStore up first for fresh supervision facts). */
export const queryKpis = async (sql: SqlQueryable, period: Period, scope: KpiScope = {}): Promise<EmployeeKpis[]> => computeKpis(period, await loadKpiInput(sql, period, scope));

/**
 * KPIs per employee for one period (SPEC §10), a pure function of the decision log's figures and
 * the supervision facts. Attribution: a decision counts in the period of `decidedAt`; an
 * out-of-scope denial is "escalated" when the same employee raised an escalation for the same
 * authority within 24 h after it (possibly after the period's end); escalation resolution time is
 * the mean over escalations raised in the period and resolved; a violation counts when its report
 * was concluded substantiated in the period, a warning when recorded in it; feedback when received in the period; an inspection
 * when it inspected the period (or a month within the quarter), or — without a period — was
 * recorded in it; teamwork is the mean of the assessments of the period (or its months).
 * Ratios are rounded to 4 decimals, hours to 2.
 */
import type { AssessmentFact, EscalationFact, FeedbackFact, InspectionFact, ReportFact } from './kpi-facts.projection.js';
import { type Period, periodWithin } from './period.js';

export const ESCALATION_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface KpiEmployee {
  readonly id: string;
  readonly team: string | null;
}

/** Recorded decisions of one employee with one reason and answer in the period. */
export interface DecisionCount {
  readonly employeeId: string;
  readonly reason: string;
  readonly allowed: boolean;
  readonly count: number;
}

export interface OutOfScopeDenial {
  readonly employeeId: string;
  readonly authority: string;
  readonly decidedAt: string;
}

export interface KpiInput {
  readonly employees: readonly KpiEmployee[];
  /** Already restricted to the period (by SQL aggregation, or `summarizeDecisions`). */
  readonly decisionCounts: readonly DecisionCount[];
  /** Recorded OUT_OF_SCOPE denials of the period. */
  readonly outOfScopeDenials: readonly OutOfScopeDenial[];
  readonly escalations: readonly EscalationFact[];
  readonly reports: readonly ReportFact[];
  readonly feedback: readonly FeedbackFact[];
  readonly inspections: readonly InspectionFact[];
  readonly assessments: readonly AssessmentFact[];
  /** Warnings recorded (SPEC §11 consequences); absent: none known. */
  readonly warnings?: readonly WarningFact[];
}

/** A warning a report or an assessment recorded on the employee's record. */
export interface WarningFact {
  readonly employeeId: string;
  readonly recordedAt: string;
}

export interface EmployeeKpis {
  readonly employeeId: string;
  readonly team: string | null;
  readonly period: string;
  readonly decisions: {
    readonly recorded: number;
    readonly allowed: number;
    readonly byReason: Readonly<Record<string, number>>;
    /** allowed ÷ recorded; null without recorded decisions. */
    readonly accuracy: number | null;
  };
  readonly outOfScope: { readonly attempts: number; readonly escalated: number };
  readonly escalations: { readonly raised: number; readonly resolved: number; readonly meanResolutionHours: number | null };
  readonly substantiatedViolations: number;
  /** Warnings recorded in the period. */
  readonly warnings: number;
  readonly customerSatisfaction: { readonly mean: number | null; readonly count: number };
  readonly inspections: { readonly count: number; readonly compliant: number; readonly compliantShare: number | null };
  readonly teamwork: number | null;
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));
const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : round(part / whole, 4));
const mean = (values: readonly number[], digits: number): number | null => (values.length === 0 ? null : round(values.reduce((a, b) => a + b, 0) / values.length, digits));
const inPeriod = (instant: string, period: Period): boolean => {
  const time = Date.parse(instant);
  return time >= period.from && time < period.to;
};

const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
};

/** The pure twin of the SQL aggregation: decisions → counts and out-of-scope denials of the period. */
export const summarizeDecisions = (
  decisions: readonly { readonly employeeId: string; readonly authority: string; readonly reason: string; readonly allowed: boolean; readonly decidedAt: string }[],
  period: Period,
): Pick<KpiInput, 'decisionCounts' | 'outOfScopeDenials'> => {
  const counts = new Map<string, DecisionCount>();
  const outOfScopeDenials: OutOfScopeDenial[] = [];
  for (const d of decisions) {
    if (!inPeriod(d.decidedAt, period)) continue;
    const key = `${d.employeeId}\u0000${d.reason}\u0000${String(d.allowed)}`;
    const before = counts.get(key);
    counts.set(key, { employeeId: d.employeeId, reason: d.reason, allowed: d.allowed, count: (before?.count ?? 0) + 1 });
    if (!d.allowed && d.reason === 'OUT_OF_SCOPE') outOfScopeDenials.push({ employeeId: d.employeeId, authority: d.authority, decidedAt: d.decidedAt });
  }
  return { decisionCounts: [...counts.values()], outOfScopeDenials };
};

export const computeKpis = (period: Period, input: KpiInput): EmployeeKpis[] => {
  const counts = groupBy(input.decisionCounts, (c) => c.employeeId);
  const denials = groupBy(input.outOfScopeDenials.filter((d) => inPeriod(d.decidedAt, period)), (d) => d.employeeId);
  const escalations = groupBy(input.escalations, (e) => e.employeeId);
  const violations = groupBy(input.reports.filter((r) => r.finding === 'substantiated' && r.concludedAt !== null && inPeriod(r.concludedAt, period)), (r) => r.subjectEmployeeId);
  const warnings = groupBy((input.warnings ?? []).filter((w) => inPeriod(w.recordedAt, period)), (w) => w.employeeId);
  const feedback = groupBy(input.feedback.filter((f) => inPeriod(f.receivedAt, period)), (f) => f.employeeId);
  const inspections = groupBy(input.inspections.filter((i) => (i.period === null ? inPeriod(i.recordedAt, period) : periodWithin(i.period, period))), (i) => i.employeeId);
  const assessments = groupBy(input.assessments.filter((a) => periodWithin(a.period, period)), (a) => a.employeeId);

  return input.employees.map((employee) => {
    const own = counts.get(employee.id) ?? [];
    const byReason: Record<string, number> = {};
    let recorded = 0;
    let allowed = 0;
    for (const c of own) {
      byReason[c.reason] = (byReason[c.reason] ?? 0) + c.count;
      recorded += c.count;
      if (c.allowed) allowed += c.count;
    }
    const ownEscalations = escalations.get(employee.id) ?? [];
    const attempts = denials.get(employee.id) ?? [];
    const escalated = attempts.filter((denial) => {
      const at = Date.parse(denial.decidedAt);
      return ownEscalations.some((e) => e.authority === denial.authority && Date.parse(e.raisedAt) >= at && Date.parse(e.raisedAt) - at <= ESCALATION_WINDOW_MS);
    }).length;
    const raised = ownEscalations.filter((e) => inPeriod(e.raisedAt, period));
    const resolutionHours = raised.flatMap((e) => (e.resolvedAt === null ? [] : [(Date.parse(e.resolvedAt) - Date.parse(e.raisedAt)) / 3_600_000]));
    const scores = (feedback.get(employee.id) ?? []).map((f) => f.score);
    const ownInspections = inspections.get(employee.id) ?? [];
    const compliant = ownInspections.filter((i) => i.compliant).length;
    return {
      employeeId: employee.id,
      team: employee.team,
      period: period.name,
      decisions: { recorded, allowed, byReason, accuracy: ratio(allowed, recorded) },
      outOfScope: { attempts: attempts.length, escalated },
      escalations: { raised: raised.length, resolved: resolutionHours.length, meanResolutionHours: mean(resolutionHours, 2) },
      substantiatedViolations: (violations.get(employee.id) ?? []).length,
      warnings: (warnings.get(employee.id) ?? []).length,
      customerSatisfaction: { mean: mean(scores, 4), count: scores.length },
      inspections: { count: ownInspections.length, compliant, compliantShare: ratio(compliant, ownInspections.length) },
      teamwork: mean((assessments.get(employee.id) ?? []).map((a) => a.teamworkScore), 4),
    };
  });
};

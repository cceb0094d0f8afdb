import type { EmployeeSnapshot, ReportState, Reporter } from '../../../../../libs/domain/src/index.js';

type Known = Exclude<ReportState, { status: 'none' }>;

/** A report as the API shows it. `reporter.employeeId` and `reportedBy` are hidden from most readers. */
export interface ReportView {
  readonly id: string;
  readonly status: Known['status'];
  readonly subjectEmployeeId: string;
  readonly authorizationId: string | null;
  readonly category: string;
  readonly description: string;
  readonly reporter: Reporter;
  readonly reportedBy?: string;
  readonly filedAt: string | null;
  readonly investigatorId: string | null;
  readonly conclusion: { readonly finding: string; readonly summary: string; readonly actions: readonly unknown[] } | null;
  readonly feedback: { readonly message: string } | null;
}

export function reportView(state: Known, filedAt: string | null): ReportView {
  const { reportId, subjectEmployeeId, authorizationId, category, description, reporter, reportedBy } = state.report;
  return {
    id: reportId,
    status: state.status,
    subjectEmployeeId,
    authorizationId,
    category,
    description,
    reporter,
    reportedBy,
    filedAt,
    investigatorId: state.status === 'filed' ? null : state.investigatorId,
    conclusion: state.status === 'concluded' || state.status === 'notified' ? state.conclusion : null,
    feedback: state.status === 'notified' ? { message: state.message } : null,
  };
}

/**
 * An employee reporter is visible only to the investigator and compliance (SPEC §10) — and to the
 * reporter themself. Everyone else sees that an employee reported, not who.
 */
export function redactFor(view: ReportView, viewer: EmployeeSnapshot | null): ReportView {
  if (view.reporter.kind !== 'employee') return view;
  if (viewer !== null && (viewer.role === 'compliance' || viewer.employeeId === view.investigatorId || viewer.employeeId === view.reporter.employeeId)) return view;
  const { reportedBy: _hidden, ...rest } = view;
  return { ...rest, reporter: { kind: 'employee' } };
}

/** What a reporter reads of their own report (SPEC §11): its status, finding and the feedback, not the investigation notes. */
export interface ReporterReportView {
  readonly id: string;
  readonly status: ReportView['status'];
  readonly subjectEmployeeId: string;
  readonly category: string;
  readonly filedAt: string | null;
  readonly finding: string | null;
  readonly feedback: { readonly message: string } | null;
}

export const reporterView = (view: ReportView): ReporterReportView => ({
  id: view.id,
  status: view.status,
  subjectEmployeeId: view.subjectEmployeeId,
  category: view.category,
  filedAt: view.filedAt,
  finding: view.conclusion?.finding ?? null,
  feedback: view.feedback,
});

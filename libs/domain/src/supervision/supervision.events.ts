/**
 * Supervision events (SPEC §10): a public contract like `../events.ts`, read by compliance,
 * the audit trail and the KPI projection. Evolve by adding optional fields only.
 * `TrainingCompleted` lives on the employee stream (`../events.ts`).
 */
import type { EventMetadata } from '../events.js';

type Event<T extends string, D> = {
  readonly type: T;
  readonly data: D;
  readonly metadata?: EventMetadata;
};

// ---- stream names (STYLE §8) ----------------------------------------------

export const reportStream = (id: string): string => `report-${id}`;
export const inspectionStream = (id: string): string => `inspection-${id}`;
export const escalationStream = (id: string): string => `escalation-${id}`;
/** One stream per employee and period: a second assessment finds the stream taken. */
export const assessmentStream = (employeeId: string, period: string): string => `assessment-${employeeId}-${period}`;
export const suggestionStream = (id: string): string => `suggestion-${id}`;
export const feedbackStream = (id: string): string => `feedback-${id}`;

// ---- vocabularies ----------------------------------------------------------

export const REPORT_CATEGORIES = ['out_of_scope', 'abuse', 'misconduct', 'other'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export const REPORTER_KINDS = ['customer', 'employee'] as const;
export type ReporterKind = (typeof REPORTER_KINDS)[number];

export const FINDINGS = ['substantiated', 'dismissed'] as const;
export type Finding = (typeof FINDINGS)[number];

export const INSPECTION_KINDS = ['periodic', 'spot'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export const ASSESSMENT_RESULTS = ['excellent', 'satisfactory', 'needs_improvement', 'unsatisfactory'] as const;
export type AssessmentResult = (typeof ASSESSMENT_RESULTS)[number];

export const CONSEQUENCES = ['commendation', 'promotion', 'raise', 'warning', 'fine', 'demotion', 'dismissal', 'training'] as const;
export type Consequence = (typeof CONSEQUENCES)[number];

/** Who reported: a customer (through a service or an employee taking the call) or an employee. */
export interface Reporter {
  readonly kind: ReporterKind;
  /** Set when `kind` is `employee`: the reporting employee (visible only to the investigator and compliance). */
  readonly employeeId?: string;
  readonly contact?: string;
}

export type ReportAction =
  | { readonly type: 'revoke'; readonly authorizationId: string }
  | { readonly type: 'warning' }
  | { readonly type: 'training'; readonly course: string };

// ---- report-{id} -------------------------------------------------------------

export type ViolationReported = Event<
  'ViolationReported',
  {
    readonly reportId: string;
    readonly subjectEmployeeId: string;
    readonly authorizationId: string | null;
    readonly category: ReportCategory;
    readonly description: string;
    readonly reporter: Reporter;
    /** The principal that filed it: an employee id or `svc:<name>`. */
    readonly reportedBy: string;
  }
>;
export type InvestigationStarted = Event<'InvestigationStarted', { readonly reportId: string; readonly investigatorId: string }>;
export type ReportConcluded = Event<
  'ReportConcluded',
  {
    readonly reportId: string;
    readonly investigatorId: string;
    readonly finding: Finding;
    readonly summary: string;
    readonly actions: readonly ReportAction[];
  }
>;
export type ReporterNotified = Event<'ReporterNotified', { readonly reportId: string; readonly message: string; readonly notifiedBy: string }>;

export type ReportEvent = ViolationReported | InvestigationStarted | ReportConcluded | ReporterNotified;

// ---- inspection-{id} ---------------------------------------------------------

export type InspectionRecorded = Event<
  'InspectionRecorded',
  {
    readonly inspectionId: string;
    readonly employeeId: string;
    readonly inspectorId: string;
    readonly kind: InspectionKind;
    /** `YYYY-MM` or `YYYY-Qn`, or null for a spot check outside a period. */
    readonly period: string | null;
    readonly findings: string;
    readonly compliant: boolean;
    readonly authorizationIds: readonly string[];
  }
>;
export type InspectionEvent = InspectionRecorded;

// ---- escalation-{id} ---------------------------------------------------------

export type EscalationRaised = Event<
  'EscalationRaised',
  {
    readonly escalationId: string;
    readonly employeeId: string;
    /** The employee's superior when raised (null when they had none): they, or a manager, resolve it. */
    readonly superiorId: string | null;
    readonly authority: string;
    readonly context: Readonly<Record<string, unknown>> | null;
    readonly summary: string;
  }
>;
export type EscalationResolved = Event<'EscalationResolved', { readonly escalationId: string; readonly resolvedBy: string; readonly resolution: string }>;
export type EscalationEvent = EscalationRaised | EscalationResolved;

// ---- assessment-{employeeId}-{period} ----------------------------------------

export type AssessmentRecorded = Event<
  'AssessmentRecorded',
  {
    readonly employeeId: string;
    readonly period: string;
    /** 1..5 */
    readonly teamworkScore: number;
    readonly result: AssessmentResult;
    readonly consequences: readonly Consequence[];
    readonly notes: string;
    readonly assessorId: string;
  }
>;
export type AssessmentEvent = AssessmentRecorded;

// ---- suggestion-{id} ---------------------------------------------------------

export type SuggestionSubmitted = Event<
  'SuggestionSubmitted',
  {
    readonly suggestionId: string;
    readonly text: string;
    readonly anonymous: boolean;
    readonly submittedBy: string | null;
    /** Anonymous only: a keyed digest of the author (SPEC §11: kept so the submitter reads it back, shown to nobody). */
    readonly authorDigest?: string;
  }
>;
export type SuggestionAnswered = Event<
  'SuggestionAnswered',
  { readonly suggestionId: string; readonly response: string; readonly adopted: boolean; readonly answeredBy: string }
>;
export type SuggestionEvent = SuggestionSubmitted | SuggestionAnswered;

// ---- feedback-{id} -----------------------------------------------------------

export type CustomerFeedbackReceived = Event<
  'CustomerFeedbackReceived',
  {
    readonly feedbackId: string;
    readonly employeeId: string;
    /** 1..5 */
    readonly score: number;
    readonly channel: string | null;
    readonly comment: string | null;
    /** The service that sent it (`svc:<name>`). */
    readonly receivedFrom: string;
  }
>;
export type FeedbackEvent = CustomerFeedbackReceived;

export type SupervisionEvent = ReportEvent | InspectionEvent | EscalationEvent | AssessmentEvent | SuggestionEvent | FeedbackEvent;
export type SupervisionEventType = SupervisionEvent['type'];

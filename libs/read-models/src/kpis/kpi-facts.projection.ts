/**
 * The supervision side of the KPIs (SPEC §10): pure evolve functions from supervision events to
 * the small fact rows the KPI computation reads. One row per escalation, report, feedback,
 * inspection and (employee, period) assessment; the SQL store (`kpi.store.ts`) only loads,
 * folds and saves them with its checkpoint.
 */
import type {
  AssessmentRecorded,
  CustomerFeedbackReceived,
  EscalationEvent,
  InspectionRecorded,
  ReportEvent,
  SupervisionEvent,
} from '../../../domain/src/supervision/supervision.events.js';
import { decodeSupervisionEvent } from '../../../domain/src/codec/event-codec.js';
import type { RecordedEvent } from '../../../event-store/src/event-store.port.js';
import { occurredAtOf } from '../recorded.js';

export interface EscalationFact {
  readonly id: string;
  readonly employeeId: string;
  readonly authority: string;
  readonly raisedAt: string;
  readonly resolvedAt: string | null;
}

export interface ReportFact {
  readonly id: string;
  readonly subjectEmployeeId: string;
  readonly reportedAt: string;
  readonly finding: 'substantiated' | 'dismissed' | null;
  readonly concludedAt: string | null;
}

export interface FeedbackFact {
  readonly id: string;
  readonly employeeId: string;
  readonly score: number;
  readonly receivedAt: string;
}

export interface InspectionFact {
  readonly id: string;
  readonly employeeId: string;
  readonly compliant: boolean;
  /** The period inspected, or null (a spot check): then it counts in the period it was recorded in. */
  readonly period: string | null;
  readonly recordedAt: string;
}

export interface AssessmentFact {
  readonly employeeId: string;
  readonly period: string;
  readonly teamworkScore: number;
}

/** A supervision event with the instant it happened (`metadata.occurredAt`, else the store's time). */
export interface TimedSupervisionEvent<E extends SupervisionEvent = SupervisionEvent> {
  readonly event: E;
  readonly occurredAt: string;
}

export const toSupervisionEvent = (recorded: RecordedEvent): TimedSupervisionEvent | null => {
  const event = decodeSupervisionEvent(recorded);
  if (event === null) return null;
  return { event, occurredAt: occurredAtOf(recorded) };
};

export const evolveEscalation = (row: EscalationFact | null, { event, occurredAt }: TimedSupervisionEvent<EscalationEvent>): EscalationFact | null => {
  switch (event.type) {
    case 'EscalationRaised':
      return row ?? { id: event.data.escalationId, employeeId: event.data.employeeId, authority: event.data.authority, raisedAt: occurredAt, resolvedAt: null };
    case 'EscalationResolved':
      return row === null || row.resolvedAt !== null ? row : { ...row, resolvedAt: occurredAt };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
};

export const evolveReport = (row: ReportFact | null, { event, occurredAt }: TimedSupervisionEvent<ReportEvent>): ReportFact | null => {
  switch (event.type) {
    case 'ViolationReported':
      return row ?? { id: event.data.reportId, subjectEmployeeId: event.data.subjectEmployeeId, reportedAt: occurredAt, finding: null, concludedAt: null };
    case 'ReportConcluded':
      return row === null || row.finding !== null ? row : { ...row, finding: event.data.finding, concludedAt: occurredAt };
    case 'InvestigationStarted':
    case 'ReporterNotified':
      return row;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
};

export const feedbackFactOf = ({ event, occurredAt }: TimedSupervisionEvent<CustomerFeedbackReceived>): FeedbackFact => ({
  id: event.data.feedbackId,
  employeeId: event.data.employeeId,
  score: event.data.score,
  receivedAt: occurredAt,
});

export const inspectionFactOf = ({ event, occurredAt }: TimedSupervisionEvent<InspectionRecorded>): InspectionFact => ({
  id: event.data.inspectionId,
  employeeId: event.data.employeeId,
  compliant: event.data.compliant,
  period: event.data.period,
  recordedAt: occurredAt,
});

export const assessmentFactOf = ({ event }: TimedSupervisionEvent<AssessmentRecorded>): AssessmentFact => ({
  employeeId: event.data.employeeId,
  period: event.data.period,
  teamworkScore: event.data.teamworkScore,
});

/** Every fact the KPIs read, keyed for upserts (assessments by `employeeId|period`). */
export interface KpiFacts {
  readonly escalations: Map<string, EscalationFact>;
  readonly reports: Map<string, ReportFact>;
  readonly feedback: Map<string, FeedbackFact>;
  readonly inspections: Map<string, InspectionFact>;
  readonly assessments: Map<string, AssessmentFact>;
}

export const emptyKpiFacts = (): KpiFacts => ({ escalations: new Map(), reports: new Map(), feedback: new Map(), inspections: new Map(), assessments: new Map() });

export const assessmentKey = (employeeId: string, period: string): string => `${employeeId}|${period}`;

/** The row key an event touches, so the store loads only those rows before folding. */
export const factKeyOf = ({ event }: TimedSupervisionEvent): { kind: keyof KpiFacts; key: string } | null => {
  switch (event.type) {
    case 'EscalationRaised':
    case 'EscalationResolved':
      return { kind: 'escalations', key: event.data.escalationId };
    case 'ViolationReported':
    case 'InvestigationStarted':
    case 'ReportConcluded':
    case 'ReporterNotified':
      return { kind: 'reports', key: event.data.reportId };
    case 'CustomerFeedbackReceived':
      return { kind: 'feedback', key: event.data.feedbackId };
    case 'InspectionRecorded':
      return { kind: 'inspections', key: event.data.inspectionId };
    case 'AssessmentRecorded':
      return { kind: 'assessments', key: assessmentKey(event.data.employeeId, event.data.period) };
    case 'SuggestionSubmitted':
    case 'SuggestionAnswered':
      return null;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
};

/**
 * Folds one event into `facts` (the maps are the shell's working set; each row is evolved by the
 * pure functions above). Returns the key it touched, or null when the event drives no KPI.
 */
export const foldKpiFact = (facts: KpiFacts, timed: TimedSupervisionEvent): string | null => {
  const key = factKeyOf(timed);
  if (key === null) return null;
  const { event, occurredAt } = timed;
  switch (event.type) {
    case 'EscalationRaised':
    case 'EscalationResolved':
      setOrKeep(facts.escalations, key.key, evolveEscalation(facts.escalations.get(key.key) ?? null, { event, occurredAt }));
      break;
    case 'ViolationReported':
    case 'InvestigationStarted':
    case 'ReportConcluded':
    case 'ReporterNotified':
      setOrKeep(facts.reports, key.key, evolveReport(facts.reports.get(key.key) ?? null, { event, occurredAt }));
      break;
    case 'CustomerFeedbackReceived':
      if (!facts.feedback.has(key.key)) facts.feedback.set(key.key, feedbackFactOf({ event, occurredAt }));
      break;
    case 'InspectionRecorded':
      if (!facts.inspections.has(key.key)) facts.inspections.set(key.key, inspectionFactOf({ event, occurredAt }));
      break;
    case 'AssessmentRecorded':
      if (!facts.assessments.has(key.key)) facts.assessments.set(key.key, assessmentFactOf({ event, occurredAt }));
      break;
    case 'SuggestionSubmitted':
    case 'SuggestionAnswered':
      return null;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
  return key.key;
};

const setOrKeep = <T>(map: Map<string, T>, key: string, row: T | null): void => {
  if (row !== null) map.set(key, row);
};

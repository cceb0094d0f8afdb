/**
 * Consequences that act (SPEC §11): a report's `training` and `warning` actions and an assessment's
 * `training` and `warning` consequences become events of their own, decided with the record itself.
 */
import { DomainError } from '../errors.js';
import { parseInstant } from '../instant.js';
import type { ConsequenceEvent, ConsequenceSource, TrainingAssigned, WarningRecorded } from './loops.events.js';
import { TRAINING_DUE_DAYS } from './loops.events.js';
import type { AssessmentRecorded, ReportAction, ViolationReported } from './supervision.events.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `now` + TRAINING_DUE_DAYS, as an ISO-8601 instant. */
export function trainingDueAt(now: string): string {
  const ms = parseInstant(now);
  if (ms === null) throw new DomainError('VALIDITY_INVALID', 'now: not an ISO-8601 instant', { now: 'not an ISO-8601 instant' });
  return new Date(ms + TRAINING_DUE_DAYS * DAY_MS).toISOString();
}

const assigned = (employeeId: string, course: string, dueAt: string, assignedBy: string, source: ConsequenceSource): TrainingAssigned => ({
  type: 'TrainingAssigned',
  data: { employeeId, course, dueAt, assignedBy, source },
});

const warned = (employeeId: string, reason: string, recordedBy: string, source: ConsequenceSource): WarningRecorded => ({
  type: 'WarningRecorded',
  data: { employeeId, reason, recordedBy, source },
});

/** One training per course and at most one warning, in the order the actions name them. */
export function consequencesOfReport(
  report: ViolationReported['data'],
  investigatorId: string,
  conclusion: { readonly actions: readonly ReportAction[]; readonly summary: string; readonly now: string },
): ConsequenceEvent[] {
  const source: ConsequenceSource = { kind: 'report', id: report.reportId };
  const courses = new Set<string>();
  let warning = false;
  const events: ConsequenceEvent[] = [];
  for (const action of conclusion.actions) {
    if (action.type === 'training' && !courses.has(action.course)) {
      courses.add(action.course);
      events.push(assigned(report.subjectEmployeeId, action.course, trainingDueAt(conclusion.now), investigatorId, source));
    } else if (action.type === 'warning' && !warning) {
      warning = true;
      events.push(warned(report.subjectEmployeeId, conclusion.summary, investigatorId, source));
    }
  }
  return events;
}

/** The follow-up course of an assessment's `training` consequence (SPEC §11 "Precisely"). */
export const assessmentFollowUpCourse = (period: string): string => `assessment-follow-up-${period}`;

export function consequencesOfAssessment(assessment: AssessmentRecorded['data'], now: string): ConsequenceEvent[] {
  const source: ConsequenceSource = { kind: 'assessment', id: `${assessment.employeeId}-${assessment.period}` };
  const events: ConsequenceEvent[] = [];
  for (const consequence of assessment.consequences) {
    if (consequence === 'training') events.push(assigned(assessment.employeeId, assessmentFollowUpCourse(assessment.period), trainingDueAt(now), assessment.assessorId, source));
    else if (consequence === 'warning') events.push(warned(assessment.employeeId, `assessment ${assessment.period}: ${assessment.result}`, assessment.assessorId, source));
  }
  return events;
}

/** Supervision and assessment (SPEC §10): events, commands, deciders and their rules. */
export * from './supervision.events.js';
export type * from './supervision.commands.js';
export * from './supervision-errors.js';
export { isPeriod, periodBounds } from './period.js';
export { REPORT_STATUSES, type ReportState, type ReportStatus, reportDecider } from './report.decider.js';
export { type EscalationState, escalationDecider } from './escalation.decider.js';
export { type SuggestionState, suggestionDecider } from './suggestion.decider.js';
export { type InspectionState, inspectionDecider } from './inspection.decider.js';
export { type AssessmentState, assessmentDecider } from './assessment.decider.js';
export { type FeedbackState, feedbackDecider } from './feedback.decider.js';

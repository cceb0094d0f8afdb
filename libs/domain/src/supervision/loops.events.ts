/**
 * Events that close the policy's loops (SPEC §11): consequences that act, training plans, meetings
 * and the policy's own reviews. A public contract like `supervision.events.ts`: evolve by adding
 * optional fields only.
 *
 * Consequences are written on the stream of the record that decided them (`report-{id}` with the
 * conclusion, `assessment-{employeeId}-{period}` with the assessment), in the same append: a
 * conclusion is never kept without its consequences. `TrainingCompleted` stays on the employee's stream.
 */
import type { EventMetadata } from '../events.js';

type Event<T extends string, D> = {
  readonly type: T;
  readonly data: D;
  readonly metadata?: EventMetadata;
};

// ---- stream names (STYLE §8) ----------------------------------------------

export const trainingPlanStream = (year: number): string => `training-plan-${year}`;
export const meetingStream = (id: string): string => `meeting-${id}`;
export const policyReviewStream = (id: string): string => `policy-review-${id}`;

// ---- vocabularies ----------------------------------------------------------

export const SESSION_MODES = ['internal', 'external', 'online'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

export const MEETING_KINDS = ['manager-supervisors', 'supervisor-team', 'cross-department'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** Days an assigned training is due after its assignment (SPEC §11 "Precisely"). */
export const TRAINING_DUE_DAYS = 30;

/** The record a consequence came from. */
export interface ConsequenceSource {
  readonly kind: 'report' | 'assessment';
  /** The report id, or `{employeeId}-{period}` for an assessment. */
  readonly id: string;
}

// ---- consequences (on report-{id} and assessment-{employeeId}-{period}) ----

export type TrainingAssigned = Event<
  'TrainingAssigned',
  { readonly employeeId: string; readonly course: string; readonly dueAt: string; readonly assignedBy: string; readonly source: ConsequenceSource }
>;
export type WarningRecorded = Event<
  'WarningRecorded',
  { readonly employeeId: string; readonly reason: string; readonly recordedBy: string; readonly source: ConsequenceSource }
>;
export type ConsequenceEvent = TrainingAssigned | WarningRecorded;

// ---- training-plan-{year} ----------------------------------------------------

/** A session is led by an employee (`lecturerId`, who may record its attendance) or named in free text (`lecturer`). */
export interface PlannedSession {
  readonly sessionId: string;
  readonly at: string;
  readonly lecturerId: string | null;
  readonly lecturer: string | null;
  readonly mode: SessionMode;
}

export interface PlannedCourse {
  readonly course: string;
  readonly title: string;
  readonly roles: readonly string[];
  readonly sessions: readonly PlannedSession[];
}

export type TrainingPlanPublished = Event<
  'TrainingPlanPublished',
  { readonly year: number; readonly courses: readonly PlannedCourse[]; readonly publishedBy: string }
>;
/** Each attendee also gets `TrainingCompleted` for the course on their own stream. */
export type TrainingAttendanceRecorded = Event<
  'TrainingAttendanceRecorded',
  { readonly year: number; readonly sessionId: string; readonly course: string; readonly employeeIds: readonly string[]; readonly recordedBy: string }
>;
export type TrainingPlanEvent = TrainingPlanPublished | TrainingAttendanceRecorded;

// ---- meeting-{id} --------------------------------------------------------------

export interface MeetingAction {
  /** Numbered from 0 in the order given. */
  readonly n: number;
  readonly owner: string;
  readonly text: string;
  readonly dueAt: string;
}

export type MeetingRecorded = Event<
  'MeetingRecorded',
  {
    readonly meetingId: string;
    readonly kind: MeetingKind;
    readonly team: string | null;
    readonly heldAt: string;
    readonly attendees: readonly string[];
    readonly minutes: string;
    readonly actions: readonly MeetingAction[];
    readonly recordedBy: string;
  }
>;
export type MeetingActionCompleted = Event<'MeetingActionCompleted', { readonly meetingId: string; readonly n: number; readonly completedBy: string }>;
export type MeetingEvent = MeetingRecorded | MeetingActionCompleted;

// ---- policy-review-{id} --------------------------------------------------------

/** The policy's periodic review (制度評估審查); the catalogue version reviewed is the event's `policyVersion`. */
export type PolicyReviewed = Event<
  'PolicyReviewed',
  { readonly reviewId: string; readonly findings: string; readonly changesProposed: string; readonly reviewerId: string }
>;
export type PolicyReviewEvent = PolicyReviewed;

export type LoopEvent = ConsequenceEvent | TrainingPlanEvent | MeetingEvent | PolicyReviewEvent;

/**
 * Stored events: a public contract read by compliance for years (SPEC §6).
 * Evolve by adding optional fields; a breaking change is a new type version with an upcaster.
 * Events are plain data (`type`, `data`, `metadata`) so they survive JSON.parse.
 */
import type { Channel, Role } from './ids.js';

export interface Actor {
  readonly id: string;
  readonly kind: 'employee' | 'service' | 'system';
}

export interface EventMetadata {
  /** ISO-8601 instant the command was decided at (the command's `now`). */
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string;
  /** Content hash of the authority catalogue the decision was made under. */
  readonly policyVersion: string;
  readonly requestId?: string;
}

/** Scope of a grant. Absent keys mean "not limited by this dimension". */
export interface Scope {
  readonly maxAmount?: number;
  readonly channels?: readonly Channel[];
}

/** The terms a notice states and an acknowledgement puts in force. */
export interface Terms {
  readonly matter: string;
  readonly scope: Scope;
  readonly validFrom: string;
  readonly validUntil: string;
}

type Event<T extends string, D> = {
  readonly type: T;
  readonly data: D;
  readonly metadata?: EventMetadata;
};

// ---- employee-{id} -------------------------------------------------------

export interface EmployeeProfile {
  readonly employeeId: string;
  readonly name: string;
  readonly role: Role;
  readonly team: string | null;
  readonly reportsTo: string | null;
  readonly department: string | null;
}

export type EmployeeRegistered = Event<'EmployeeRegistered', EmployeeProfile>;
/** Carries the whole profile after the update plus which fields changed. */
export type EmployeeUpdated = Event<
  'EmployeeUpdated',
  EmployeeProfile & { readonly changed: readonly ('name' | 'role' | 'team' | 'reportsTo' | 'department')[]; readonly previousRole: Role }
>;
/**
 * Schema v2 (`metadata.schemaVersion: 2`): the instant is `leftAt`. v1 rows (no schemaVersion) name it
 * `at`; the codec's upcaster renames it on read (`codec/event-codec.ts`), the rows stay as written.
 */
export type EmployeeLeft = Event<'EmployeeLeft', { readonly employeeId: string; readonly reason: string | null; readonly leftAt: string }>;
export type TrainingCompleted = Event<
  'TrainingCompleted',
  { readonly employeeId: string; readonly course: string; readonly completedAt: string; readonly recordedBy: string }
>;

/**
 * A stand-in (代理人, SPEC §11) named for `[from, until)`: while it runs, the employee's review,
 * approval, final-approval and notice tasks are also the stand-in's.
 */
export type StandInAppointed = Event<
  'StandInAppointed',
  { readonly employeeId: string; readonly standInId: string; readonly from: string; readonly until: string; readonly reason: string | null; readonly appointedBy: string }
>;
/** `withdrawn`: on DELETE, by the employee or their superior; `period-ended`: by the scheduler at `until`. */
export type StandInEnded = Event<
  'StandInEnded',
  { readonly employeeId: string; readonly standInId: string; readonly endedAt: string; readonly endedBy: string; readonly cause: 'withdrawn' | 'period-ended' }
>;

export type EmployeeEvent = EmployeeRegistered | EmployeeUpdated | EmployeeLeft | TrainingCompleted | StandInAppointed | StandInEnded;

// ---- authorization-{id} --------------------------------------------------

/** Present on the events of a change request; absent on the original application's. */
interface OfChange {
  readonly changeId?: string;
}

/** On an act by a stand-in: whom it was for (the act counts as theirs too). Absent on one's own acts. */
interface ActingFor {
  readonly actingFor?: string;
}

export type AuthorizationApplied = Event<
  'AuthorizationApplied',
  Terms & {
    readonly authorizationId: string;
    readonly applicantId: string;
    readonly applicantRole: Role;
    readonly applicantTeam: string | null;
    readonly reason: string;
    /** false when the applicant has no superior (a manager): the application goes straight to approval. */
    readonly initialReviewRequired: boolean;
    /** Decided by the catalogue at application time (major matter, or scope above the manager's limit). */
    readonly finalApprovalRequired: boolean;
  }
>;
export type InitialReviewPassed = Event<'InitialReviewPassed', OfChange & ActingFor & { readonly authorizationId: string; readonly reviewerId: string; readonly opinion: string }>;
export type InitialReviewRejected = Event<'InitialReviewRejected', OfChange & ActingFor & { readonly authorizationId: string; readonly reviewerId: string; readonly opinion: string }>;
export type ManagerApproved = Event<
  'ManagerApproved',
  OfChange & ActingFor & { readonly authorizationId: string; readonly approverId: string; readonly opinion: string; readonly finalApprovalRequired: boolean }
>;
export type ManagerRejected = Event<'ManagerRejected', OfChange & ActingFor & { readonly authorizationId: string; readonly approverId: string; readonly opinion: string }>;
export type ExecutiveApproved = Event<'ExecutiveApproved', OfChange & ActingFor & { readonly authorizationId: string; readonly executiveId: string; readonly opinion: string }>;
export type ExecutiveRejected = Event<'ExecutiveRejected', OfChange & ActingFor & { readonly authorizationId: string; readonly executiveId: string; readonly opinion: string }>;
export type NoticeIssued = Event<
  'NoticeIssued',
  OfChange & ActingFor & {
    readonly authorizationId: string;
    readonly noticeNumber: string;
    readonly issuerId: string;
    /** `designee`: the issuer held a grant in force for `authorization.notice.issue` (its id in `designationGrantId`). */
    readonly issuedAs: 'manager' | 'designee';
    readonly designationGrantId?: string;
    readonly copiesTo: readonly string[];
    /** The terms the notice states (for a change: the new terms). */
    readonly terms: Terms;
  }
>;
export type NoticeAcknowledged = Event<
  'NoticeAcknowledged',
  OfChange & {
    readonly authorizationId: string;
    readonly employeeId: string;
    readonly noticeNumber: string;
    readonly acknowledgedAt: string;
    /** The terms now in force: in force from max(acknowledgedAt, validFrom) until validUntil. */
    readonly terms: Terms;
  }
>;
export type ChangeApplied = Event<
  'ChangeApplied',
  {
    readonly authorizationId: string;
    readonly changeId: string;
    readonly requestedBy: string;
    /** The complete proposed terms (unchanged fields copied from the terms in force). */
    readonly terms: Terms;
    readonly reason: string;
    readonly initialReviewRequired: boolean;
    readonly finalApprovalRequired: boolean;
  }
>;
export type ExpiryReminderIssued = Event<
  'ExpiryReminderIssued',
  { readonly authorizationId: string; readonly daysAhead: 7 | 1; readonly validUntil: string }
>;
/** A workflow stage with a deadline (SPEC §11): `stageDueHours` after the event that opened it. */
export type DeadlineStage = 'review' | 'approval' | 'final-approval' | 'notice' | 'acknowledgement';
/** Once per stage (and change) at its due time; for `acknowledgement` the applicant is reminded. */
export type ApprovalReminderIssued = Event<
  'ApprovalReminderIssued',
  OfChange & { readonly authorizationId: string; readonly stage: DeadlineStage; readonly dueAt: string; readonly remindedAt: string }
>;
/**
 * At twice the due time (never for `acknowledgement`): a review becomes the reviewer's superior's too
 * (every manager's where there is none); the other stages show as overdue to everyone eligible.
 */
export type ApprovalEscalated = Event<
  'ApprovalEscalated',
  OfChange & { readonly authorizationId: string; readonly stage: Exclude<DeadlineStage, 'acknowledgement'>; readonly dueAt: string; readonly escalatedAt: string }
>;
export type AuthorizationExpired = Event<
  'AuthorizationExpired',
  { readonly authorizationId: string; readonly validUntil: string; readonly expiredAt: string; readonly previousStatus: string }
>;
export type AuthorizationCompleted = Event<
  'AuthorizationCompleted',
  { readonly authorizationId: string; readonly completedBy: string; readonly note: string | null; readonly completedAt: string }
>;
export type RevocationCause = 'manual' | 'employee-left' | 'role-changed' | 'report' | 'access-review';
export type AuthorizationRevoked = Event<
  'AuthorizationRevoked',
  { readonly authorizationId: string; readonly revokedBy: string; readonly reason: string; readonly cause: RevocationCause; readonly revokedAt: string }
>;
export type ApplicationWithdrawn = Event<
  'ApplicationWithdrawn',
  { readonly authorizationId: string; readonly withdrawnBy: string; readonly reason: string | null; readonly withdrawnAt: string }
>;

export type AuthorizationEvent =
  | AuthorizationApplied
  | InitialReviewPassed
  | InitialReviewRejected
  | ManagerApproved
  | ManagerRejected
  | ExecutiveApproved
  | ExecutiveRejected
  | NoticeIssued
  | NoticeAcknowledged
  | ChangeApplied
  | ExpiryReminderIssued
  | ApprovalReminderIssued
  | ApprovalEscalated
  | AuthorizationExpired
  | AuthorizationCompleted
  | AuthorizationRevoked
  | ApplicationWithdrawn;

export type DomainEvent = EmployeeEvent | AuthorizationEvent;
export type DomainEventType = DomainEvent['type'];

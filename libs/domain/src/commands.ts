/**
 * Commands of the deciders. Everything the decision needs arrives in the command: the clock
 * (`now`), generated ids, the actor's and the applicant's directory entries as read at command
 * time, and the catalogue. The domain never reads a clock, makes an id or does I/O.
 */
import type { Catalogue } from './catalogue/catalogue.js';
import type { EmployeeProfile, RevocationCause, Scope } from './events.js';
import type { Role } from './ids.js';

/** A directory entry as known when the command is decided. */
export interface EmployeeSnapshot extends EmployeeProfile {
  readonly left: boolean;
  readonly trainings: readonly string[];
  /** Stand-ins named and not ended (running or ahead); absent = none. */
  readonly standIns?: readonly StandInPeriod[];
}

/** A stand-in (代理人) of an employee for `[from, until)` (SPEC §11). */
export interface StandInPeriod {
  readonly standInId: string;
  readonly from: string;
  readonly until: string;
  readonly reason: string | null;
}

/** Who acts: an employee (with their directory entry) or the system (scheduler, cascades, reports). */
export type Principal =
  | { readonly kind: 'employee'; readonly employee: EmployeeSnapshot }
  | { readonly kind: 'system'; readonly id: string };

type Command<T extends string, D> = { readonly type: T; readonly data: D };

// ---- directory -----------------------------------------------------------

export type RegisterEmployee = Command<
  'RegisterEmployee',
  { readonly employeeId: string; readonly name: string; readonly role: Role; readonly team: string | null; readonly reportsTo: string | null; readonly department: string | null }
>;
export type UpdateEmployee = Command<
  'UpdateEmployee',
  {
    readonly employeeId: string;
    readonly name?: string;
    readonly role?: Role;
    readonly team?: string | null;
    readonly reportsTo?: string | null;
    readonly department?: string | null;
  }
>;
export type RecordDeparture = Command<'RecordDeparture', { readonly employeeId: string; readonly reason: string | null; readonly now: string }>;
export type RecordTraining = Command<
  'RecordTraining',
  { readonly employeeId: string; readonly course: string; readonly completedAt: string; readonly recordedBy: string; readonly now: string }
>;

/** `actor`: the employee or their superior; `standIn`: the stand-in's directory entry now. */
export type AppointStandIn = Command<
  'AppointStandIn',
  {
    readonly employeeId: string;
    readonly actor: EmployeeSnapshot;
    readonly standIn: EmployeeSnapshot;
    readonly from: string;
    readonly until: string;
    readonly reason: string | null;
    readonly now: string;
  }
>;
/** By the employee or their superior (`withdrawn`), or the scheduler once `until` has passed (`period-ended`: `[]` before). */
export type EndStandIn = Command<
  'EndStandIn',
  { readonly employeeId: string; readonly standInId: string; readonly actor: Principal; readonly now: string }
>;

export type EmployeeCommand = RegisterEmployee | UpdateEmployee | RecordDeparture | RecordTraining | AppointStandIn | EndStandIn;

// ---- authorization -------------------------------------------------------

export type ApplyForAuthorization = Command<
  'ApplyForAuthorization',
  {
    readonly authorizationId: string;
    readonly applicant: EmployeeSnapshot;
    readonly matter: string;
    readonly scope: Scope;
    readonly reason: string;
    readonly validFrom: string;
    readonly validUntil: string;
    readonly catalogue: Catalogue;
    readonly now: string;
  }
>;
/** `applicant` is the applicant's directory entry now: the reviewer is their `reportsTo` at review time. */
/**
 * `reviewer`: the applicant's superior's entry now (its stand-ins, its own superior for an escalated
 * review); absent = not looked up (no stand-in, no escalation).
 */
export type ReviewAuthorization = Command<
  'ReviewAuthorization',
  {
    readonly actor: EmployeeSnapshot;
    readonly applicant: EmployeeSnapshot;
    readonly reviewer?: EmployeeSnapshot | null;
    readonly decision: 'pass' | 'reject';
    readonly opinion: string;
    readonly now: string;
  }
>;
/**
 * `standingInFor`: entries of the people who named the actor as their stand-in (the domain checks the
 * period at `now`); used only when the actor may not act by their own role.
 */
export type ApproveAuthorization = Command<
  'ApproveAuthorization',
  { readonly actor: EmployeeSnapshot; readonly standingInFor?: readonly EmployeeSnapshot[]; readonly decision: 'approve' | 'reject'; readonly opinion: string; readonly now: string }
>;
export type FinalApproveAuthorization = Command<
  'FinalApproveAuthorization',
  { readonly actor: EmployeeSnapshot; readonly standingInFor?: readonly EmployeeSnapshot[]; readonly decision: 'approve' | 'reject'; readonly opinion: string; readonly now: string }
>;
/**
 * `designationGrantId`: set when the actor is not a manager but holds a grant in force for `authorization.notice.issue`.
 * `copiesTo` null: omitted, the matter's default and required departments (SPEC §12). `catalogue`: its copy
 * rules apply; absent only in machine-made histories, which have none.
 */
export type IssueNotice = Command<
  'IssueNotice',
  {
    readonly actor: EmployeeSnapshot;
    readonly standingInFor?: readonly EmployeeSnapshot[];
    readonly designationGrantId: string | null;
    readonly copiesTo: readonly string[] | null;
    readonly catalogue?: Catalogue;
    readonly noticeNumber: string;
    readonly now: string;
  }
>;
export type AcknowledgeNotice = Command<'AcknowledgeNotice', { readonly actor: EmployeeSnapshot; readonly now: string }>;
export type RequestChange = Command<
  'RequestChange',
  {
    readonly actor: EmployeeSnapshot;
    readonly changeId: string;
    readonly scope?: Scope;
    readonly validUntil?: string;
    readonly reason: string;
    readonly catalogue: Catalogue;
    readonly now: string;
  }
>;
/** `grantee` is the grantee's directory entry now (their superior may revoke). */
export type RevokeAuthorization = Command<
  'RevokeAuthorization',
  { readonly actor: Principal; readonly grantee: EmployeeSnapshot; readonly reason: string; readonly cause: RevocationCause; readonly now: string }
>;
export type CompleteAuthorization = Command<
  'CompleteAuthorization',
  { readonly actor: EmployeeSnapshot; readonly grantee: EmployeeSnapshot; readonly note: string | null; readonly now: string }
>;
export type WithdrawApplication = Command<'WithdrawApplication', { readonly actor: Principal; readonly reason: string | null; readonly now: string }>;
/** Machine command from the scheduler: nothing to do (`[]`) unless `now >= validUntil` and the authorization is not terminal. */
export type ExpireAuthorization = Command<'ExpireAuthorization', { readonly now: string }>;
/** Machine command from the scheduler: `[]` if this reminder was already issued or does not apply. */
export type IssueExpiryReminder = Command<'IssueExpiryReminder', { readonly daysAhead: 7 | 1; readonly now: string }>;

/** Machine commands from the scheduler (SPEC §11 deadlines): `[]` when not due, already done or the stage has moved on. */
export type IssueApprovalReminder = Command<'IssueApprovalReminder', { readonly stageDueHours: number; readonly now: string }>;
export type EscalateApproval = Command<'EscalateApproval', { readonly stageDueHours: number; readonly now: string }>;

export type AuthorizationCommand =
  | ApplyForAuthorization
  | ReviewAuthorization
  | ApproveAuthorization
  | FinalApproveAuthorization
  | IssueNotice
  | AcknowledgeNotice
  | RequestChange
  | RevokeAuthorization
  | CompleteAuthorization
  | WithdrawApplication
  | ExpireAuthorization
  | IssueExpiryReminder
  | IssueApprovalReminder
  | EscalateApproval;

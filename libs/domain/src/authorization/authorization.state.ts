/** State of the authorization aggregate (`authorization-{id}`): a union on `status` (SPEC §4, §5). */
import type { Terms } from '../events.js';
import type { Role } from '../ids.js';

/** The steps an application, and later each change of it, goes through before it is in force. */
export const WORKFLOW_STAGES = ['pending_review', 'pending_approval', 'pending_final_approval', 'pending_notice', 'pending_acknowledgement'] as const;
export type WorkflowStage = (typeof WORKFLOW_STAGES)[number];
export const TERMINAL_STATUSES = ['rejected', 'withdrawn', 'expired', 'completed', 'revoked'] as const;
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];
export type AuthorizationStatus = 'initial' | WorkflowStage | 'active' | TerminalStatus;

export interface Notice {
  readonly number: string;
  readonly issuerId: string;
  readonly issuedAs: 'manager' | 'designee';
  readonly designationGrantId: string | null;
  readonly copiesTo: readonly string[];
}

/** What one pass through review → approval → final approval → notice → acknowledgement records. */
export interface WorkflowRecord {
  readonly terms: Terms;
  readonly reason: string;
  readonly initialReviewRequired: boolean;
  readonly finalApprovalRequired: boolean;
  readonly reviewerId: string | null;
  readonly approverId: string | null;
  readonly executiveId: string | null;
  readonly notice: Notice | null;
  /** When the open stage began (the opening event's time; null without metadata: no deadline). */
  readonly stageOpenedAt?: string | null;
  /** Whether the open stage got its `ApprovalReminderIssued` / `ApprovalEscalated` (SPEC §11 deadlines). */
  readonly stageReminded?: boolean;
  readonly stageEscalated?: boolean;
}

/** Who did a review, approval, final approval or notice; `actingFor` when a stand-in did it (SPEC §11). */
export interface Act {
  readonly step: 'review' | 'approval' | 'final-approval' | 'notice';
  readonly actorId: string;
  readonly actingFor: string | null;
  /** null: the application's own pass; else the change's. */
  readonly changeId: string | null;
}

export interface PendingChange extends WorkflowRecord {
  readonly changeId: string;
  readonly stage: WorkflowStage;
  readonly requestedBy: string;
}

export interface Reminder {
  readonly daysAhead: 7 | 1;
  readonly validUntil: string;
}

/** Terms put in force by an acknowledgement (the application's, then each change's). */
export interface Acknowledgement {
  readonly acknowledgedAt: string;
  readonly terms: Terms;
}

interface Application extends WorkflowRecord {
  readonly id: string;
  readonly applicantId: string;
  readonly applicantRole: Role;
  readonly applicantTeam: string | null;
  /** When the application's notice was issued (its event's time; null before it or without metadata). */
  readonly noticeIssuedAt: string | null;
  /** Every department any notice of it (application or change) was copied to, in order of first copy (SPEC §12). */
  readonly copiedTo: readonly string[];
  readonly acknowledgedAt: string | null;
  readonly acknowledgements: readonly Acknowledgement[];
  readonly remindersIssued: readonly Reminder[];
  /** Every act on the application and its changes, in order (separation of duties across stand-ins). */
  readonly acts?: readonly Act[];
}

export type InitialState = { readonly status: 'initial' };
export type PendingState = Application & { readonly status: WorkflowStage };
export type ActiveState = Application & {
  readonly status: 'active';
  readonly acknowledgedAt: string;
  readonly notice: Notice;
  readonly pendingChange: PendingChange | null;
};
export type EndedState = Application & {
  readonly status: TerminalStatus;
  /** When it ended: the event's time (`null` only for a rejection stored without metadata). */
  readonly endedAt: string | null;
  readonly endedBy: string | null;
  /** The opinion of a rejection, the reason of a revocation or withdrawal, the note of a completion. */
  readonly endReason: string | null;
};

export type AuthorizationState = InitialState | PendingState | ActiveState | EndedState;
export type AppliedState = Exclude<AuthorizationState, InitialState>;

export const initialState = (): AuthorizationState => ({ status: 'initial' });

export const isTerminal = (state: AuthorizationState): state is EndedState =>
  (TERMINAL_STATUSES as readonly string[]).includes(state.status);

export const isPending = (state: AuthorizationState): state is PendingState =>
  (WORKFLOW_STAGES as readonly string[]).includes(state.status);

/** The step waiting for a decision: the application's while pending, else the pending change's. */
export interface OpenStep {
  readonly stage: WorkflowStage;
  readonly record: WorkflowRecord;
  readonly changeId?: string;
}

export function openStep(state: AuthorizationState): OpenStep | null {
  if (isPending(state)) return { stage: state.status, record: state };
  if (state.status === 'active' && state.pendingChange) {
    return { stage: state.pendingChange.stage, record: state.pendingChange, changeId: state.pendingChange.changeId };
  }
  return null;
}

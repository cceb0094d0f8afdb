/** Folds authorization events into state. Never throws: stored events are facts. */
import type { AuthorizationEvent } from '../events.js';
import {
  type Act,
  type AppliedState,
  type AuthorizationState,
  type TerminalStatus,
  type WorkflowRecord,
  type WorkflowStage,
  isTerminal,
} from './authorization.state.js';
import { unionOfCopies } from './copies.js';

/** A new stage starts its deadline clock at the event that opened it. */
const opened = (event: AuthorizationEvent): Partial<WorkflowRecord> => ({ stageOpenedAt: event.metadata?.occurredAt ?? null, stageReminded: false, stageEscalated: false });

/** Records who acted (and for whom) on the application or one of its changes. */
function withAct(state: AuthorizationState, step: Act['step'], actorId: string, actingFor: string | undefined, changeId: string | undefined): AuthorizationState {
  if (state.status === 'initial' || isTerminal(state)) return state;
  return { ...state, acts: [...(state.acts ?? []), { step, actorId, actingFor: actingFor ?? null, changeId: changeId ?? null }] };
}

/** Records the act only when the event moved the state (a stale or foreign event changes nothing). */
const acted = (before: AuthorizationState, after: AuthorizationState, step: Act['step'], actorId: string, actingFor: string | undefined, changeId: string | undefined): AuthorizationState =>
  after === before ? before : withAct(after, step, actorId, actingFor, changeId);

/** Marks the open stage (of the application, or of change `changeId`) reminded or escalated. */
function markStage(state: AuthorizationState, changeId: string | undefined, patch: Partial<WorkflowRecord>): AuthorizationState {
  if (changeId === undefined) return state.status === 'initial' || state.status === 'active' || isTerminal(state) ? state : { ...state, ...patch };
  if (state.status !== 'active' || state.pendingChange?.changeId !== changeId) return state;
  return { ...state, pendingChange: { ...state.pendingChange, ...patch } };
}

/** Applies a step's outcome to the application, or to the pending change when `changeId` is set. */
function advance(state: AuthorizationState, changeId: string | undefined, patch: Partial<WorkflowRecord>, stage: WorkflowStage): AuthorizationState {
  if (changeId === undefined) {
    return state.status === 'initial' || state.status === 'active' || isTerminal(state) ? state : { ...state, ...patch, status: stage };
  }
  if (state.status !== 'active' || state.pendingChange?.changeId !== changeId) return state;
  return { ...state, pendingChange: { ...state.pendingChange, ...patch, stage } };
}

function end(state: AuthorizationState, status: TerminalStatus, at: string | null, by: string | null, reason: string | null): AuthorizationState {
  if (state.status === 'initial' || isTerminal(state)) return state;
  const { pendingChange: _dropped, ...rest } = state as AppliedState & { pendingChange?: unknown };
  return { ...(rest as AppliedState), status, endedAt: at, endedBy: by, endReason: reason };
}

/** A rejection ends an application, but only clears a change (the grant stays as it was). */
function reject(state: AuthorizationState, event: AuthorizationEvent, changeId: string | undefined, by: string, opinion: string): AuthorizationState {
  if (changeId === undefined) return end(state, 'rejected', event.metadata?.occurredAt ?? null, by, opinion);
  if (state.status !== 'active' || state.pendingChange?.changeId !== changeId) return state;
  return { ...state, pendingChange: null };
}

function acknowledge(state: AuthorizationState, event: Extract<AuthorizationEvent, { type: 'NoticeAcknowledged' }>): AuthorizationState {
  const { changeId, acknowledgedAt, terms } = event.data;
  if (state.status === 'initial' || isTerminal(state)) return state;
  const acknowledgements = [...state.acknowledgements, { acknowledgedAt, terms }];
  if (changeId === undefined) {
    if (state.status !== 'pending_acknowledgement' || !state.notice) return state;
    return { ...state, status: 'active', terms, acknowledgedAt, acknowledgements, notice: state.notice, pendingChange: null };
  }
  if (state.status !== 'active' || state.pendingChange?.changeId !== changeId || !state.pendingChange.notice) return state;
  return { ...state, terms, acknowledgedAt, acknowledgements, notice: state.pendingChange.notice, pendingChange: null };
}

export function evolve(state: AuthorizationState, event: AuthorizationEvent): AuthorizationState {
  switch (event.type) {
    case 'AuthorizationApplied': {
      if (state.status !== 'initial') return state;
      const { authorizationId, applicantId, applicantRole, applicantTeam, reason, initialReviewRequired, finalApprovalRequired } = event.data;
      const { matter, scope, validFrom, validUntil } = event.data;
      return {
        status: initialReviewRequired ? 'pending_review' : 'pending_approval',
        id: authorizationId,
        applicantId,
        applicantRole,
        applicantTeam,
        terms: { matter, scope, validFrom, validUntil },
        reason,
        initialReviewRequired,
        finalApprovalRequired,
        reviewerId: null,
        approverId: null,
        executiveId: null,
        notice: null,
        noticeIssuedAt: null,
        copiedTo: [],
        acknowledgedAt: null,
        acknowledgements: [],
        remindersIssued: [],
        acts: [],
        ...opened(event),
      };
    }
    case 'InitialReviewPassed': {
      const { changeId, reviewerId, actingFor } = event.data;
      return acted(state, advance(state, changeId, { reviewerId, ...opened(event) }, 'pending_approval'), 'review', reviewerId, actingFor, changeId);
    }
    case 'InitialReviewRejected':
      return acted(state, reject(state, event, event.data.changeId, event.data.reviewerId, event.data.opinion), 'review', event.data.reviewerId, event.data.actingFor, event.data.changeId);
    case 'ManagerApproved': {
      const { approverId, finalApprovalRequired, changeId, actingFor } = event.data;
      const next = finalApprovalRequired ? 'pending_final_approval' : 'pending_notice';
      return acted(state, advance(state, changeId, { approverId, finalApprovalRequired, ...opened(event) }, next), 'approval', approverId, actingFor, changeId);
    }
    case 'ManagerRejected':
      return acted(state, reject(state, event, event.data.changeId, event.data.approverId, event.data.opinion), 'approval', event.data.approverId, event.data.actingFor, event.data.changeId);
    case 'ExecutiveApproved': {
      const { executiveId, changeId, actingFor } = event.data;
      return acted(state, advance(state, changeId, { executiveId, ...opened(event) }, 'pending_notice'), 'final-approval', executiveId, actingFor, changeId);
    }
    case 'ExecutiveRejected':
      return acted(state, reject(state, event, event.data.changeId, event.data.executiveId, event.data.opinion), 'final-approval', event.data.executiveId, event.data.actingFor, event.data.changeId);
    case 'NoticeIssued': {
      const { noticeNumber, issuerId, issuedAs, designationGrantId, copiesTo, actingFor } = event.data;
      const notice = { number: noticeNumber, issuerId, issuedAs, designationGrantId: designationGrantId ?? null, copiesTo };
      const advanced = acted(state, advance(state, event.data.changeId, { notice, ...opened(event) }, 'pending_acknowledgement'), 'notice', issuerId, actingFor, event.data.changeId);
      if (advanced === state || advanced.status === 'initial') return advanced;
      const next = { ...advanced, copiedTo: unionOfCopies(advanced.copiedTo, copiesTo) };
      if (next.status !== 'pending_acknowledgement') return next;
      return { ...next, noticeIssuedAt: event.metadata?.occurredAt ?? null };
    }
    case 'NoticeAcknowledged':
      return acknowledge(state, event);
    case 'ChangeApplied': {
      if (state.status !== 'active') return state;
      const { changeId, requestedBy, terms, reason, initialReviewRequired, finalApprovalRequired } = event.data;
      const stage = initialReviewRequired ? 'pending_review' : 'pending_approval';
      const empty = { reviewerId: null, approverId: null, executiveId: null, notice: null, ...opened(event) };
      return { ...state, pendingChange: { changeId, stage, requestedBy, terms, reason, initialReviewRequired, finalApprovalRequired, ...empty } };
    }
    case 'ExpiryReminderIssued':
      if (state.status !== 'active') return state;
      return { ...state, remindersIssued: [...state.remindersIssued, { daysAhead: event.data.daysAhead, validUntil: event.data.validUntil }] };
    case 'ApprovalReminderIssued':
      return markStage(state, event.data.changeId, { stageReminded: true });
    case 'ApprovalEscalated':
      return markStage(state, event.data.changeId, { stageEscalated: true });
    case 'AuthorizationExpired':
      return end(state, 'expired', event.data.expiredAt, null, null);
    case 'AuthorizationCompleted':
      return end(state, 'completed', event.data.completedAt, event.data.completedBy, event.data.note);
    case 'AuthorizationRevoked':
      return end(state, 'revoked', event.data.revokedAt, event.data.revokedBy, event.data.reason);
    case 'ApplicationWithdrawn':
      return end(state, 'withdrawn', event.data.withdrawnAt, event.data.withdrawnBy, event.data.reason);
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/**
 * Pure projection of an authorization's events into its row (`evolve`). The store folds a batch
 * with it; replaying the same events gives the same row.
 */
import type { Act } from '../../../domain/src/authorization/authorization.state.js';
import { isAuthorizationStreamEvent } from '../../../domain/src/codec/event-codec.js';
import type { AuthorizationEvent } from '../../../domain/src/events.js';
import { comparePositions } from '../../../event-store/src/event-store.port.js';
import { unionOfCopies } from '../../../domain/src/authorization/copies.js';
import type { ProjectedEvent } from '../recorded.js';
import type { AuditEntry } from '../audit/audit-entry.projection.js';
import type { AuthorizationRow, HistoryEntry, PendingChange, PendingStage } from './authorization.row.js';
import { termsOf } from './authorization.row.js';

export const isAuthorizationEvent = (projected: ProjectedEvent): projected is ProjectedEvent<AuthorizationEvent> => isAuthorizationStreamEvent(projected.event);

const afterReview = (finalApprovalRequired: boolean): PendingStage => (finalApprovalRequired ? 'pending_final_approval' : 'pending_notice');

/** Applies a step to the pending change (events carrying `changeId`) or to the application itself. */
const onChange = (row: AuthorizationRow, changeId: string | undefined, update: (change: PendingChange) => PendingChange | null): AuthorizationRow => {
  if (changeId === undefined || row.pendingChange === null || row.pendingChange.changeId !== changeId) return row;
  return { ...row, pendingChange: update(row.pendingChange) };
};

const ended = (row: AuthorizationRow, p: ProjectedEvent, status: AuthorizationRow['status'], by: string | null, reason: string | null, cause: AuthorizationRow['endCause'], at: string): AuthorizationRow => ({
  ...row,
  status,
  pendingChange: null,
  endedAt: at,
  endedBy: by,
  endReason: reason,
  endCause: cause,
  updatedAt: p.occurredAt,
});

const applied = (p: ProjectedEvent<AuthorizationEvent>): AuthorizationRow | null => {
  if (p.event.type !== 'AuthorizationApplied') return null;
  const d = p.event.data;
  return {
    id: d.authorizationId,
    applicantId: d.applicantId,
    applicantRole: d.applicantRole,
    applicantTeam: d.applicantTeam,
    status: d.initialReviewRequired ? 'pending_review' : 'pending_approval',
    matter: d.matter,
    terms: termsOf(d),
    reason: d.reason,
    finalApprovalRequired: d.finalApprovalRequired,
    pendingChange: null,
    reviewerId: null,
    approverId: null,
    executiveId: null,
    notice: null,
    copiesTo: [],
    acts: [],
    acknowledgedAt: null,
    endedAt: null,
    endedBy: null,
    endReason: null,
    endCause: null,
    createdAt: p.occurredAt,
    updatedAt: p.occurredAt,
    createdPosition: p.position,
    lastPosition: p.position,
  };
};

const step = (row: AuthorizationRow, p: ProjectedEvent<AuthorizationEvent>): AuthorizationRow => {
  const e = p.event;
  const touched = { ...row, updatedAt: p.occurredAt };
  switch (e.type) {
    case 'AuthorizationApplied':
      return row;
    case 'InitialReviewPassed':
      if (e.data.changeId !== undefined) return onChange(touched, e.data.changeId, (c) => ({ ...c, stage: 'pending_approval', reviewerId: e.data.reviewerId }));
      return { ...touched, status: 'pending_approval', reviewerId: e.data.reviewerId };
    case 'InitialReviewRejected':
      if (e.data.changeId !== undefined) return onChange(touched, e.data.changeId, () => null);
      return ended({ ...row, reviewerId: e.data.reviewerId }, p, 'rejected', e.data.reviewerId, e.data.opinion, 'rejected', p.occurredAt);
    case 'ManagerApproved': {
      const stage = afterReview(e.data.finalApprovalRequired);
      if (e.data.changeId !== undefined) return onChange(touched, e.data.changeId, (c) => ({ ...c, stage, approverId: e.data.approverId }));
      return { ...touched, status: stage, approverId: e.data.approverId, finalApprovalRequired: e.data.finalApprovalRequired };
    }
    case 'ManagerRejected':
      if (e.data.changeId !== undefined) return onChange(touched, e.data.changeId, () => null);
      return ended({ ...row, approverId: e.data.approverId }, p, 'rejected', e.data.approverId, e.data.opinion, 'rejected', p.occurredAt);
    case 'ExecutiveApproved':
      if (e.data.changeId !== undefined) return onChange(touched, e.data.changeId, (c) => ({ ...c, stage: 'pending_notice', executiveId: e.data.executiveId }));
      return { ...touched, status: 'pending_notice', executiveId: e.data.executiveId };
    case 'ExecutiveRejected':
      if (e.data.changeId !== undefined) return onChange(touched, e.data.changeId, () => null);
      return ended({ ...row, executiveId: e.data.executiveId }, p, 'rejected', e.data.executiveId, e.data.opinion, 'rejected', p.occurredAt);
    case 'NoticeIssued': {
      const notice = { number: e.data.noticeNumber, issuerId: e.data.issuerId, issuedAs: e.data.issuedAs, copiesTo: e.data.copiesTo, issuedAt: p.occurredAt };
      // `?? []`: a document projected before the union was kept (a rebuild fills it).
      const copied = { ...touched, copiesTo: unionOfCopies(touched.copiesTo ?? [], e.data.copiesTo) };
      if (e.data.changeId !== undefined) return onChange(copied, e.data.changeId, (c) => ({ ...c, stage: 'pending_acknowledgement', notice }));
      return { ...copied, status: 'pending_acknowledgement', notice, terms: termsOf(e.data.terms) };
    }
    case 'NoticeAcknowledged': {
      const notice = e.data.changeId !== undefined && row.pendingChange?.changeId === e.data.changeId ? row.pendingChange.notice : row.notice;
      return { ...touched, status: 'active', terms: termsOf(e.data.terms), notice, pendingChange: null, acknowledgedAt: e.data.acknowledgedAt };
    }
    case 'ChangeApplied': {
      const d = e.data;
      const change: PendingChange = {
        changeId: d.changeId,
        stage: d.initialReviewRequired ? 'pending_review' : 'pending_approval',
        terms: termsOf(d.terms),
        reason: d.reason,
        requestedBy: d.requestedBy,
        requestedAt: p.occurredAt,
        finalApprovalRequired: d.finalApprovalRequired,
        reviewerId: null,
        approverId: null,
        executiveId: null,
        notice: null,
      };
      return { ...touched, pendingChange: change };
    }
    case 'ExpiryReminderIssued':
    case 'ApprovalReminderIssued':
    case 'ApprovalEscalated':
      return row;
    case 'AuthorizationExpired':
      return ended(row, p, 'expired', null, null, 'expired', e.data.expiredAt);
    case 'AuthorizationCompleted':
      return ended(row, p, 'completed', e.data.completedBy, e.data.note, 'completed', e.data.completedAt);
    case 'AuthorizationRevoked':
      return ended(row, p, 'revoked', e.data.revokedBy, e.data.reason, e.data.cause, e.data.revokedAt);
    case 'ApplicationWithdrawn':
      return ended(row, p, 'withdrawn', e.data.withdrawnBy, e.data.reason, 'withdrawn', e.data.withdrawnAt);
    default: {
      const _exhaustive: never = e;
      return _exhaustive;
    }
  }
};

const PENDING: ReadonlySet<AuthorizationRow['status']> = new Set(['pending_review', 'pending_approval', 'pending_final_approval', 'pending_notice', 'pending_acknowledgement']);

/** The act an event records, if it is one; `ends`: it rejects the application itself. */
const actOf = (e: AuthorizationEvent): { readonly act: Act; readonly ends: boolean } | null => {
  const of = (step: Act['step'], actorId: string, data: { readonly changeId?: string; readonly actingFor?: string }, rejects = false) => ({
    act: { step, actorId, actingFor: data.actingFor ?? null, changeId: data.changeId ?? null },
    ends: rejects && data.changeId === undefined,
  });
  switch (e.type) {
    case 'InitialReviewPassed':
    case 'InitialReviewRejected':
      return of('review', e.data.reviewerId, e.data, e.type === 'InitialReviewRejected');
    case 'ManagerApproved':
    case 'ManagerRejected':
      return of('approval', e.data.approverId, e.data, e.type === 'ManagerRejected');
    case 'ExecutiveApproved':
    case 'ExecutiveRejected':
      return of('final-approval', e.data.executiveId, e.data, e.type === 'ExecutiveRejected');
    case 'NoticeIssued':
      return of('notice', e.data.issuerId, e.data);
    default:
      return null;
  }
};

/**
 * The row's acts and the event's, as the domain's fold records them (`authorization.evolve.ts`): an act
 * on the open application (not one that ends it) or on its open change; a stale or foreign one is none.
 */
const actsAfter = (row: AuthorizationRow, e: AuthorizationEvent): readonly Act[] => {
  // `?? []`: a row kept before acts were (the notifications' copies; the read models replay as read-models.v2).
  const acts = row.acts ?? [];
  const found = actOf(e);
  if (found === null || found.ends) return acts;
  const open = found.act.changeId === null ? PENDING.has(row.status) : row.status === 'active' && row.pendingChange?.changeId === found.act.changeId;
  return open ? [...acts, found.act] : acts;
};

/**
 * `evolve(row, event)`: `row` is null before the application. An event at or before the row's
 * last position is ignored, so a replayed batch changes nothing; except the row's first event,
 * which rebuilds it (a replay of the whole log over rows of an older shape brings them up to date).
 */
export const evolveAuthorization = (row: AuthorizationRow | null, p: ProjectedEvent<AuthorizationEvent>): AuthorizationRow | null => {
  if (row === null || (p.event.type === 'AuthorizationApplied' && comparePositions(p.position, row.createdPosition) === 0)) return applied(p) ?? row;
  if (comparePositions(p.position, row.lastPosition) <= 0) return row;
  const next = step(row, p);
  return { ...next, acts: actsAfter(row, p.event), lastPosition: p.position };
};

/** One step of an authorization's history, from its audit entry (event type, actor, time, data without the id). */
export const historyEntryOf = (entry: AuditEntry): HistoryEntry => {
  const { authorizationId: _id, ...data } = typeof entry.data === 'object' && entry.data !== null ? (entry.data as Record<string, unknown>) : {};
  // A stand-in's act (SPEC §11): the history says whom the actor acted for, beside the actor.
  const actingFor = typeof data['actingFor'] === 'string' ? { actingFor: data['actingFor'] } : {};
  return { type: entry.type, position: entry.position, actor: entry.actor, ...actingFor, occurredAt: entry.occurredAt, data };
};

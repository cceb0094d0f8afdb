import { authorizationDecider } from '../../../domain/src/authorization/authorization.decider.js';
import type { AuthorizationState } from '../../../domain/src/authorization/authorization.state.js';
import { foldStored } from '../../../domain/src/decider.js';
import type { RecordedEvent } from '../../../event-store/src/event-store.port.js';
import { toProjectedEvent } from '../recorded.js';
import { applyThrough, EventLog, terms } from '../testing/event-log.js';
import { auditEntryOf } from '../audit/audit-entry.projection.js';
import { evolveAuthorization, historyEntryOf, isAuthorizationEvent } from './authorization.projection.js';
import type { AuthorizationRow } from './authorization.row.js';
import { tasksOf } from './inbox.projection.js';

const fold = (events: readonly RecordedEvent[], from: AuthorizationRow | null = null): AuthorizationRow | null =>
  events.reduce<AuthorizationRow | null>((row, recorded) => {
    const p = toProjectedEvent(recorded);
    return p !== null && isAuthorizationEvent(p) ? evolveAuthorization(row, p) : row;
  }, from);

const given = (build: (log: EventLog) => void): { row: AuthorizationRow; log: EventLog } => {
  const log = new EventLog();
  build(log);
  const row = fold(log.events);
  if (row === null) throw new Error('no row');
  return { row, log };
};

describe('authorization projection', () => {
  describe('when applied', () => {
    it('waits for the initial review by the superior of the applicant', () => {
      const { row } = given((log) => applyThrough(log, 'A1', 'applied'));
      expect(row).toMatchObject({ id: 'A1', applicantId: 'E1', applicantTeam: 'T1', status: 'pending_review', matter: 'compensation.issue', terms: { scope: { maxAmount: 5000 } } });
      expect(tasksOf(row)).toEqual([expect.objectContaining({ kind: 'review', assignee: { rule: 'superior-of', employeeId: 'E1' }, excluded: ['E1'] })]);
    });

    it('goes straight to approval when no initial review is required', () => {
      const log = new EventLog();
      log.add({ type: 'AuthorizationApplied', data: { ...terms(100), authorizationId: 'A2', applicantId: 'M9', applicantRole: 'supervisor', applicantTeam: null, reason: 'r', initialReviewRequired: false, finalApprovalRequired: false } }, 'M9');
      expect(fold(log.events)?.status).toBe('pending_approval');
    });
  });

  describe('when reviewed and approved', () => {
    it('asks an executive other than the applicant, reviewer and approver for final approval', () => {
      const { row } = given((log) => applyThrough(log, 'A1', 'approved'));
      expect(row).toMatchObject({ status: 'pending_final_approval', reviewerId: 'S1', approverId: 'M1' });
      expect(tasksOf(row)).toEqual([expect.objectContaining({ kind: 'final-approval', assignee: { rule: 'role', role: 'executive' }, excluded: ['E1', 'S1', 'M1'] })]);
    });

    it('skips final approval below the manager limit and waits for the notice', () => {
      const { row } = given((log) => applyThrough(log, 'A1', 'approved', { maxAmount: 500 }));
      expect(row.status).toBe('pending_notice');
      expect(tasksOf(row)).toEqual([expect.objectContaining({ kind: 'notice', assignee: { rule: 'notice-issuer' }, excluded: ['E1'] })]);
    });
  });

  describe('when the notice is issued', () => {
    it('records the notice and asks the applicant to acknowledge', () => {
      const { row } = given((log) => applyThrough(log, 'A1', 'noticed'));
      expect(row).toMatchObject({ status: 'pending_acknowledgement', executiveId: 'X1', notice: { number: 'N-A1', issuerId: 'M1', copiesTo: ['finance', 'quality'] } });
      expect(tasksOf(row)).toEqual([expect.objectContaining({ kind: 'acknowledgement', assignee: { rule: 'employee', employeeId: 'E1' } })]);
    });
  });

  describe('when active', () => {
    it('is active with no open task after acknowledgement', () => {
      const { row } = given((log) => applyThrough(log, 'A1', 'acknowledged'));
      expect(row).toMatchObject({ status: 'active', acknowledgedAt: '2026-01-02T09:00:00.000Z', pendingChange: null });
      expect(tasksOf(row)).toEqual([]);
    });

    it('keeps the old terms in force while a change goes through the steps again', () => {
      const { row, log } = given((l) => {
        applyThrough(l, 'A1', 'acknowledged');
        l.add({ type: 'ChangeApplied', data: { authorizationId: 'A1', changeId: 'C1', requestedBy: 'E1', terms: terms(800), reason: 'less', initialReviewRequired: true, finalApprovalRequired: false } }, 'E1');
        l.add({ type: 'InitialReviewPassed', data: { authorizationId: 'A1', changeId: 'C1', reviewerId: 'S1', opinion: 'ok' } }, 'S1');
      });
      expect(row).toMatchObject({ status: 'active', terms: { scope: { maxAmount: 5000 } }, pendingChange: { changeId: 'C1', stage: 'pending_approval', reviewerId: 'S1', terms: { scope: { maxAmount: 800 } } } });
      expect(tasksOf(row)).toEqual([expect.objectContaining({ kind: 'approval', changeId: 'C1', excluded: ['E1', 'S1'] })]);

      log.add({ type: 'ManagerApproved', data: { authorizationId: 'A1', changeId: 'C1', approverId: 'M2', opinion: '', finalApprovalRequired: false } }, 'M2');
      log.add({ type: 'NoticeIssued', data: { authorizationId: 'A1', changeId: 'C1', noticeNumber: 'N-C1', issuerId: 'M2', issuedAs: 'manager', copiesTo: ['finance'], terms: terms(800) } }, 'M2');
      const noticed = fold(log.events);
      expect(noticed).toMatchObject({ status: 'active', terms: { scope: { maxAmount: 5000 } }, notice: { number: 'N-A1' }, pendingChange: { stage: 'pending_acknowledgement', notice: { number: 'N-C1' } } });
      log.add({ type: 'NoticeAcknowledged', data: { authorizationId: 'A1', changeId: 'C1', employeeId: 'E1', noticeNumber: 'N-C1', acknowledgedAt: '2026-02-01T00:00:00.000Z', terms: terms(800) } }, 'E1');
      expect(fold(log.events)).toMatchObject({ status: 'active', terms: { scope: { maxAmount: 800 } }, notice: { number: 'N-C1' }, pendingChange: null, acknowledgedAt: '2026-02-01T00:00:00.000Z' });
    });

    it('leaves the grant as it was when a change is rejected', () => {
      const { row } = given((l) => {
        applyThrough(l, 'A1', 'acknowledged');
        l.add({ type: 'ChangeApplied', data: { authorizationId: 'A1', changeId: 'C1', requestedBy: 'E1', terms: terms(9000), reason: 'more', initialReviewRequired: true, finalApprovalRequired: true } }, 'E1');
        l.add({ type: 'InitialReviewRejected', data: { authorizationId: 'A1', changeId: 'C1', reviewerId: 'S1', opinion: 'no' } }, 'S1');
      });
      expect(row).toMatchObject({ status: 'active', pendingChange: null, terms: { scope: { maxAmount: 5000 } }, endedAt: null });
    });

    it('ends as revoked with who, why and when, and drops a pending change', () => {
      const { row } = given((l) => {
        applyThrough(l, 'A1', 'acknowledged');
        l.add({ type: 'ChangeApplied', data: { authorizationId: 'A1', changeId: 'C1', requestedBy: 'E1', terms: terms(800), reason: 'less', initialReviewRequired: true, finalApprovalRequired: false } }, 'E1');
        l.add({ type: 'AuthorizationRevoked', data: { authorizationId: 'A1', revokedBy: 'M1', reason: 'violation', cause: 'manual', revokedAt: '2026-03-01T00:00:00.000Z' } }, 'M1');
      });
      expect(row).toMatchObject({ status: 'revoked', endedAt: '2026-03-01T00:00:00.000Z', endedBy: 'M1', endReason: 'violation', endCause: 'manual', pendingChange: null });
      expect(tasksOf(row)).toEqual([]);
    });

    it('ends as expired and completed', () => {
      const expired = given((l) => {
        applyThrough(l, 'A1', 'acknowledged');
        l.add({ type: 'AuthorizationExpired', data: { authorizationId: 'A1', validUntil: '2026-06-01T00:00:00.000Z', expiredAt: '2026-06-01T00:00:01.000Z', previousStatus: 'active' } });
      }).row;
      expect(expired).toMatchObject({ status: 'expired', endCause: 'expired', endedAt: '2026-06-01T00:00:01.000Z' });
      const completed = given((l) => {
        applyThrough(l, 'A1', 'acknowledged');
        l.add({ type: 'AuthorizationCompleted', data: { authorizationId: 'A1', completedBy: 'E1', note: 'done', completedAt: '2026-02-01T00:00:00.000Z' } }, 'E1');
      }).row;
      expect(completed).toMatchObject({ status: 'completed', endedBy: 'E1', endReason: 'done' });
    });
  });

  describe('when rejected or withdrawn', () => {
    it('ends as rejected with the opinion', () => {
      const { row } = given((l) => {
        applyThrough(l, 'A1', 'reviewed');
        l.add({ type: 'ManagerRejected', data: { authorizationId: 'A1', approverId: 'M1', opinion: 'too much' } }, 'M1');
      });
      expect(row).toMatchObject({ status: 'rejected', approverId: 'M1', endReason: 'too much', endCause: 'rejected' });
      expect(tasksOf(row)).toEqual([]);
    });

    it('ends as withdrawn', () => {
      const { row } = given((l) => {
        applyThrough(l, 'A1', 'applied');
        l.add({ type: 'ApplicationWithdrawn', data: { authorizationId: 'A1', withdrawnBy: 'E1', reason: null, withdrawnAt: '2026-01-03T00:00:00.000Z' } }, 'E1');
      });
      expect(row).toMatchObject({ status: 'withdrawn', endedBy: 'E1', endCause: 'withdrawn' });
    });
  });

  describe('history', () => {
    it('shows each event with its actor, time and data without the id', () => {
      const log = new EventLog();
      applyThrough(log, 'A1', 'reviewed');
      const review = log.events[1];
      if (review === undefined) throw new Error('missing');
      expect(historyEntryOf(auditEntryOf(review, () => 'E1').entry)).toEqual({
        type: 'InitialReviewPassed',
        position: review.position,
        actor: { id: 'S1', kind: 'employee' },
        occurredAt: review.metadata['occurredAt'],
        data: { reviewerId: 'S1', opinion: 'ok' },
      });
    });
  });

  describe('acts (what separation of duties decides on)', () => {
    const domainActs = (events: readonly RecordedEvent[]) => {
      const state: AuthorizationState = foldStored(authorizationDecider, events);
      return state.status === 'initial' ? null : state.acts;
    };

    it("keeps every act as the domain's fold does: who, which step, for whom, on the application and its changes", () => {
      const { row, log } = given((l) => {
        l.add({ type: 'AuthorizationApplied', data: { ...terms(5000), authorizationId: 'A1', applicantId: 'E1', applicantRole: 'agent', applicantTeam: 'T1', reason: 'r', initialReviewRequired: true, finalApprovalRequired: true } }, 'E1');
        // S2 reviews as S1's stand-in.
        l.add({ type: 'InitialReviewPassed', data: { authorizationId: 'A1', reviewerId: 'S2', actingFor: 'S1', opinion: 'ok' } }, 'S2');
        l.add({ type: 'ManagerApproved', data: { authorizationId: 'A1', approverId: 'M1', opinion: '', finalApprovalRequired: true } }, 'M1');
        l.add({ type: 'ExecutiveApproved', data: { authorizationId: 'A1', executiveId: 'X1', opinion: '' } }, 'X1');
        l.add({ type: 'NoticeIssued', data: { authorizationId: 'A1', noticeNumber: 'N-1', issuerId: 'M2', issuedAs: 'manager', copiesTo: [], terms: terms(5000) } }, 'M2');
        l.add({ type: 'NoticeAcknowledged', data: { authorizationId: 'A1', employeeId: 'E1', noticeNumber: 'N-1', acknowledgedAt: '2026-01-02T09:00:00.000Z', terms: terms(5000) } }, 'E1');
        // A change: reviewed, then rejected at approval by M2 standing in for M1; an act on a change that is not open is none.
        l.add({ type: 'ChangeApplied', data: { authorizationId: 'A1', changeId: 'C1', requestedBy: 'E1', terms: terms(800), reason: 'less', initialReviewRequired: true, finalApprovalRequired: false } }, 'E1');
        l.add({ type: 'InitialReviewPassed', data: { authorizationId: 'A1', changeId: 'C1', reviewerId: 'S1', opinion: 'ok' } }, 'S1');
        l.add({ type: 'ManagerRejected', data: { authorizationId: 'A1', changeId: 'C1', approverId: 'M2', actingFor: 'M1', opinion: 'no' } }, 'M2');
        l.add({ type: 'ManagerApproved', data: { authorizationId: 'A1', changeId: 'C9', approverId: 'M3', opinion: '', finalApprovalRequired: false } }, 'M3');
      });
      expect(row.acts).toEqual([
        { step: 'review', actorId: 'S2', actingFor: 'S1', changeId: null },
        { step: 'approval', actorId: 'M1', actingFor: null, changeId: null },
        { step: 'final-approval', actorId: 'X1', actingFor: null, changeId: null },
        { step: 'notice', actorId: 'M2', actingFor: null, changeId: null },
        { step: 'review', actorId: 'S1', actingFor: null, changeId: 'C1' },
        { step: 'approval', actorId: 'M2', actingFor: 'M1', changeId: 'C1' },
      ]);
      expect(row.acts).toEqual(domainActs(log.events));
    });

    it('keeps none for an act that ends the application, as the domain does', () => {
      const { row, log } = given((l) => {
        applyThrough(l, 'A1', 'reviewed');
        l.add({ type: 'ManagerRejected', data: { authorizationId: 'A1', approverId: 'M1', opinion: 'no' } }, 'M1');
      });
      expect(row.acts).toEqual(domainActs(log.events));
      expect(row.acts).toEqual([{ step: 'review', actorId: 'S1', actingFor: null, changeId: null }]);
    });
  });

  describe('when replayed', () => {
    it('ignores events at or before the last position', () => {
      const log = new EventLog();
      applyThrough(log, 'A1', 'noticed');
      const row = fold(log.events);
      expect(fold(log.events, row)).toEqual(row);
    });

    it('rebuilds a row of an older shape (no acts) from its first event when the whole log is replayed over it', () => {
      const log = new EventLog();
      applyThrough(log, 'A1', 'approved');
      const current = fold(log.events);
      if (current === null) throw new Error('no row');
      const { acts: _acts, ...older } = current;
      expect(fold(log.events, older as AuthorizationRow)).toEqual(current);
      expect(current.acts.map((act) => act.actorId)).toEqual(['S1', 'M1']);
    });
  });
});

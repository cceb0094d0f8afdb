/** Stand-ins (代理人) and deadlines on the workflow (SPEC §11): who may act, and what the history records. */
import type { AuthorizationCommand, EmployeeSnapshot } from '../commands.js';
import type { AuthorizationEvent } from '../events.js';
import { cmd, ev, history, terms } from '../testing/authorization-builders.js';
import { deciderSpec } from '../testing/decider-spec.js';
import { day, employee, people } from '../testing/fixtures.js';
import { authorizationDecider } from './authorization.decider.js';

const { given } = deciderSpec(authorizationDecider);
const withStandIn = (absent: EmployeeSnapshot, standInId: string, from = day(0), until = day(7)): EmployeeSnapshot => ({
  ...absent,
  standIns: [{ standInId, from, until, reason: 'leave' }],
});
const s2 = employee('S2', 'supervisor', 'M1');
const review = (actor: EmployeeSnapshot, reviewer: EmployeeSnapshot | null, now = day(0.5)): AuthorizationCommand => ({
  type: 'ReviewAuthorization',
  data: { actor, applicant: people.agent, reviewer, decision: 'pass', opinion: 'ok', now },
});
const approve = (actor: EmployeeSnapshot, standingInFor: readonly EmployeeSnapshot[]): AuthorizationCommand => ({
  type: 'ApproveAuthorization',
  data: { actor, standingInFor, decision: 'approve', opinion: '', now: day(0.5) },
});
const at = (event: AuthorizationEvent, occurredAt: string): AuthorizationEvent => ({
  ...event,
  metadata: { occurredAt, actor: { id: 'x', kind: 'employee' }, correlationId: 'c', causationId: 'c', policyVersion: 'p' },
});
const reviewedFor = (reviewerId: string, actingFor: string, changeId?: string): AuthorizationEvent => ({
  type: 'InitialReviewPassed',
  data: { authorizationId: 'A1', ...(changeId ? { changeId } : {}), reviewerId, actingFor, opinion: 'ok' },
});

describe('stand-ins on the workflow', () => {
  describe('when pending review and the superior S1 named S2 for this week', () => {
    it("lets S2 review as S1's stand-in and records whom it was for", () =>
      given(history.pendingReview).when(review(s2, withStandIn(people.supervisor, 'S2'))).then([reviewedFor('S2', 'S1')]));
    it('refuses S2 before or after the period (NOT_REVIEWER)', () => {
      given(history.pendingReview).when(review(s2, withStandIn(people.supervisor, 'S2', day(1), day(7)))).thenThrows('NOT_REVIEWER');
      given(history.pendingReview).when(review(s2, withStandIn(people.supervisor, 'S2'), day(7))).thenThrows('NOT_REVIEWER');
    });
    it('refuses someone S1 did not name', () => given(history.pendingReview).when(review(people.agent2, withStandIn(people.supervisor, 'S2'))).thenThrows('NOT_REVIEWER'));
    it('refuses a stand-in of a lower role even if named', () =>
      given(history.pendingReview).when(review(people.agent2, withStandIn(people.supervisor, 'E2'))).thenThrows('NOT_REVIEWER'));
    it('lets S1 still review in person', () => given(history.pendingReview).when(review(people.supervisor, withStandIn(people.supervisor, 'S2'))).then([ev.reviewed('S1')]));
    it('never lets a stand-in act on their own application', () =>
      given([ev.applied({ applicantId: 'E2' })]).when({ type: 'ReviewAuthorization', data: { actor: people.agent2, applicant: people.agent2, reviewer: withStandIn(people.supervisor, 'E2'), decision: 'pass', opinion: '', now: day(0.5) } }).thenThrows('SEPARATION_OF_DUTIES'));
  });

  describe('when a stand-in acted for the reviewer', () => {
    const m1ForS1 = [ev.applied(), reviewedFor('M1', 'S1')];
    it('counts the act as S1 and M1 both: M1 cannot approve', () => given(m1ForS1).when(cmd.approve(people.manager)).thenThrows('SEPARATION_OF_DUTIES'));
    it('lets another manager approve', () => given(m1ForS1).when(cmd.approve(people.manager2)).then([ev.approved(false, 'M2')]));
    it('refuses the same stand-in on a change of the application (never twice on one application)', () => {
      const onChange = [...history.active.slice(0, 1), reviewedFor('S2', 'S1'), ...history.active.slice(2), ev.changeApplied({ ...terms, scope: { maxAmount: 1500 } })];
      given(onChange).when(review(s2, withStandIn(people.supervisor, 'S2', day(0), day(30)), day(2))).thenThrows('SEPARATION_OF_DUTIES');
      given(onChange).when(review(people.supervisor, null, day(2))).then([ev.reviewed('S1', 'C1')]);
    });
  });

  describe('when pending approval', () => {
    const m2 = withStandIn(people.manager2, 'X1');
    it("lets an executive approve as a manager's stand-in", () =>
      given(history.pendingApproval).when(approve(people.executive, [m2])).then([
        { type: 'ManagerApproved', data: { authorizationId: 'A1', approverId: 'X1', actingFor: 'M2', opinion: '', finalApprovalRequired: false } },
      ]));
    it('refuses an executive nobody named (ROLE_REQUIRED)', () => given(history.pendingApproval).when(approve(people.executive2, [m2])).thenThrows('ROLE_REQUIRED'));
    it('refuses a supervisor even if a manager named them', () =>
      given(history.pendingApproval).when(approve(people.supervisor, [withStandIn(people.manager2, 'S1')])).thenThrows('ROLE_REQUIRED'));
    it('keeps the stood-for manager out of final approval too: an act by a stand-in counts as theirs', () => {
      const approvedForM2 = [ev.applied({ scope: { maxAmount: 5000 }, finalApprovalRequired: true }), ev.reviewed(), { type: 'ManagerApproved', data: { authorizationId: 'A1', approverId: 'X1', actingFor: 'M2', opinion: '', finalApprovalRequired: true } } as AuthorizationEvent];
      given(approvedForM2).when(cmd.finalApprove(people.executive)).thenThrows('SEPARATION_OF_DUTIES');
      given(approvedForM2).when(cmd.finalApprove(people.executive2)).then([ev.finalApproved('X2')]);
    });
  });
});

describe('deadlines', () => {
  const opened = [at(ev.applied(), day(0))];
  const remind = (now: string, stageDueHours = 48): AuthorizationCommand => ({ type: 'IssueApprovalReminder', data: { stageDueHours, now } });
  const escalate = (now: string, stageDueHours = 48): AuthorizationCommand => ({ type: 'EscalateApproval', data: { stageDueHours, now } });
  const reminded: AuthorizationEvent = { type: 'ApprovalReminderIssued', data: { authorizationId: 'A1', stage: 'review', dueAt: day(2), remindedAt: day(2) } };
  const escalated: AuthorizationEvent = { type: 'ApprovalEscalated', data: { authorizationId: 'A1', stage: 'review', dueAt: day(2), escalatedAt: day(4) } };

  describe('when a review has been open since day 0 (48 h due)', () => {
    it('reminds at the due time, not before, and once', () => {
      given(opened).when(remind(day(1.9))).thenNothingHappened();
      given(opened).when(remind(day(2))).then([reminded]);
      given([...opened, reminded]).when(remind(day(3))).thenNothingHappened();
    });
    it('escalates at twice the due time, once', () => {
      given([...opened, reminded]).when(escalate(day(3.9))).thenNothingHappened();
      given([...opened, reminded]).when(escalate(day(4))).then([escalated]);
      given([...opened, reminded, escalated]).when(escalate(day(5))).thenNothingHappened();
    });
    it('takes fractional due hours', () =>
      given(opened).when(remind(day(0.25), 6)).then([{ type: 'ApprovalReminderIssued', data: { authorizationId: 'A1', stage: 'review', dueAt: day(0.25), remindedAt: day(0.25) } }]));
    it('does nothing without a positive due time', () => given(opened).when(remind(day(9), 0)).thenNothingHappened());
  });

  describe('when the review is escalated', () => {
    const escalatedReview = [...opened, reminded, escalated];
    it("lets the reviewer's superior review", () => given(escalatedReview).when(review(people.manager, people.supervisor, day(4.5))).then([ev.reviewed('M1')]));
    it('lets any manager review when the reviewer has no superior', () =>
      given(escalatedReview).when(review(people.manager2, { ...people.supervisor, reportsTo: null }, day(4.5))).then([ev.reviewed('M2')]));
    it('still refuses others (NOT_REVIEWER), and the superior before escalation', () => {
      given(escalatedReview).when(review(people.manager2, people.supervisor, day(4.5))).thenThrows('NOT_REVIEWER');
      given(opened).when(review(people.manager, people.supervisor, day(1))).thenThrows('NOT_REVIEWER');
    });
    it('keeps separation of duties: the escalated reviewer does not approve', () =>
      given([...escalatedReview, ev.reviewed('M1')]).when(cmd.approve(people.manager)).thenThrows('SEPARATION_OF_DUTIES'));
  });

  describe('the next stage starts its own clock', () => {
    const approvalOpened = [...opened, at(ev.reviewed(), day(1))];
    it('reminds the approval stage 48 h after the review', () => {
      given(approvalOpened).when(remind(day(2.5))).thenNothingHappened();
      given(approvalOpened).when(remind(day(3))).then([{ type: 'ApprovalReminderIssued', data: { authorizationId: 'A1', stage: 'approval', dueAt: day(3), remindedAt: day(3) } }]);
    });
    it('reminds an acknowledgement once and never escalates it', () => {
      const ack = [...approvalOpened, at(ev.approved(), day(1)), at(ev.noticed(), day(1))];
      given(ack).when(remind(day(3))).then([{ type: 'ApprovalReminderIssued', data: { authorizationId: 'A1', stage: 'acknowledgement', dueAt: day(3), remindedAt: day(3) } }]);
      given(ack).when(escalate(day(9))).thenNothingHappened();
    });
    it('has nothing to do once active or ended', () => {
      given(history.active).when(remind(day(9))).thenNothingHappened();
      given([...opened, ev.withdrawn()]).when(escalate(day(9))).thenNothingHappened();
    });
  });
});

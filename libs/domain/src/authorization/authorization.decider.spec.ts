import type { AuthorizationCommand } from '../commands.js';
import type { AuthorizationEvent } from '../events.js';
import { cmd, ev, everyHumanCommand, history, system, terms } from '../testing/authorization-builders.js';
import { deciderSpec } from '../testing/decider-spec.js';
import { catalogue } from '../testing/default-catalogue.js';
import { day, employee, left, people } from '../testing/fixtures.js';
import { authorizationDecider } from './authorization.decider.js';

const { given } = deciderSpec(authorizationDecider);
const { agent, agent2, supervisor, manager, manager2, executive, executive2, tech } = people;
const managersMayApply = {
  ...catalogue,
  matters: { ...catalogue.matters, 'compensation.issue': { ...catalogue.matters['compensation.issue']!, eligibleRoles: ['agent', 'supervisor', 'manager'] as const } },
};
const refusedIn = (events: AuthorizationEvent[], allowed: string[]): [string, AuthorizationCommand][] =>
  everyHumanCommand().filter(([type]) => !allowed.includes(type));

describe('authorization decider', () => {
  describe('when initial', () => {
    it('records an application that needs initial review', () => given([]).when(cmd.apply()).then([ev.applied()]));
    it('skips initial review for an applicant without a superior', () =>
      given([]).when(cmd.apply({ applicant: { ...supervisor, reportsTo: null } })).then([
        ev.applied({ applicantId: 'S1', applicantRole: 'supervisor', initialReviewRequired: false }),
      ]));
    it('asks for final approval above the catalogue threshold', () =>
      given([]).when(cmd.apply({ scope: { maxAmount: 2001 } })).then([ev.applied({ scope: { maxAmount: 2001 }, finalApprovalRequired: true })]));
    it('accepts validFrom in the past', () =>
      given([]).when(cmd.apply({ validFrom: day(-10), now: day(0) })).then([ev.applied({ validFrom: day(-10) })]));
    it('accepts a matter whose required training is done', () => {
      const trained = { ...tech, trainings: ['production-safety'] };
      const data = { matter: 'system.production.access', scope: {}, validUntil: day(30) };
      given([]).when(cmd.apply({ applicant: trained, ...data })).then([
        ev.applied({ applicantId: 'T1', applicantRole: 'tech_support', applicantTeam: null, ...data, finalApprovalRequired: true }),
      ]);
    });
    it.each<[string, Parameters<typeof cmd.apply>[0], string]>([
      ['an unknown matter', { matter: 'rocket.launch' }, 'UNKNOWN_MATTER'],
      ['a matter the role may not hold', { applicant: tech }, 'MATTER_NOT_ELIGIBLE'],
      ['a scope without maxAmount', { scope: {} }, 'SCOPE_INVALID'],
      ['a scope out of range', { scope: { maxAmount: 100001 } }, 'SCOPE_INVALID'],
      ['an unparseable validFrom', { validFrom: 'yesterday' }, 'VALIDITY_INVALID'],
      ['an instant without zone', { validUntil: '2025-01-20T00:00:00' }, 'VALIDITY_INVALID'],
      ['validUntil equal to validFrom', { validUntil: day(0) }, 'VALIDITY_INVALID'],
      ['validUntil before validFrom', { validFrom: day(3), validUntil: day(2) }, 'VALIDITY_INVALID'],
      ['a period longer than the maximum', { validUntil: day(180.001) }, 'VALIDITY_TOO_LONG'],
      ['a period that already ended', { validFrom: day(-10), validUntil: day(-1) }, 'VALIDITY_ENDED'],
      ['validUntil exactly now', { validFrom: day(-10), validUntil: day(0) }, 'VALIDITY_ENDED'],
      ['a missing training', { applicant: tech, matter: 'system.production.access', scope: {} }, 'TRAINING_REQUIRED'],
      ['an empty reason', { reason: '  ' }, 'REASON_REQUIRED'],
      ['a departed applicant', { applicant: left(agent) }, 'EMPLOYEE_LEFT'],
    ])('refuses %s', (_name, over, code) => given([]).when(cmd.apply(over)).thenThrows(code as never));
    it('accepts exactly the maximum period', () =>
      given([]).when(cmd.apply({ validUntil: day(180) })).then([ev.applied({ validUntil: day(180) })]));
    it.each(everyHumanCommand())('refuses %s', (_type, command) => given([]).when(command).thenThrows('INVALID_TRANSITION'));
    it.each([cmd.expire(day(100)), cmd.remind(7, day(29))])('does nothing on %j', (command) => given([]).when(command).thenNothingHappened());
  });

  describe('when pending_review', () => {
    const events = history.pendingReview;
    it('passes review by the applicant\'s superior, even with an empty opinion', () =>
      given(events).when(cmd.review(supervisor, 'pass', '')).then([{ type: 'InitialReviewPassed', data: { authorizationId: 'A1', reviewerId: 'S1', opinion: '' } }]));
    it('rejects with an opinion', () =>
      given(events).when(cmd.review(supervisor, 'reject', 'not needed')).then([{ type: 'InitialReviewRejected', data: { authorizationId: 'A1', reviewerId: 'S1', opinion: 'not needed' } }]));
    it('refuses a rejection without opinion', () => given(events).when(cmd.review(supervisor, 'reject', ' ')).thenThrows('OPINION_REQUIRED'));
    it('refuses anybody but the current superior', () => given(events).when(cmd.review(manager)).thenThrows('NOT_REVIEWER'));
    it('takes the reviewer from the directory at review time', () => {
      const moved = { ...agent, reportsTo: 'S2' };
      given(events).when(cmd.review(supervisor, 'pass', 'ok', moved)).thenThrows('NOT_REVIEWER');
      given(events).when(cmd.review(employee('S2', 'supervisor', 'M1'), 'pass', 'ok', moved)).then([ev.reviewed('S2')]);
    });
    it('refuses a departed reviewer', () => given(events).when(cmd.review(left(supervisor))).thenThrows('EMPLOYEE_LEFT'));
    it('is withdrawn by the applicant', () =>
      given(events).when(cmd.withdraw(agent)).then([{ type: 'ApplicationWithdrawn', data: { authorizationId: 'A1', withdrawnBy: 'E1', reason: null, withdrawnAt: day(0.2) } }]));
    it('is withdrawn by the system', () =>
      given(events).when(cmd.withdraw(system)).then([{ type: 'ApplicationWithdrawn', data: { authorizationId: 'A1', withdrawnBy: 'system:scheduler', reason: null, withdrawnAt: day(0.2) } }]));
    it('refuses withdrawal by anybody else', () => given(events).when(cmd.withdraw(supervisor)).thenThrows('NOT_APPLICANT'));
    it('refuses withdrawal by a departed applicant', () => given(events).when(cmd.withdraw(left(agent))).thenThrows('EMPLOYEE_LEFT'));
    it('refuses a second application under the same id', () => given(events).when(cmd.apply()).thenThrows('ALREADY_EXISTS'));
    it.each(refusedIn(events, ['ReviewAuthorization', 'WithdrawApplication']))('refuses %s', (_t, command) => given(events).when(command).thenThrows('INVALID_TRANSITION'));
    it('does not expire before validUntil', () => given(events).when(cmd.expire(day(29.99))).thenNothingHappened());
    it('expires at validUntil, never having been in force', () =>
      given(events).when(cmd.expire(day(30))).then([
        { type: 'AuthorizationExpired', data: { authorizationId: 'A1', validUntil: day(30), expiredAt: day(30), previousStatus: 'pending_review' } },
      ]));
    it('issues no reminder', () => given(events).when(cmd.remind(7, day(25))).thenNothingHappened());
  });

  describe('when pending_approval', () => {
    const events = history.pendingApproval;
    it('is approved by a manager', () => given(events).when(cmd.approve(manager)).then([ev.approved(false)]));
    it('passes on that final approval is required', () =>
      given(history.pendingFinalApproval.slice(0, 2)).when(cmd.approve(manager)).then([ev.approved(true)]));
    it('is rejected with an opinion', () =>
      given(events).when(cmd.approve(manager, 'reject', 'too much')).then([{ type: 'ManagerRejected', data: { authorizationId: 'A1', approverId: 'M1', opinion: 'too much' } }]));
    it('refuses a rejection without opinion', () => given(events).when(cmd.approve(manager, 'reject', '')).thenThrows('OPINION_REQUIRED'));
    it.each([['a supervisor', supervisor], ['an executive', executive], ['an agent', agent2]])('refuses %s', (_n, actor) =>
      given(events).when(cmd.approve(actor)).thenThrows('ROLE_REQUIRED'));
    it('refuses the manager who did the initial review', () =>
      given([ev.applied({ applicantId: 'S1', applicantRole: 'supervisor' }), ev.reviewed('M1')]).when(cmd.approve(manager)).thenThrows('SEPARATION_OF_DUTIES'));
    it('refuses the applicant', () => {
      const applied = authorizationDecider.decide(cmd.apply({ applicant: manager, catalogue: managersMayApply }), authorizationDecider.initialState());
      expect(applied).toMatchObject([{ data: { initialReviewRequired: false } }]);
      given(applied).when(cmd.approve(manager)).thenThrows('SEPARATION_OF_DUTIES');
      given(applied).when(cmd.approve(manager2)).then([ev.approved(false, 'M2')]);
    });
    it('refuses a departed manager', () => given(events).when(cmd.approve(left(manager))).thenThrows('EMPLOYEE_LEFT'));
    it('can still be withdrawn', () => given(events).when(cmd.withdraw(agent)).then([ev.withdrawn()]));
    it.each(refusedIn(events, ['ApproveAuthorization', 'WithdrawApplication']))('refuses %s', (_t, command) => given(events).when(command).thenThrows('INVALID_TRANSITION'));
  });

  describe('when pending_final_approval', () => {
    const events = history.pendingFinalApproval;
    it('is approved by an executive', () => given(events).when(cmd.finalApprove(executive)).then([ev.finalApproved('X1')]));
    it('is rejected with an opinion', () =>
      given(events).when(cmd.finalApprove(executive, 'reject', 'no')).then([{ type: 'ExecutiveRejected', data: { authorizationId: 'A1', executiveId: 'X1', opinion: 'no' } }]));
    it('refuses a rejection without opinion', () => given(events).when(cmd.finalApprove(executive, 'reject', '')).thenThrows('OPINION_REQUIRED'));
    it('refuses a manager', () => given(events).when(cmd.finalApprove(manager2)).thenThrows('ROLE_REQUIRED'));
    it('refuses the executive who did the initial review', () => {
      const underExecutive = [ev.applied({ applicantId: 'E3', finalApprovalRequired: true }), ev.reviewed('X1'), ev.approved(true)];
      given(underExecutive).when(cmd.finalApprove(executive)).thenThrows('SEPARATION_OF_DUTIES');
      given(underExecutive).when(cmd.finalApprove(executive2)).then([ev.finalApproved('X2')]);
    });
    it('refuses a departed executive', () => given(events).when(cmd.finalApprove(left(executive))).thenThrows('EMPLOYEE_LEFT'));
    it.each(refusedIn(events, ['FinalApproveAuthorization', 'WithdrawApplication']))('refuses %s', (_t, command) => given(events).when(command).thenThrows('INVALID_TRANSITION'));
  });

  describe('when pending_notice', () => {
    const events = history.pendingNotice;
    it('has the notice issued by a manager, copies de-duplicated', () => given(events).when(cmd.notice(manager2)).then([ev.noticed()]));
    it('has the notice issued by a designee', () =>
      given(events).when(cmd.notice(supervisor, 'G9')).then([
        { type: 'NoticeIssued', data: { authorizationId: 'A1', noticeNumber: 'N-1', issuerId: 'S1', issuedAs: 'designee', designationGrantId: 'G9', copiesTo: ['finance'], terms } },
      ]));
    it('refuses a non-manager without designation', () => given(events).when(cmd.notice(supervisor)).thenThrows('ROLE_REQUIRED'));
    it('refuses the applicant, even designated', () => given(events).when(cmd.notice(agent, 'G9')).thenThrows('SEPARATION_OF_DUTIES'));
    it('refuses a departed issuer', () => given(events).when(cmd.notice(left(manager2))).thenThrows('EMPLOYEE_LEFT'));
    it('can still be withdrawn', () => given(events).when(cmd.withdraw(agent)).then([ev.withdrawn()]));
    it.each(refusedIn(events, ['IssueNotice', 'WithdrawApplication']))('refuses %s', (_t, command) => given(events).when(command).thenThrows('INVALID_TRANSITION'));
  });

  describe('when pending_acknowledgement', () => {
    const events = history.pendingAcknowledgement;
    it('is acknowledged by the applicant', () => given(events).when(cmd.acknowledge(agent)).then([ev.acknowledged()]));
    it('refuses anybody else', () => given(events).when(cmd.acknowledge(supervisor)).thenThrows('NOT_APPLICANT'));
    it('refuses a departed applicant', () => given(events).when(cmd.acknowledge(left(agent))).thenThrows('EMPLOYEE_LEFT'));
    it('refuses an acknowledgement at or after validUntil', () => given(events).when(cmd.acknowledge(agent, day(30))).thenThrows('VALIDITY_ENDED'));
    it('can no longer be withdrawn by the applicant', () => given(events).when(cmd.withdraw(agent)).thenThrows('INVALID_TRANSITION'));
    it('is withdrawn by the system (leaver cascade)', () =>
      given(events).when(cmd.withdraw(system)).then([{ type: 'ApplicationWithdrawn', data: { authorizationId: 'A1', withdrawnBy: 'system:scheduler', reason: null, withdrawnAt: day(0.2) } }]));
    it.each(refusedIn(events, ['AcknowledgeNotice', 'WithdrawApplication']))('refuses %s', (_t, command) => given(events).when(command).thenThrows('INVALID_TRANSITION'));
    it('expires at validUntil', () => given(events).when(cmd.expire(day(31))).then([
      { type: 'AuthorizationExpired', data: { authorizationId: 'A1', validUntil: day(30), expiredAt: day(31), previousStatus: 'pending_acknowledgement' } },
    ]));
  });
});

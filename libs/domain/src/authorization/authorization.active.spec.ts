import type { AuthorizationEvent } from '../events.js';
import { cmd, ev, everyHumanCommand, history, system, terms } from '../testing/authorization-builders.js';
import { deciderSpec } from '../testing/decider-spec.js';
import { day, left, people } from '../testing/fixtures.js';
import { authorizationDecider, evolve, initialState } from './authorization.decider.js';
import { termsInForce } from './terms-in-force.js';

const { given } = deciderSpec(authorizationDecider);
const { agent, agent2, supervisor, manager, manager2, executive, executive2, tech } = people;
const active = history.active;
const newTerms = { ...terms, scope: { maxAmount: 1500 } };
const withChange = (...steps: AuthorizationEvent[]): AuthorizationEvent[] => [...active, ev.changeApplied(newTerms), ...steps];
const fold = (events: AuthorizationEvent[]) => events.reduce(evolve, initialState());

describe('authorization decider', () => {
  describe('when active', () => {
    it.each([['the superior', supervisor, 'S1'], ['any manager', manager2, 'M2'], ['the system', system, 'system:scheduler']] as const)(
      'is revoked by %s',
      (_n, actor, by) =>
        given(active).when(cmd.revoke(actor)).then([
          { type: 'AuthorizationRevoked', data: { authorizationId: 'A1', revokedBy: by, reason: 'violation', cause: 'manual', revokedAt: day(5) } },
        ]),
    );
    it('refuses revocation by a colleague', () => given(active).when(cmd.revoke(agent2)).thenThrows('NOT_SUPERIOR_OR_MANAGER'));
    it('refuses revocation without reason', () => given(active).when(cmd.revoke(manager, ' ')).thenThrows('REASON_REQUIRED'));
    it('refuses revocation by a departed manager', () => given(active).when(cmd.revoke(left(manager))).thenThrows('EMPLOYEE_LEFT'));
    it.each([['the grantee', agent, 'E1'], ['the superior', supervisor, 'S1']] as const)('is completed by %s', (_n, actor, by) =>
      given(active).when(cmd.complete(actor)).then([{ type: 'AuthorizationCompleted', data: { authorizationId: 'A1', completedBy: by, note: 'done', completedAt: day(5) } }]));
    it('refuses completion by a manager who is not the superior', () => given(active).when(cmd.complete(manager2)).thenThrows('NOT_GRANTEE'));
    it('refuses completion by a departed grantee', () => given(active).when(cmd.complete(left(agent))).thenThrows('EMPLOYEE_LEFT'));
    it('cannot be withdrawn', () => given(active).when(cmd.withdraw(agent)).thenThrows('INVALID_TRANSITION'));
    it.each(everyHumanCommand().filter(([t]) => ['ReviewAuthorization', 'ApproveAuthorization', 'FinalApproveAuthorization', 'IssueNotice', 'AcknowledgeNotice'].includes(t)))(
      'refuses %s without a pending change',
      (_t, command) => given(active).when(command).thenThrows('INVALID_TRANSITION'),
    );
    it('does not expire before validUntil', () => given(active).when(cmd.expire(day(29))).thenNothingHappened());
    it('expires at validUntil', () =>
      given(active).when(cmd.expire(day(30))).then([
        { type: 'AuthorizationExpired', data: { authorizationId: 'A1', validUntil: day(30), expiredAt: day(30), previousStatus: 'active' } },
      ]));
    const reminder = (daysAhead: 7 | 1): AuthorizationEvent => ({ type: 'ExpiryReminderIssued', data: { authorizationId: 'A1', daysAhead, validUntil: day(30) } });
    it.each([[7, day(23)], [7, day(29.99)], [1, day(29)]] as const)('issues the %i-day reminder at %s', (daysAhead, now) =>
      given(active).when(cmd.remind(daysAhead, now)).then([reminder(daysAhead)]));
    it.each([[7, day(22.99)], [1, day(28.99)], [7, day(30)], [1, day(31)]] as const)('issues no %i-day reminder at %s', (daysAhead, now) =>
      given(active).when(cmd.remind(daysAhead, now)).thenNothingHappened());
    it('issues each reminder once', () => {
      given([...active, reminder(7)]).when(cmd.remind(7, day(24))).thenNothingHappened();
      given([...active, reminder(7)]).when(cmd.remind(1, day(29.5))).then([reminder(1)]);
    });
    it('reminds again after a change moved validUntil', () => {
      const extended = { ...terms, validUntil: day(60) };
      const changed = [...active, reminder(7), ev.changeApplied(extended), ev.reviewed('S1', 'C1'), ev.approved(false, 'M1', 'C1'), ev.noticed(extended, 'C1', 'N-2'), ev.acknowledged(day(24), extended, 'C1', 'N-2')];
      given(changed).when(cmd.remind(7, day(54))).then([{ type: 'ExpiryReminderIssued', data: { authorizationId: 'A1', daysAhead: 7, validUntil: day(60) } }]);
    });

    it('takes a change request from the grantee, with the complete proposed terms', () =>
      given(active).when(cmd.change()).then([ev.changeApplied(newTerms)]));
    it('asks for final approval when the new scope needs it', () =>
      given(active).when(cmd.change({ scope: { maxAmount: 3000 } })).then([ev.changeApplied({ ...terms, scope: { maxAmount: 3000 } }, 'C1', { finalApprovalRequired: true })]));
    it('changes validUntil only, keeping validFrom and scope', () =>
      given(active).when(cmd.change({ scope: undefined, validUntil: day(90) })).then([ev.changeApplied({ ...terms, validUntil: day(90) })]));
    it.each<[string, Parameters<typeof cmd.change>[0], string]>([
      ['from anybody but the grantee', { actor: supervisor }, 'NOT_GRANTEE'],
      ['from a departed grantee', { actor: left(agent) }, 'EMPLOYEE_LEFT'],
      ['with nothing to change', { scope: undefined }, 'SCOPE_INVALID'],
      ['with an invalid scope', { scope: { maxAmount: 0 } }, 'SCOPE_INVALID'],
      ['beyond the maximum validity from validFrom', { validUntil: day(181) }, 'VALIDITY_TOO_LONG'],
      ['with validUntil not after validFrom', { validUntil: day(-1) }, 'VALIDITY_INVALID'],
      ['with validUntil already passed', { validUntil: day(1), now: day(2) }, 'VALIDITY_ENDED'],
      ['without reason', { reason: '' }, 'REASON_REQUIRED'],
      ['from a grantee whose role may no longer hold it', { actor: { ...agent, role: 'tech_support' } }, 'MATTER_NOT_ELIGIBLE'],
      ['once the grant is past validUntil', { now: day(30) }, 'INVALID_TRANSITION'],
    ])('refuses a change %s', (_n, over, code) => given(active).when(cmd.change(over)).thenThrows(code as never));
    it('refuses a change without the training the matter now requires', () => {
      const exportTerms = { matter: 'customer.data.export', scope: {}, validFrom: day(0), validUntil: day(5) };
      const trained = { ...tech, trainings: ['privacy-basics'] };
      const exportGrant = [ev.applied({ applicantId: 'T1', ...exportTerms, finalApprovalRequired: true }), ev.reviewed('M1'), ev.approved(true, 'M2'), ev.finalApproved(), ev.noticed(exportTerms), ev.acknowledged(day(1), exportTerms)];
      given(exportGrant).when(cmd.change({ actor: tech, scope: undefined, validUntil: day(6) })).thenThrows('TRAINING_REQUIRED');
      given(exportGrant).when(cmd.change({ actor: trained, scope: undefined, validUntil: day(6) })).then([
        ev.changeApplied({ ...exportTerms, validUntil: day(6) }, 'C1', { requestedBy: 'T1', finalApprovalRequired: true }),
      ]);
    });
  });

  describe('when active with a pending change', () => {
    it('refuses a second change', () => given(withChange()).when(cmd.change()).thenThrows('CHANGE_PENDING'));
    it('shows the change and keeps the old terms in force', () => {
      const state = fold(withChange());
      expect(state).toMatchObject({ status: 'active', terms, pendingChange: { changeId: 'C1', stage: 'pending_review', terms: newTerms } });
      expect(termsInForce(state, day(3))).toEqual(terms);
    });
    it('is reviewed by the superior, the events carrying the changeId', () =>
      given(withChange()).when(cmd.review(supervisor)).then([ev.reviewed('S1', 'C1')]));
    it('refuses a review by anybody else', () => given(withChange()).when(cmd.review(manager)).thenThrows('NOT_REVIEWER'));
    it('is approved by a manager other than the reviewer', () =>
      given(withChange(ev.reviewed('S1', 'C1'))).when(cmd.approve(manager)).then([ev.approved(false, 'M1', 'C1')]));
    it('goes to final approval, separated from the change\'s reviewer and approver', () => {
      const events = [...active, ev.changeApplied(newTerms, 'C1', { finalApprovalRequired: true }), ev.reviewed('X1', 'C1'), ev.approved(true, 'M1', 'C1')];
      expect(fold(events)).toMatchObject({ pendingChange: { stage: 'pending_final_approval' } });
      given(events).when(cmd.finalApprove(executive)).thenThrows('SEPARATION_OF_DUTIES');
      given(events).when(cmd.finalApprove(executive2)).then([ev.finalApproved('X2', 'C1')]);
    });
    it('has a notice stating the new terms', () =>
      given(withChange(ev.reviewed('S1', 'C1'), ev.approved(false, 'M1', 'C1'))).when(cmd.notice(manager2, null, 'N-2')).then([ev.noticed(newTerms, 'C1', 'N-2')]));
    it('is acknowledged by the grantee, replacing the terms', () => {
      const events = withChange(ev.reviewed('S1', 'C1'), ev.approved(false, 'M1', 'C1'), ev.noticed(newTerms, 'C1', 'N-2'));
      given(events).when(cmd.acknowledge(agent, day(4))).then([ev.acknowledged(day(4), newTerms, 'C1', 'N-2')]);
      given(events).when(cmd.acknowledge(supervisor, day(4))).thenThrows('NOT_APPLICANT');
      const state = fold([...events, ev.acknowledged(day(4), newTerms, 'C1', 'N-2')]);
      expect(state).toMatchObject({ status: 'active', terms: newTerms, pendingChange: null, acknowledgedAt: day(4), notice: { number: 'N-2' } });
      expect(termsInForce(state, day(3))).toEqual(terms);
      expect(termsInForce(state, day(4))).toEqual(newTerms);
    });
    it.each([
      ['review', withChange(), { type: 'InitialReviewRejected', data: { authorizationId: 'A1', changeId: 'C1', reviewerId: 'S1', opinion: 'no' } }],
      ['approval', withChange(ev.reviewed('S1', 'C1')), { type: 'ManagerRejected', data: { authorizationId: 'A1', changeId: 'C1', approverId: 'M1', opinion: 'no' } }],
    ] as const)('leaves the grant as it was when the %s rejects the change', (_n, events, rejection) => {
      const state = fold([...events, rejection as AuthorizationEvent]);
      expect(state).toMatchObject({ status: 'active', terms, pendingChange: null });
      given([...events, rejection as AuthorizationEvent]).when(cmd.change({ changeId: 'C2' } as never)).then([ev.changeApplied(newTerms, 'C2')]);
    });
    it('dies with the grant when revoked', () => {
      expect(fold(withChange(ev.revoked()))).toMatchObject({ status: 'revoked' });
      expect(fold(withChange(ev.revoked()))).not.toHaveProperty('pendingChange');
    });
  });
});

import { authorizationDecider } from '../../../libs/domain/src/index.js';
import { history } from '../../../libs/domain/src/testing/authorization-builders.js';
import { catalogue } from '../../../libs/domain/src/testing/default-catalogue.js';
import { people } from '../../../libs/domain/src/testing/fixtures.js';
import { type CascadeRow, evolveCascadeRow } from './cascade-authorizations.projection.js';
import { cascadeDecider } from './cascade.decider.js';

const decider = cascadeDecider(catalogue);
const stateOf = (events: Parameters<typeof authorizationDecider.evolve>[1][]) => events.reduce(authorizationDecider.evolve, authorizationDecider.initialState());
const NOW = '2025-02-01T00:00:00.000Z';
const leaver = { type: 'CascadeLeaver', data: { grantee: { ...people.agent, left: true }, now: NOW } } as const;

describe('cascade decider', () => {
  it('revokes an active grant of a leaver', () => {
    expect(decider.decide(leaver, stateOf(history.active))).toEqual([
      { type: 'AuthorizationRevoked', data: { authorizationId: 'A1', revokedBy: 'people-cascade', reason: 'employee-left', cause: 'employee-left', revokedAt: NOW } },
    ]);
  });

  it('withdraws every open application of a leaver, even an unsigned notice', () => {
    for (const events of [history.pendingReview, history.pendingFinalApproval, history.pendingAcknowledgement]) {
      expect(decider.decide(leaver, stateOf(events))).toEqual([
        { type: 'ApplicationWithdrawn', data: { authorizationId: 'A1', withdrawnBy: 'people-cascade', reason: 'employee-left', withdrawnAt: NOW } },
      ]);
    }
  });

  it('does nothing to an authorization that already ended', () => {
    expect(decider.decide(leaver, stateOf([...history.active, { type: 'AuthorizationRevoked', data: { authorizationId: 'A1', revokedBy: 'M1', reason: 'x', cause: 'manual', revokedAt: NOW } }]))).toEqual([]);
  });

  it('revokes on a role change only what the new role may not hold', () => {
    const active = stateOf(history.active);
    const toSupervisor = { type: 'CascadeRoleChange', data: { grantee: people.agent, newRole: 'supervisor', now: NOW } } as const;
    const toTech = { type: 'CascadeRoleChange', data: { grantee: people.agent, newRole: 'tech_support', now: NOW } } as const;
    expect(decider.decide(toSupervisor, active)).toEqual([]);
    expect(decider.decide(toTech, active)).toMatchObject([{ type: 'AuthorizationRevoked', data: { cause: 'role-changed', reason: 'role-changed' } }]);
    expect(decider.decide(toTech, stateOf(history.pendingNotice))).toEqual([]);
  });
});

describe('cascade authorizations projection', () => {
  const fold = (events: { type: string; data: unknown }[]): CascadeRow | null => events.reduce<CascadeRow | null>(evolveCascadeRow, null);

  it('follows the application through its workflow', () => {
    expect(fold(history.active)).toEqual({ authorizationId: 'A1', applicantId: 'E1', matter: 'compensation.issue', status: 'active' });
    expect(fold(history.pendingFinalApproval)?.status).toBe('pending_final_approval');
    expect(fold(history.pendingAcknowledgement)?.status).toBe('pending_acknowledgement');
  });

  it('keeps a grant active while a change goes through, and ends on terminal events', () => {
    const change = [{ type: 'ChangeApplied', data: { authorizationId: 'A1', changeId: 'C1' } }, { type: 'ManagerRejected', data: { authorizationId: 'A1', changeId: 'C1' } }];
    expect(fold([...history.active, ...change])?.status).toBe('active');
    expect(fold([...history.pendingReview, { type: 'ApplicationWithdrawn', data: { authorizationId: 'A1' } }])?.status).toBe('withdrawn');
  });
});

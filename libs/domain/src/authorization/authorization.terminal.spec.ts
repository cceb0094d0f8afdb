import { cmd, ev, everyHumanCommand, history, terms } from '../testing/authorization-builders.js';
import { deciderSpec } from '../testing/decider-spec.js';
import { day } from '../testing/fixtures.js';
import { authorizationDecider, evolve, initialState } from './authorization.decider.js';
import { authorizationSummary, termsInForce } from './terms-in-force.js';

const { given } = deciderSpec(authorizationDecider);
const rejection = { type: 'ManagerRejected', data: { authorizationId: 'A1', approverId: 'M1', opinion: 'no' }, metadata: undefined } as const;
const terminal = [
  ['rejected', [...history.pendingApproval, rejection]],
  ['withdrawn', [...history.pendingReview, ev.withdrawn()]],
  ['expired', [...history.pendingReview, ev.expired('pending_review')]],
  ['completed', [...history.active, ev.completed()]],
  ['revoked', [...history.active, ev.revoked()]],
] as const;

describe.each(terminal)('when %s', (status, events) => {
  it('has that status', () => expect(events.reduce(evolve, initialState()).status).toBe(status));
  it.each(everyHumanCommand())('refuses %s', (_t, command) => given(events).when(command).thenThrows('INVALID_TRANSITION'));
  it('refuses a new application under the same id', () => given(events).when(cmd.apply()).thenThrows('ALREADY_EXISTS'));
  it.each([cmd.expire(day(400)), cmd.remind(7, day(25)), cmd.remind(1, day(29.5))])('does nothing on %j', (command) =>
    given(events).when(command).thenNothingHappened());
});

describe('termsInForce', () => {
  const at = (events: readonly Parameters<typeof evolve>[1][], instant: string) => termsInForce(events.reduce(evolve, initialState()), instant);
  it('is nothing before the acknowledgement', () => {
    expect(at(history.pendingAcknowledgement, day(2))).toBeNull();
    expect(at(history.active, day(0.99))).toBeNull();
  });
  it('starts at the later of acknowledgement and validFrom', () => {
    expect(at(history.active, day(1))).toEqual(terms);
    const later = { ...terms, validFrom: day(10) };
    const events = [ev.applied({ validFrom: day(10) }), ev.reviewed(), ev.approved(), ev.noticed(later), ev.acknowledged(day(1), later)];
    expect(at(events, day(9.99))).toBeNull();
    expect(at(events, day(10))).toEqual(later);
  });
  it('ends at validUntil, exclusive', () => {
    expect(at(history.active, day(29.999))).toEqual(terms);
    expect(at(history.active, day(30))).toBeNull();
  });
  it('ends at revocation and completion, but answers for the time before', () => {
    expect(at([...history.active, ev.revoked(day(5))], day(4.9))).toEqual(terms);
    expect(at([...history.active, ev.revoked(day(5))], day(5))).toBeNull();
    expect(at([...history.active, ev.completed(day(6))], day(6))).toBeNull();
  });
  it('is nothing for an unparseable instant', () => expect(at(history.active, 'soon')).toBeNull());
});

describe('authorizationSummary', () => {
  it('is null before the application', () => expect(authorizationSummary(initialState())).toBeNull());
  it('shows the workflow and how it ended', () => {
    const state = [...history.active, ev.revoked(day(5))].reduce(evolve, initialState());
    expect(JSON.parse(JSON.stringify(authorizationSummary(state)))).toEqual({
      id: 'A1',
      status: 'revoked',
      applicantId: 'E1',
      matter: 'compensation.issue',
      terms,
      reason: 'VIP customer',
      pendingChange: null,
      reviewerId: 'S1',
      approverId: 'M1',
      executiveId: null,
      notice: { number: 'N-1', issuerId: 'M2', issuedAs: 'manager', designationGrantId: null, copiesTo: ['finance'] },
      copiesTo: ['finance'],
      acknowledgedAt: day(1),
      endedAt: day(5),
      endedBy: 'M1',
      endReason: 'violation',
    });
  });
});

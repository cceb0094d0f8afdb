import { deciderSpec } from '../testing/decider-spec.js';
import { day, people } from '../testing/fixtures.js';
import type { AccessReviewCommand } from './access-review.decider.js';
import { accessReviewDecider } from './access-review.decider.js';
import type { AccessReviewEvent, AccessReviewItem } from './access-review.events.js';

const { given } = deciderSpec(accessReviewDecider);
const items: AccessReviewItem[] = [
  { authorizationId: 'A1', employeeId: 'E1', matter: 'fee.waive', reviewerId: 'S1' },
  { authorizationId: 'A2', employeeId: 'E2', matter: 'fee.waive', reviewerId: 'S1' },
  { authorizationId: 'A3', employeeId: 'M2', matter: 'fee.waive', reviewerId: null },
];
const start = (over: Partial<Extract<AccessReviewCommand, { type: 'StartAccessReview' }>['data']> = {}): AccessReviewCommand => ({
  type: 'StartAccessReview',
  data: { accessReviewId: 'R1', actor: people.manager, title: 'Q1 review', team: 'team-a', matters: ['fee.waive'], knownMatters: ['fee.waive', 'compensation.issue'], dueAt: day(14), defaultDecision: 'revoke', items, now: day(0), ...over },
});
const started: AccessReviewEvent = {
  type: 'AccessReviewStarted',
  data: { accessReviewId: 'R1', title: 'Q1 review', team: 'team-a', matters: ['fee.waive'], dueAt: day(14), defaultDecision: 'revoke', startedBy: 'M1', startedAt: day(0), items },
};
const decideItem = (actor = people.supervisor, authorizationId = 'A1', decision: 'keep' | 'revoke' = 'keep', note = '', now = day(1)): AccessReviewCommand => ({
  type: 'DecideAccessReviewItem',
  data: { authorizationId, actor, decision, note, now },
});
const decided = (authorizationId: string, decision: 'keep' | 'revoke', decidedBy = 'S1', note = ''): AccessReviewEvent => ({
  type: 'AccessReviewItemDecided',
  data: { accessReviewId: 'R1', authorizationId, decision, note, decidedBy, decidedAt: day(1) },
});
const close = (now: string): AccessReviewCommand => ({ type: 'CloseAccessReview', data: { now } });

describe('access review decider', () => {
  describe('when none', () => {
    it('starts a campaign over the given grants', () => given([]).when(start()).then([started]));
    it('needs a manager', () => given([]).when(start({ actor: people.supervisor })).thenThrows('ROLE_REQUIRED'));
    it('refuses an unknown matter, a past dueAt and a blank title', () => {
      given([]).when(start({ matters: ['nope'] })).thenThrows('UNKNOWN_MATTER');
      given([]).when(start({ dueAt: day(0) })).thenThrows('DUE_AT_INVALID');
      given([]).when(start({ title: ' ' })).thenThrows('REASON_REQUIRED');
    });
  });

  describe('when open', () => {
    it("lets the grantee's superior keep or revoke (with a note) an item", () => {
      given([started]).when(decideItem()).then([decided('A1', 'keep')]);
      given([started]).when(decideItem(people.supervisor, 'A2', 'revoke', 'no longer needed')).then([decided('A2', 'revoke', 'S1', 'no longer needed')]);
    });
    it('needs a note to revoke', () => given([started]).when(decideItem(people.supervisor, 'A2', 'revoke', ' ')).thenThrows('NOTE_REQUIRED'));
    it('lets any manager review a grantee without a superior, never the grantee', () => {
      given([started]).when(decideItem(people.manager, 'A3')).then([decided('A3', 'keep', 'M1')]);
      given([started]).when(decideItem(people.manager2, 'A3')).thenThrows('SEPARATION_OF_DUTIES');
    });
    it('refuses others (NOT_REVIEWER) and a second decision (409)', () => {
      given([started]).when(decideItem(people.manager, 'A1')).thenThrows('NOT_REVIEWER');
      given([started, decided('A1', 'keep')]).when(decideItem()).thenThrows('INVALID_TRANSITION');
    });
    it('does not close before dueAt', () => given([started]).when(close(day(13.9))).thenNothingHappened());
    it('refuses decisions from dueAt on', () => given([started]).when(decideItem(people.supervisor, 'A1', 'keep', '', day(14))).thenThrows('INVALID_TRANSITION'));
    it('applies the default to every undecided item at dueAt and closes with the results', () =>
      given([started, decided('A1', 'keep')]).when(close(day(14))).then([
        { type: 'AccessReviewItemDefaulted', data: { accessReviewId: 'R1', authorizationId: 'A2', decision: 'revoke', defaultedAt: day(14) } },
        { type: 'AccessReviewItemDefaulted', data: { accessReviewId: 'R1', authorizationId: 'A3', decision: 'revoke', defaultedAt: day(14) } },
        {
          type: 'AccessReviewClosed',
          data: {
            accessReviewId: 'R1',
            title: 'Q1 review',
            closedAt: day(14),
            counts: { kept: 1, revoked: 0, unreviewed: 0, revokedByDefault: 2 },
            outcomes: [
              { authorizationId: 'A1', employeeId: 'E1', matter: 'fee.waive', outcome: 'kept' },
              { authorizationId: 'A2', employeeId: 'E2', matter: 'fee.waive', outcome: 'revoked-by-default' },
              { authorizationId: 'A3', employeeId: 'M2', matter: 'fee.waive', outcome: 'revoked-by-default' },
            ],
          },
        },
      ]));
  });

  describe('when closed', () => {
    const closed = [started, ...accessReviewDecider.decide(close(day(14)), [started].reduce(accessReviewDecider.evolve, accessReviewDecider.initialState()))];
    it('refuses a decision (409) and closing again does nothing', () => {
      given(closed).when(decideItem()).thenThrows('INVALID_TRANSITION');
      given(closed).when(close(day(15))).thenNothingHappened();
    });
    it('marks kept-by-default items unreviewed', () => {
      const keep = { ...started, data: { ...started.data, defaultDecision: 'keep' as const } };
      const events = accessReviewDecider.decide(close(day(14)), [keep].reduce(accessReviewDecider.evolve, accessReviewDecider.initialState()));
      expect(events.at(-1)).toMatchObject({ type: 'AccessReviewClosed', data: { counts: { kept: 0, revoked: 0, unreviewed: 3, revokedByDefault: 0 } } });
    });
  });
});

import type { AccessReviewEvent } from '../../../domain/src/access-review/access-review.events.js';
import { type AccessReviewRow, evolveAccessReviewRow } from './access-review-list.projection.js';

const started: AccessReviewEvent = {
  type: 'AccessReviewStarted',
  data: {
    accessReviewId: 'R1', title: 'Q1', team: 'A', matters: null, dueAt: '2030-02-01T00:00:00.000Z', defaultDecision: 'keep', startedBy: 'M1', startedAt: '2030-01-01T00:00:00.000Z',
    items: [
      { authorizationId: 'A1', employeeId: 'E1', matter: 'fee.waive', reviewerId: 'S1' },
      { authorizationId: 'A2', employeeId: 'M2', matter: 'fee.waive', reviewerId: null },
    ],
  },
};
const fold = (events: AccessReviewEvent[]): AccessReviewRow | null => events.reduce<AccessReviewRow | null>(evolveAccessReviewRow, null);

describe('access review list projection', () => {
  it('lists a started campaign with its reviewers and every item undecided', () => {
    expect(fold([started])).toMatchObject({ id: 'R1', status: 'open', reviewerIds: ['S1'], anyManager: true, progress: { kept: 0, revoked: 0, defaulted: 0, undecided: 2 } });
  });
  it('counts each item once: decided, defaulted, then closed', () => {
    const decided: AccessReviewEvent = { type: 'AccessReviewItemDecided', data: { accessReviewId: 'R1', authorizationId: 'A1', decision: 'revoke', note: 'n', decidedBy: 'S1', decidedAt: '2030-01-02T00:00:00Z' } };
    const defaulted: AccessReviewEvent = { type: 'AccessReviewItemDefaulted', data: { accessReviewId: 'R1', authorizationId: 'A2', decision: 'keep', defaultedAt: '2030-02-01T00:00:00Z' } };
    const closed: AccessReviewEvent = { type: 'AccessReviewClosed', data: { accessReviewId: 'R1', title: 'Q1', closedAt: '2030-02-01T00:00:00Z', counts: { kept: 0, revoked: 1, unreviewed: 1, revokedByDefault: 0 }, outcomes: [] } };
    const row = fold([started, decided, decided, defaulted, closed]);
    expect(row).toMatchObject({ status: 'closed', progress: { kept: 0, revoked: 1, defaulted: 1, undecided: 0 } });
    expect(row?.items.map((i) => i.outcome)).toEqual(['revoked', 'unreviewed']);
  });
});

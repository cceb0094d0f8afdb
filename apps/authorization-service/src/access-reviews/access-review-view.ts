/** What the access-review routes answer: a campaign with its progress (SPEC §11). */
import type { AccessReviewState, ItemState } from '../../../../libs/domain/src/index.js';
import type { AccessReviewProgress } from '../../../../libs/read-models/src/access-review/access-review-list.projection.js';

export interface AccessReviewView {
  readonly id: string;
  readonly title: string;
  readonly team: string | null;
  readonly matters: readonly string[] | null;
  readonly dueAt: string;
  readonly defaultDecision: 'keep' | 'revoke';
  readonly startedBy: string;
  readonly startedAt: string;
  readonly status: 'open' | 'closed';
  /** Open at or after `dueAt`: the scheduler is about to apply the default. */
  readonly overdue: boolean;
  readonly progress: AccessReviewProgress;
  readonly items: readonly ItemState[];
}

export const progressOf = (items: readonly Pick<ItemState, 'outcome'>[]): AccessReviewProgress => ({
  kept: items.filter((i) => i.outcome === 'kept').length,
  revoked: items.filter((i) => i.outcome === 'revoked').length,
  defaulted: items.filter((i) => i.outcome === 'unreviewed' || i.outcome === 'revoked-by-default').length,
  undecided: items.filter((i) => i.outcome === null).length,
});

export function accessReviewView(state: Exclude<AccessReviewState, { status: 'none' }>, now: string): AccessReviewView {
  const { accessReviewId, ...review } = state.review;
  const items = [...state.items.values()];
  return { id: accessReviewId, ...review, status: state.status, overdue: state.status === 'open' && Date.parse(now) >= Date.parse(review.dueAt), progress: progressOf(items), items };
}

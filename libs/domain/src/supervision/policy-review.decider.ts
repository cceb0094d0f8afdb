/** The policy's periodic review (`policy-review-{id}`, 制度評估審查): a manager records findings and proposed changes. */
import type { Decider } from '../decider.js';
import { policyReviewEvents } from '../codec/event-codec.js';
import type { RecordPolicyReview } from './loops.commands.js';
import type { PolicyReviewEvent, PolicyReviewed } from './loops.events.js';
import { alreadyExists, ensureActive, ensureManager, requireText } from './supervision-rules.js';

export type PolicyReviewState = { readonly status: 'none' } | { readonly status: 'recorded'; readonly review: PolicyReviewed['data'] };

export const initialState = (): PolicyReviewState => ({ status: 'none' });

export const evolve = (_state: PolicyReviewState, event: PolicyReviewEvent): PolicyReviewState => ({ status: 'recorded', review: event.data });

export function decide(command: RecordPolicyReview, state: PolicyReviewState): PolicyReviewEvent[] {
  const { reviewId, reviewer, findings, changesProposed } = command.data;
  if (state.status !== 'none') throw alreadyExists(`policy review ${reviewId}`);
  ensureActive(reviewer);
  ensureManager(reviewer, 'reviews the policy');
  requireText(findings, 'findings');
  return [{ type: 'PolicyReviewed', data: { reviewId, findings, changesProposed, reviewerId: reviewer.employeeId } }];
}

export const policyReviewDecider: Decider<RecordPolicyReview, PolicyReviewEvent, PolicyReviewState> = { initialState, evolve, decide, codec: policyReviewEvents };

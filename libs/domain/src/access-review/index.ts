/** Periodic access reviews (SPEC §11): events, commands and the campaign's decider. */
export * from './access-review.events.js';
export type { AccessReviewCommand, AccessReviewState, CloseAccessReview, DecideAccessReviewItem, ItemState, StartAccessReview } from './access-review.decider.js';
export { accessReviewDecider, reviews as reviewsAccessReviewItem } from './access-review.decider.js';

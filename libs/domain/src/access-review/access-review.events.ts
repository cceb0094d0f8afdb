/**
 * Periodic access reviews (定期檢查授權執行情況, SPEC §11), stream `access-review-{id}`: a public contract
 * like `../events.ts`. Evolve by adding optional fields only.
 */
import type { EventMetadata } from '../events.js';

type Event<T extends string, D> = {
  readonly type: T;
  readonly data: D;
  readonly metadata?: EventMetadata;
};

export const accessReviewStream = (id: string): string => `access-review-${id}`;

/**
 * The command id of the revocation an item's `revoke` outcome asks for: the same from the API (at
 * once) and the scheduler (at dueAt, repeating any that did not happen), so it is written once.
 */
export const accessReviewRevocationKey = (accessReviewId: string, authorizationId: string): string => `access-review:${accessReviewId}:${authorizationId}`;
/** The revocation's reason names the campaign (SPEC §11), then the reviewer's note when there is one. */
export const accessReviewRevocationReason = (title: string, accessReviewId: string, note: string | null): string =>
  `access review "${title}" (${accessReviewId})${note ? `: ${note}` : ''}`;

export const ACCESS_REVIEW_DECISIONS = ['keep', 'revoke'] as const;
export type AccessReviewDecision = (typeof ACCESS_REVIEW_DECISIONS)[number];

/** A grant under review: its grantee and who reviews it (`null`: any manager, the grantee had no superior). */
export interface AccessReviewItem {
  readonly authorizationId: string;
  readonly employeeId: string;
  readonly matter: string;
  readonly reviewerId: string | null;
}

/** What became of an item: decided by its reviewer, or `defaultDecision` applied at `dueAt` (`unreviewed` when kept). */
export type AccessReviewOutcome = 'kept' | 'revoked' | 'unreviewed' | 'revoked-by-default';

export type AccessReviewStarted = Event<
  'AccessReviewStarted',
  {
    readonly accessReviewId: string;
    readonly title: string;
    readonly team: string | null;
    readonly matters: readonly string[] | null;
    readonly dueAt: string;
    readonly defaultDecision: AccessReviewDecision;
    readonly startedBy: string;
    readonly startedAt: string;
    /** Every grant with status `active` at the start (waiting for validFrom included) in its team and matters. */
    readonly items: readonly AccessReviewItem[];
  }
>;
export type AccessReviewItemDecided = Event<
  'AccessReviewItemDecided',
  {
    readonly accessReviewId: string;
    readonly authorizationId: string;
    readonly decision: AccessReviewDecision;
    readonly note: string;
    readonly decidedBy: string;
    readonly decidedAt: string;
  }
>;
export type AccessReviewItemDefaulted = Event<
  'AccessReviewItemDefaulted',
  { readonly accessReviewId: string; readonly authorizationId: string; readonly decision: AccessReviewDecision; readonly defaultedAt: string }
>;
/** Written with the defaults at `dueAt`; carries the results (compliance's Kafka message is made from it). */
export type AccessReviewClosed = Event<
  'AccessReviewClosed',
  {
    readonly accessReviewId: string;
    readonly title: string;
    readonly closedAt: string;
    readonly counts: { readonly kept: number; readonly revoked: number; readonly unreviewed: number; readonly revokedByDefault: number };
    readonly outcomes: readonly { readonly authorizationId: string; readonly employeeId: string; readonly matter: string; readonly outcome: AccessReviewOutcome }[];
  }
>;

export type AccessReviewEvent = AccessReviewStarted | AccessReviewItemDecided | AccessReviewItemDefaulted | AccessReviewClosed;

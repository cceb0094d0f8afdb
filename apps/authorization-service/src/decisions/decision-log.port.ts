/** One answered check the caller is about to act on (`"record": true`), kept in the decision log. */
export interface RecordedDecision {
  readonly employeeId: string;
  readonly authority: string;
  readonly context: { readonly amount?: number; readonly channel?: string } | null;
  readonly at: string;
  readonly allowed: boolean;
  readonly reason: string;
  readonly grantId: string | null;
  readonly policyVersion: string;
  readonly requestedBy: string;
  readonly requestId: string;
  readonly decidedAt: string;
}

/**
 * The decision log (SPEC §10): append-only, high-volume, outside the audit trail. `record` must
 * not slow the check: it only enqueues; writes are batched.
 *
 * `record` throws (a 503 problem) when the log cannot take the decision — its bounded queue is
 * full because the store is slow or down — so the caller is told rather than the decision being
 * dropped silently. `canAccept` lets a batch be refused before any of it is recorded.
 */
export interface DecisionLog {
  record(decision: RecordedDecision): void;
  /** Whether `count` more decisions fit now (optional: absent means always). */
  canAccept?(count: number): boolean;
  /** Resolves once every decision recorded before the call is written (optional). */
  flush?(): Promise<void>;
}

export const DECISION_LOG = Symbol('DECISION_LOG');

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
 */
export interface DecisionLog {
  record(decision: RecordedDecision): void;
}

export const DECISION_LOG = Symbol('DECISION_LOG');

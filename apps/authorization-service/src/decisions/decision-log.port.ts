import type { DecisionToLog } from '../../../../libs/read-models/src/kpis/index.js';

/** One answered check the caller is about to act on (`"record": true`), kept in the decision log. */
export type RecordedDecision = Omit<DecisionToLog, 'id'>;

/**
 * The decision log (SPEC §10): append-only, high-volume, outside the audit trail. `record` must
 * not slow the check: it only enqueues; writes are batched.
 *
 * `record` throws (a 503 problem) when the log cannot take the decision — its bounded queue is
 * full because the store is slow or down — so the caller is told rather than the decision being
 * dropped silently. `canAccept` lets a batch be refused before any of it is recorded.
 */
export interface DecisionLog {
  /**
   * `position` is the log position the check was answered at: the employee's team is taken from
   * the employee read model once it has read that far (bounded), not from a lagging one.
   */
  record(decision: RecordedDecision, position?: string): void;
  /** Whether `count` more decisions fit now (optional: absent means always). */
  canAccept?(count: number): boolean;
  /** Resolves once every decision recorded before the call is written (optional). */
  flush?(): Promise<void>;
}

export const DECISION_LOG = Symbol('DECISION_LOG');

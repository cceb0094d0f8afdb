/** Read-side helpers: what an authorization puts in force at an instant, and a JSON-friendly view. */
import type { Terms } from '../events.js';
import { type AuthorizationState, type Notice, type PendingChange, isTerminal } from './authorization.state.js';
import { parseInstant } from '../instant.js';

/**
 * The terms in force at `at`: those of the latest acknowledgement at or before `at`, from the later
 * of acknowledgement and validFrom until validUntil (exclusive), and never at or after the
 * revocation, completion or expiry. `null` when nothing is in force (or `at` is unparseable).
 */
export function termsInForce(state: AuthorizationState, at: string): Terms | null {
  if (state.status === 'initial') return null;
  const when = parseInstant(at);
  if (when === null) return null;
  let current: { acknowledgedAt: number; terms: Terms } | null = null;
  for (const entry of state.acknowledgements) {
    const acknowledgedAt = parseInstant(entry.acknowledgedAt);
    if (acknowledgedAt !== null && acknowledgedAt <= when) current = { acknowledgedAt, terms: entry.terms };
  }
  if (!current) return null;
  const from = Math.max(current.acknowledgedAt, parseInstant(current.terms.validFrom) ?? Infinity);
  const until = parseInstant(current.terms.validUntil) ?? -Infinity;
  if (when < from || when >= until) return null;
  if (isTerminal(state)) {
    const endedAt = state.endedAt === null ? null : parseInstant(state.endedAt);
    if (endedAt === null || when >= endedAt) return null;
  }
  return current.terms;
}

export interface AuthorizationSummary {
  readonly id: string;
  readonly status: Exclude<AuthorizationState['status'], 'initial'>;
  readonly applicantId: string;
  readonly matter: string;
  readonly terms: Terms;
  readonly reason: string;
  readonly pendingChange: PendingChange | null;
  readonly reviewerId: string | null;
  readonly approverId: string | null;
  readonly executiveId: string | null;
  readonly notice: Notice | null;
  readonly acknowledgedAt: string | null;
  readonly endedAt: string | null;
  readonly endedBy: string | null;
  readonly endReason: string | null;
}

/** A plain-data view of the state for APIs and read models; `null` before the application. */
export function authorizationSummary(state: AuthorizationState): AuthorizationSummary | null {
  if (state.status === 'initial') return null;
  const ended = isTerminal(state) ? state : null;
  return {
    id: state.id,
    status: state.status,
    applicantId: state.applicantId,
    matter: state.terms.matter,
    terms: state.terms,
    reason: state.reason,
    pendingChange: state.status === 'active' ? state.pendingChange : null,
    reviewerId: state.reviewerId,
    approverId: state.approverId,
    executiveId: state.executiveId,
    notice: state.notice,
    acknowledgedAt: state.acknowledgedAt,
    endedAt: ended?.endedAt ?? null,
    endedBy: ended?.endedBy ?? null,
    endReason: ended?.endReason ?? null,
  };
}

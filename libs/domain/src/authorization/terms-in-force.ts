/** Read-side helpers: what an authorization puts in force at an instant, and a JSON-friendly view. */
import type { Terms } from '../events.js';
import { type AuthorizationState, type Notice, type PendingChange, isTerminal } from './authorization.state.js';
import { grantHistoryOf } from './grant-history.js';
import { termsVerdict } from './grant-verdict.js';
import { parseInstant } from '../instant.js';

/**
 * The terms in force at `at` as far as time goes (the grant verdict without a context): `null`
 * when nothing is in force, or `at` is unparseable.
 */
export function termsInForce(state: AuthorizationState, at: string): Terms | null {
  const when = parseInstant(at);
  if (when === null) return null;
  const verdict = termsVerdict(grantHistoryOf(state), when);
  return verdict.inForce ? verdict.terms : null;
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
  /** The union of every notice's copies so far: who every later message goes to (SPEC §12). */
  readonly copiesTo: readonly string[];
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
    copiesTo: state.copiedTo,
    acknowledgedAt: state.acknowledgedAt,
    endedAt: ended?.endedAt ?? null,
    endedBy: ended?.endedBy ?? null,
    endReason: ended?.endReason ?? null,
  };
}

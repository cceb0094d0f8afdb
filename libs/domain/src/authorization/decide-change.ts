import type { RequestChange } from '../commands.js';
import { DomainError } from '../errors.js';
import type { AuthorizationEvent, Terms } from '../events.js';
import { finalApprovalRequired } from '../scope.js';
import type { AuthorizationState } from './authorization.state.js';
import { ensureNotLeft, instant, invalidTransition, policyOf, requireReason, validateTerms } from './rules.js';

/**
 * Change (授權變更申請表) of scope or validUntil by the grantee, one at a time, while the grant is
 * active and not past validUntil. validFrom stays; the old terms stay in force until acknowledged.
 */
export function decideChange(command: RequestChange, state: AuthorizationState): AuthorizationEvent[] {
  const { actor, changeId, scope, validUntil, reason, catalogue, now } = command.data;
  if (state.status !== 'active') throw invalidTransition(state, command.type);
  ensureNotLeft(actor);
  if (actor.employeeId !== state.applicantId) throw new DomainError('NOT_GRANTEE', 'only the grantee requests a change');
  if (state.pendingChange) throw new DomainError('CHANGE_PENDING', `change ${state.pendingChange.changeId} is still pending`);
  if (instant(now, 'now') >= instant(state.terms.validUntil, 'validUntil')) throw invalidTransition(state, command.type);
  if (scope === undefined && validUntil === undefined) {
    throw new DomainError('SCOPE_INVALID', 'a change states a new scope or validUntil', { scope: 'nothing to change' });
  }
  requireReason(reason);
  const policy = policyOf(catalogue, state.terms.matter);
  const next = { scope: scope ?? state.terms.scope, validUntil: validUntil ?? state.terms.validUntil };
  const validScope = validateTerms(policy, actor, next.scope, state.terms.validFrom, next.validUntil, now);
  const terms: Terms = { matter: state.terms.matter, scope: validScope, validFrom: state.terms.validFrom, validUntil: next.validUntil };
  return [
    {
      type: 'ChangeApplied',
      data: {
        authorizationId: state.id,
        changeId,
        requestedBy: actor.employeeId,
        terms,
        reason,
        initialReviewRequired: actor.reportsTo !== null,
        finalApprovalRequired: finalApprovalRequired(policy, validScope),
      },
    },
  ];
}

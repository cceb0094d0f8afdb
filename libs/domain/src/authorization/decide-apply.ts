import type { ApplyForAuthorization } from '../commands.js';
import { DomainError } from '../errors.js';
import type { AuthorizationEvent } from '../events.js';
import { finalApprovalRequired } from '../scope.js';
import type { AuthorizationState } from './authorization.state.js';
import { ensureNotLeft, policyOf, requireReason, validateTerms } from './rules.js';

/** Application (授權申請表): the applicant states matter, scope, reason and period. */
export function decideApply(command: ApplyForAuthorization, state: AuthorizationState): AuthorizationEvent[] {
  const { authorizationId, applicant, matter, scope, reason, validFrom, validUntil, catalogue, now } = command.data;
  if (state.status !== 'initial') throw new DomainError('ALREADY_EXISTS', `authorization ${authorizationId} already exists`);
  ensureNotLeft(applicant);
  const policy = policyOf(catalogue, matter);
  const validScope = validateTerms(policy, applicant, scope, validFrom, validUntil, now);
  requireReason(reason);
  return [
    {
      type: 'AuthorizationApplied',
      data: {
        authorizationId,
        applicantId: applicant.employeeId,
        applicantRole: applicant.role,
        applicantTeam: applicant.team,
        matter,
        scope: validScope,
        validFrom,
        validUntil,
        reason,
        initialReviewRequired: applicant.reportsTo !== null,
        finalApprovalRequired: finalApprovalRequired(policy, validScope),
      },
    },
  ];
}

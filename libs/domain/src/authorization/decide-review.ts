import type { ReviewAuthorization } from '../commands.js';
import { DomainError } from '../errors.js';
import type { AuthorizationEvent } from '../events.js';
import { type AuthorizationState, openStep } from './authorization.state.js';
import { ensureNotLeft, invalidTransition, requireOpinionToReject } from './rules.js';

/** Initial review (初審) by the applicant's direct superior as the directory says now. */
export function decideReview(command: ReviewAuthorization, state: AuthorizationState): AuthorizationEvent[] {
  const { actor, applicant, decision, opinion } = command.data;
  const step = openStep(state);
  if (!step || step.stage !== 'pending_review' || state.status === 'initial') throw invalidTransition(state, command.type);
  ensureNotLeft(actor);
  if (actor.employeeId === state.applicantId) throw new DomainError('SEPARATION_OF_DUTIES', 'the applicant cannot review their own application');
  if (applicant.employeeId !== state.applicantId || applicant.reportsTo !== actor.employeeId) {
    throw new DomainError('NOT_REVIEWER', `only the applicant's direct superior (${String(applicant.reportsTo)}) reviews`);
  }
  requireOpinionToReject(decision === 'reject', opinion);
  const data = { authorizationId: state.id, ...(step.changeId ? { changeId: step.changeId } : {}), reviewerId: actor.employeeId, opinion };
  return [{ type: decision === 'pass' ? 'InitialReviewPassed' : 'InitialReviewRejected', data }];
}

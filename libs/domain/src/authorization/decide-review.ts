import type { EmployeeSnapshot, ReviewAuthorization } from '../commands.js';
import { DomainError } from '../errors.js';
import type { AuthorizationEvent } from '../events.js';
import { standsInFor } from '../employee/stand-in.js';
import { mayStandInFor } from '../employee/stand-in.js';
import { type AuthorizationState, openStep } from './authorization.state.js';
import { actingForField, ensureMayAct } from './acting.js';
import { ensureNotLeft, invalidTransition, requireOpinionToReject } from './rules.js';

/** An escalated review is also the reviewer's superior's, or every manager's where the reviewer has none. */
const escalatedTo = (actor: EmployeeSnapshot, reviewer: EmployeeSnapshot): boolean =>
  reviewer.reportsTo === null ? actor.role === 'manager' : reviewer.reportsTo === actor.employeeId;

/**
 * Initial review (初審) by the applicant's direct superior as the directory says now; or by the
 * superior's stand-in while the period runs; or, once escalated, by the superior's own superior.
 */
export function decideReview(command: ReviewAuthorization, state: AuthorizationState): AuthorizationEvent[] {
  const { actor, applicant, reviewer, decision, opinion, now } = command.data;
  const step = openStep(state);
  if (!step || step.stage !== 'pending_review' || state.status === 'initial') throw invalidTransition(state, command.type);
  ensureNotLeft(actor);
  if (actor.employeeId === state.applicantId) throw new DomainError('SEPARATION_OF_DUTIES', 'the applicant cannot review their own application');
  if (applicant.employeeId !== state.applicantId) throw new DomainError('NOT_REVIEWER', 'the applicant entry does not match');
  const superior = reviewer && reviewer.employeeId === applicant.reportsTo ? reviewer : null;
  let actingFor: EmployeeSnapshot | null = null;
  if (applicant.reportsTo !== actor.employeeId) {
    if (superior && mayStandInFor(actor.role, superior.role) && standsInFor(actor.employeeId, superior, now)) actingFor = superior;
    else if (!(superior && step.record.stageEscalated === true && escalatedTo(actor, superior))) {
      throw new DomainError('NOT_REVIEWER', `only the applicant's direct superior (${String(applicant.reportsTo)}) reviews`);
    }
  }
  ensureMayAct(state, actor, actingFor, step.changeId, 'review');
  requireOpinionToReject(decision === 'reject', opinion);
  const data = { authorizationId: state.id, ...(step.changeId ? { changeId: step.changeId } : {}), reviewerId: actor.employeeId, ...actingForField(actingFor), opinion };
  return [{ type: decision === 'pass' ? 'InitialReviewPassed' : 'InitialReviewRejected', data }];
}

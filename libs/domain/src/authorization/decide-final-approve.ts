import type { FinalApproveAuthorization } from '../commands.js';
import { DomainError } from '../errors.js';
import type { AuthorizationEvent } from '../events.js';
import { type AuthorizationState, openStep } from './authorization.state.js';
import { ensureNotLeft, invalidTransition, requireOpinionToReject } from './rules.js';
import { ensureSeparated } from './separation.js';

/** Final approval by any executive other than the applicant, the initial reviewer and the approver. */
export function decideFinalApprove(command: FinalApproveAuthorization, state: AuthorizationState): AuthorizationEvent[] {
  const { actor, decision, opinion } = command.data;
  const step = openStep(state);
  if (!step || step.stage !== 'pending_final_approval' || state.status === 'initial') throw invalidTransition(state, command.type);
  ensureNotLeft(actor);
  if (actor.role !== 'executive') throw new DomainError('ROLE_REQUIRED', 'final approval needs an executive', { role: 'executive' });
  ensureSeparated(actor, [state.applicantId, step.record.reviewerId, step.record.approverId], 'final approval');
  requireOpinionToReject(decision === 'reject', opinion);
  const data = { authorizationId: state.id, ...(step.changeId ? { changeId: step.changeId } : {}), executiveId: actor.employeeId, opinion };
  return [{ type: decision === 'approve' ? 'ExecutiveApproved' : 'ExecutiveRejected', data }];
}

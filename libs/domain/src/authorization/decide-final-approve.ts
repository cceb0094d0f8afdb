import type { FinalApproveAuthorization } from '../commands.js';
import { DomainError } from '../errors.js';
import type { AuthorizationEvent } from '../events.js';
import { type AuthorizationState, openStep } from './authorization.state.js';
import { actingForField, ensureMayAct, standingInFor } from './acting.js';
import { ensureNotLeft, invalidTransition, requireOpinionToReject } from './rules.js';

/** Final approval by any executive (or an executive's stand-in) other than the applicant, the initial reviewer and the approver. */
export function decideFinalApprove(command: FinalApproveAuthorization, state: AuthorizationState): AuthorizationEvent[] {
  const { actor, standingInFor: absent, decision, opinion, now } = command.data;
  const step = openStep(state);
  if (!step || step.stage !== 'pending_final_approval' || state.status === 'initial') throw invalidTransition(state, command.type);
  ensureNotLeft(actor);
  const actingFor = actor.role === 'executive' ? null : standingInFor(actor, absent, 'executive', now);
  if (actor.role !== 'executive' && actingFor === null) throw new DomainError('ROLE_REQUIRED', 'final approval needs an executive', { role: 'executive' });
  ensureMayAct(state, actor, actingFor, step.changeId, 'final-approval');
  requireOpinionToReject(decision === 'reject', opinion);
  const data = { authorizationId: state.id, ...(step.changeId ? { changeId: step.changeId } : {}), executiveId: actor.employeeId, ...actingForField(actingFor), opinion };
  return [{ type: decision === 'approve' ? 'ExecutiveApproved' : 'ExecutiveRejected', data }];
}

import type { ApproveAuthorization } from '../commands.js';
import { DomainError } from '../errors.js';
import type { AuthorizationEvent } from '../events.js';
import { type AuthorizationState, openStep } from './authorization.state.js';
import { actingForField, ensureMayAct, standingInFor } from './acting.js';
import { ensureNotLeft, invalidTransition, requireOpinionToReject } from './rules.js';

/** Approval (審批) by any manager (or a manager's stand-in) other than the applicant and the initial reviewer. */
export function decideApprove(command: ApproveAuthorization, state: AuthorizationState): AuthorizationEvent[] {
  const { actor, standingInFor: absent, decision, opinion, now } = command.data;
  const step = openStep(state);
  if (!step || step.stage !== 'pending_approval' || state.status === 'initial') throw invalidTransition(state, command.type);
  ensureNotLeft(actor);
  const actingFor = actor.role === 'manager' ? null : standingInFor(actor, absent, 'manager', now);
  if (actor.role !== 'manager' && actingFor === null) throw new DomainError('ROLE_REQUIRED', 'approval needs a manager', { role: 'manager' });
  ensureMayAct(state, actor, actingFor, step.changeId, 'approval');
  requireOpinionToReject(decision === 'reject', opinion);
  const base = { authorizationId: state.id, ...(step.changeId ? { changeId: step.changeId } : {}), approverId: actor.employeeId, ...actingForField(actingFor), opinion };
  if (decision === 'reject') return [{ type: 'ManagerRejected', data: base }];
  return [{ type: 'ManagerApproved', data: { ...base, finalApprovalRequired: step.record.finalApprovalRequired } }];
}

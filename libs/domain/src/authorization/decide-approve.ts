import type { ApproveAuthorization } from '../commands.js';
import { DomainError } from '../errors.js';
import type { AuthorizationEvent } from '../events.js';
import { type AuthorizationState, openStep } from './authorization.state.js';
import { ensureNotLeft, invalidTransition, requireOpinionToReject } from './rules.js';
import { ensureSeparated } from './separation.js';

/** Approval (審批) by any manager other than the applicant and the initial reviewer. */
export function decideApprove(command: ApproveAuthorization, state: AuthorizationState): AuthorizationEvent[] {
  const { actor, decision, opinion } = command.data;
  const step = openStep(state);
  if (!step || step.stage !== 'pending_approval' || state.status === 'initial') throw invalidTransition(state, command.type);
  ensureNotLeft(actor);
  if (actor.role !== 'manager') throw new DomainError('ROLE_REQUIRED', 'approval needs a manager', { role: 'manager' });
  ensureSeparated(actor, [state.applicantId, step.record.reviewerId], 'approval');
  requireOpinionToReject(decision === 'reject', opinion);
  const base = { authorizationId: state.id, ...(step.changeId ? { changeId: step.changeId } : {}), approverId: actor.employeeId, opinion };
  if (decision === 'reject') return [{ type: 'ManagerRejected', data: base }];
  return [{ type: 'ManagerApproved', data: { ...base, finalApprovalRequired: step.record.finalApprovalRequired } }];
}

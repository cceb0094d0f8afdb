import type { WithdrawApplication } from '../commands.js';
import { DomainError } from '../errors.js';
import type { AuthorizationEvent } from '../events.js';
import type { AuthorizationState } from './authorization.state.js';
import { ensureNotLeft, invalidTransition } from './rules.js';

const BEFORE_NOTICE: readonly string[] = ['pending_review', 'pending_approval', 'pending_final_approval', 'pending_notice'];

/**
 * Withdrawal by the applicant before the notice is issued. The system (leaver cascade) may also
 * withdraw an issued but unsigned notice: nobody else could ever end it before it expires.
 */
export function decideWithdraw(command: WithdrawApplication, state: AuthorizationState): AuthorizationEvent[] {
  const { actor, reason, now } = command.data;
  const open = BEFORE_NOTICE.includes(state.status) || (actor.kind === 'system' && state.status === 'pending_acknowledgement');
  if (!open || state.status === 'initial') throw invalidTransition(state, command.type);
  if (actor.kind === 'employee') {
    ensureNotLeft(actor.employee);
    if (actor.employee.employeeId !== state.applicantId) throw new DomainError('NOT_APPLICANT', 'only the applicant withdraws');
  }
  const withdrawnBy = actor.kind === 'employee' ? actor.employee.employeeId : actor.id;
  return [{ type: 'ApplicationWithdrawn', data: { authorizationId: state.id, withdrawnBy, reason, withdrawnAt: now } }];
}

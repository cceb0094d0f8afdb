import type { RevokeAuthorization } from '../commands.js';
import { DomainError } from '../errors.js';
import type { AuthorizationEvent } from '../events.js';
import type { AuthorizationState } from './authorization.state.js';
import { ensureNotLeft, invalidTransition, requireReason } from './rules.js';

/** Revocation of an active grant, with a reason, by the grantee's superior, any manager, or the system. */
export function decideRevoke(command: RevokeAuthorization, state: AuthorizationState): AuthorizationEvent[] {
  const { actor, grantee, reason, cause, now } = command.data;
  if (state.status !== 'active') throw invalidTransition(state, command.type);
  if (actor.kind === 'employee') {
    const employee = actor.employee;
    ensureNotLeft(employee);
    const superior = grantee.employeeId === state.applicantId && grantee.reportsTo === employee.employeeId;
    if (!superior && employee.role !== 'manager') {
      throw new DomainError('NOT_SUPERIOR_OR_MANAGER', "only the grantee's superior or a manager revokes");
    }
  }
  requireReason(reason);
  const revokedBy = actor.kind === 'employee' ? actor.employee.employeeId : actor.id;
  return [{ type: 'AuthorizationRevoked', data: { authorizationId: state.id, revokedBy, reason, cause, revokedAt: now } }];
}

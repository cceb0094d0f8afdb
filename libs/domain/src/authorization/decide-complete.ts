import type { CompleteAuthorization } from '../commands.js';
import { DomainError } from '../errors.js';
import type { AuthorizationEvent } from '../events.js';
import type { AuthorizationState } from './authorization.state.js';
import { ensureNotLeft, invalidTransition } from './rules.js';

/** Completion of the matter, by the grantee or their superior. */
export function decideComplete(command: CompleteAuthorization, state: AuthorizationState): AuthorizationEvent[] {
  const { actor, grantee, note, now } = command.data;
  if (state.status !== 'active') throw invalidTransition(state, command.type);
  ensureNotLeft(actor);
  const isGrantee = actor.employeeId === state.applicantId;
  const isSuperior = grantee.employeeId === state.applicantId && grantee.reportsTo === actor.employeeId;
  if (!isGrantee && !isSuperior) throw new DomainError('NOT_GRANTEE', 'only the grantee or their superior completes');
  return [{ type: 'AuthorizationCompleted', data: { authorizationId: state.id, completedBy: actor.employeeId, note, completedAt: now } }];
}

import type { ExpireAuthorization } from '../commands.js';
import type { AuthorizationEvent } from '../events.js';
import { type AuthorizationState, isTerminal } from './authorization.state.js';
import { instant } from './rules.js';

/** End of validity (scheduler): any non-terminal authorization whose validUntil has passed expires. */
export function decideExpire(command: ExpireAuthorization, state: AuthorizationState): AuthorizationEvent[] {
  const { now } = command.data;
  if (state.status === 'initial' || isTerminal(state)) return [];
  const { validUntil } = state.terms;
  if (instant(now, 'now') < instant(validUntil, 'validUntil')) return [];
  return [{ type: 'AuthorizationExpired', data: { authorizationId: state.id, validUntil, expiredAt: now, previousStatus: state.status } }];
}

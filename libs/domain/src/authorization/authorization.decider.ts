/** The authorization decider: `decide` only dispatches, one small function per command. */
import type { AuthorizationCommand } from '../commands.js';
import type { Decider } from '../decider.js';
import type { AuthorizationEvent } from '../events.js';
import { type AuthorizationState, initialState, isTerminal } from './authorization.state.js';
import { evolve } from './authorization.evolve.js';
import { decideAcknowledge } from './decide-acknowledge.js';
import { decideApply } from './decide-apply.js';
import { decideApprove } from './decide-approve.js';
import { decideChange } from './decide-change.js';
import { decideComplete } from './decide-complete.js';
import { decideApprovalReminder, decideEscalation } from './decide-deadline.js';
import { decideExpire } from './decide-expire.js';
import { decideFinalApprove } from './decide-final-approve.js';
import { decideNotice } from './decide-notice.js';
import { decideReminder } from './decide-reminder.js';
import { decideReview } from './decide-review.js';
import { decideRevoke } from './decide-revoke.js';
import { decideWithdraw } from './decide-withdraw.js';
import { invalidTransition } from './rules.js';
import { authorizationEvents } from '../codec/event-codec.js';

export function decide(command: AuthorizationCommand, state: AuthorizationState): AuthorizationEvent[] {
  // Terminal states absorb everything: a person is told, a machine command has nothing to do.
  // (An application under an id that exists is ALREADY_EXISTS, whatever its status.)
  const machine =
    command.type === 'ExpireAuthorization' || command.type === 'IssueExpiryReminder' || command.type === 'IssueApprovalReminder' || command.type === 'EscalateApproval';
  if (isTerminal(state) && !machine && command.type !== 'ApplyForAuthorization') {
    throw invalidTransition(state, command.type);
  }
  switch (command.type) {
    case 'ApplyForAuthorization':
      return decideApply(command, state);
    case 'ReviewAuthorization':
      return decideReview(command, state);
    case 'ApproveAuthorization':
      return decideApprove(command, state);
    case 'FinalApproveAuthorization':
      return decideFinalApprove(command, state);
    case 'IssueNotice':
      return decideNotice(command, state);
    case 'AcknowledgeNotice':
      return decideAcknowledge(command, state);
    case 'RequestChange':
      return decideChange(command, state);
    case 'RevokeAuthorization':
      return decideRevoke(command, state);
    case 'CompleteAuthorization':
      return decideComplete(command, state);
    case 'WithdrawApplication':
      return decideWithdraw(command, state);
    case 'ExpireAuthorization':
      return decideExpire(command, state);
    case 'IssueExpiryReminder':
      return decideReminder(command, state);
    case 'IssueApprovalReminder':
      return decideApprovalReminder(command, state);
    case 'EscalateApproval':
      return decideEscalation(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export { evolve, initialState };

export const authorizationDecider: Decider<AuthorizationCommand, AuthorizationEvent, AuthorizationState> = { initialState, evolve, decide, codec: authorizationEvents };

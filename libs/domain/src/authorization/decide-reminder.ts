import type { IssueExpiryReminder } from '../commands.js';
import type { AuthorizationEvent } from '../events.js';
import type { AuthorizationState } from './authorization.state.js';
import { DAY_IN_MS, instant } from './rules.js';

/** Expiry reminder (7 and 1 days ahead), once per `daysAhead` and validUntil, only for an active grant. */
export function decideReminder(command: IssueExpiryReminder, state: AuthorizationState): AuthorizationEvent[] {
  const { daysAhead, now } = command.data;
  if (state.status !== 'active') return [];
  const { validUntil } = state.terms;
  if (state.remindersIssued.some((r) => r.daysAhead === daysAhead && r.validUntil === validUntil)) return [];
  const at = instant(now, 'now');
  const until = instant(validUntil, 'validUntil');
  if (at < until - daysAhead * DAY_IN_MS || at >= until) return [];
  return [{ type: 'ExpiryReminderIssued', data: { authorizationId: state.id, daysAhead, validUntil } }];
}

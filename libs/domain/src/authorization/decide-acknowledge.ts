import type { AcknowledgeNotice } from '../commands.js';
import { DomainError } from '../errors.js';
import type { AuthorizationEvent } from '../events.js';
import { type AuthorizationState, openStep } from './authorization.state.js';
import { ensureNotLeft, instant, invalidTransition } from './rules.js';

/** Acknowledgement: only the applicant signs the notice; only then are its terms in force. */
export function decideAcknowledge(command: AcknowledgeNotice, state: AuthorizationState): AuthorizationEvent[] {
  const { actor, now } = command.data;
  const step = openStep(state);
  if (!step || step.stage !== 'pending_acknowledgement' || state.status === 'initial' || !step.record.notice) {
    throw invalidTransition(state, command.type);
  }
  ensureNotLeft(actor);
  if (actor.employeeId !== state.applicantId) throw new DomainError('NOT_APPLICANT', 'only the applicant acknowledges the notice');
  // Signing after validUntil would put nothing in force; the scheduler is about to expire it.
  const until = Math.min(instant(state.terms.validUntil, 'validUntil'), instant(step.record.terms.validUntil, 'validUntil'));
  if (instant(now, 'now') >= until) throw new DomainError('VALIDITY_ENDED', 'the period of validity has ended');
  const data = {
    authorizationId: state.id,
    ...(step.changeId ? { changeId: step.changeId } : {}),
    employeeId: actor.employeeId,
    noticeNumber: step.record.notice.number,
    acknowledgedAt: now,
    terms: step.record.terms,
  };
  return [{ type: 'NoticeAcknowledged', data }];
}

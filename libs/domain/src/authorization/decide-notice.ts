import type { IssueNotice } from '../commands.js';
import { DomainError } from '../errors.js';
import type { AuthorizationEvent } from '../events.js';
import { type AuthorizationState, openStep } from './authorization.state.js';
import { copyRuleOf, resolveCopies } from './copies.js';
import { ensureNotLeft, invalidTransition } from './rules.js';
import { actingForField, ensureMayAct, standingInFor } from './acting.js';

/** Notice (授權通知書) by a manager or a designee (holder of `authorization.notice.issue`), never the applicant. */
export function decideNotice(command: IssueNotice, state: AuthorizationState): AuthorizationEvent[] {
  const { actor, designationGrantId, noticeNumber, catalogue, standingInFor: absent, now } = command.data;
  const step = openStep(state);
  if (!step || step.stage !== 'pending_notice' || state.status === 'initial') throw invalidTransition(state, command.type);
  ensureNotLeft(actor);
  if (actor.employeeId === state.applicantId) throw new DomainError('SEPARATION_OF_DUTIES', 'the applicant cannot issue their own notice');
  // A manager's stand-in (代理人) issues as the manager, only when not entitled in their own right.
  const actingFor = actor.role === 'manager' || designationGrantId !== null ? null : standingInFor(actor, absent, 'manager', now);
  const asManager = actor.role === 'manager' || actingFor !== null;
  if (!asManager && designationGrantId === null) {
    throw new DomainError('ROLE_REQUIRED', 'a notice is issued by a manager or a designee', { role: 'manager' });
  }
  ensureMayAct(state, actor, actingFor, step.changeId, 'notice');
  const copiesTo = resolveCopies(command.data.copiesTo, copyRuleOf(catalogue, step.record.terms.matter));
  const issuer = asManager ? { issuedAs: 'manager' as const } : { issuedAs: 'designee' as const, designationGrantId: designationGrantId ?? '' };
  const data = {
    authorizationId: state.id,
    ...(step.changeId ? { changeId: step.changeId } : {}),
    noticeNumber,
    issuerId: actor.employeeId,
    ...actingForField(actingFor),
    ...issuer,
    copiesTo,
    terms: step.record.terms,
  };
  return [{ type: 'NoticeIssued', data }];
}

/** Events and commands of one authorization `A1` (E1 applies for compensation), for specs. */
import type { Catalogue } from '../catalogue/catalogue.js';
import type { AuthorizationCommand, EmployeeSnapshot, Principal } from '../commands.js';
import type { AuthorizationEvent, Scope, Terms } from '../events.js';
import { catalogue } from './default-catalogue.js';
import { day, people } from './fixtures.js';

type Data<T extends AuthorizationEvent['type']> = Extract<AuthorizationEvent, { type: T }>['data'];
const A = 'A1';
export const terms: Terms = { matter: 'compensation.issue', scope: { maxAmount: 800 }, validFrom: day(0), validUntil: day(30) };

export const ev = {
  applied: (over: Partial<Data<'AuthorizationApplied'>> = {}): AuthorizationEvent => ({
    type: 'AuthorizationApplied',
    data: { authorizationId: A, applicantId: 'E1', applicantRole: 'agent', applicantTeam: 'team-a', ...terms, reason: 'VIP customer', initialReviewRequired: true, finalApprovalRequired: false, ...over },
  }),
  reviewed: (reviewerId = 'S1', changeId?: string): AuthorizationEvent => ({
    type: 'InitialReviewPassed',
    data: { authorizationId: A, ...(changeId ? { changeId } : {}), reviewerId, opinion: 'ok' },
  }),
  approved: (finalApprovalRequired = false, approverId = 'M1', changeId?: string): AuthorizationEvent => ({
    type: 'ManagerApproved',
    data: { authorizationId: A, ...(changeId ? { changeId } : {}), approverId, opinion: '', finalApprovalRequired },
  }),
  finalApproved: (executiveId = 'X1', changeId?: string): AuthorizationEvent => ({
    type: 'ExecutiveApproved',
    data: { authorizationId: A, ...(changeId ? { changeId } : {}), executiveId, opinion: 'fine' },
  }),
  noticed: (noticeTerms: Terms = terms, changeId?: string, noticeNumber = 'N-1'): AuthorizationEvent => ({
    type: 'NoticeIssued',
    data: { authorizationId: A, ...(changeId ? { changeId } : {}), noticeNumber, issuerId: 'M2', issuedAs: 'manager', copiesTo: ['finance'], terms: noticeTerms },
  }),
  acknowledged: (at = day(1), ackTerms: Terms = terms, changeId?: string, noticeNumber = 'N-1'): AuthorizationEvent => ({
    type: 'NoticeAcknowledged',
    data: { authorizationId: A, ...(changeId ? { changeId } : {}), employeeId: 'E1', noticeNumber, acknowledgedAt: at, terms: ackTerms },
  }),
  changeApplied: (changeTerms: Terms, changeId = 'C1', over: Partial<Data<'ChangeApplied'>> = {}): AuthorizationEvent => ({
    type: 'ChangeApplied',
    data: { authorizationId: A, changeId, requestedBy: 'E1', terms: changeTerms, reason: 'more', initialReviewRequired: true, finalApprovalRequired: false, ...over },
  }),
  revoked: (at = day(5)): AuthorizationEvent => ({
    type: 'AuthorizationRevoked',
    data: { authorizationId: A, revokedBy: 'M1', reason: 'violation', cause: 'manual', revokedAt: at },
  }),
  completed: (at = day(5)): AuthorizationEvent => ({
    type: 'AuthorizationCompleted',
    data: { authorizationId: A, completedBy: 'E1', note: null, completedAt: at },
  }),
  expired: (previousStatus = 'active'): AuthorizationEvent => ({
    type: 'AuthorizationExpired',
    data: { authorizationId: A, validUntil: terms.validUntil, expiredAt: terms.validUntil, previousStatus },
  }),
  withdrawn: (): AuthorizationEvent => ({
    type: 'ApplicationWithdrawn',
    data: { authorizationId: A, withdrawnBy: 'E1', reason: null, withdrawnAt: day(0.2) },
  }),
};

/** Histories that lead to each status. */
export const history = {
  pendingReview: [ev.applied()],
  pendingApproval: [ev.applied(), ev.reviewed()],
  pendingFinalApproval: [ev.applied({ scope: { maxAmount: 5000 }, finalApprovalRequired: true }), ev.reviewed(), ev.approved(true)],
  pendingNotice: [ev.applied(), ev.reviewed(), ev.approved()],
  pendingAcknowledgement: [ev.applied(), ev.reviewed(), ev.approved(), ev.noticed()],
  active: [ev.applied(), ev.reviewed(), ev.approved(), ev.noticed(), ev.acknowledged()],
};

const employeePrincipal = (employee: EmployeeSnapshot): Principal => ({ kind: 'employee', employee });
export const system: Principal = { kind: 'system', id: 'system:scheduler' };

export const cmd = {
  apply: (over: Partial<{ applicant: EmployeeSnapshot; matter: string; scope: Scope; reason: string; validFrom: string; validUntil: string; catalogue: Catalogue; now: string }> = {}): AuthorizationCommand => ({
    type: 'ApplyForAuthorization',
    data: { authorizationId: A, applicant: people.agent, ...terms, reason: 'VIP customer', catalogue, now: day(0), ...over },
  }),
  review: (actor: EmployeeSnapshot, decision: 'pass' | 'reject' = 'pass', opinion = 'ok', applicant = people.agent): AuthorizationCommand => ({
    type: 'ReviewAuthorization',
    data: { actor, applicant, decision, opinion, now: day(0.5) },
  }),
  approve: (actor: EmployeeSnapshot, decision: 'approve' | 'reject' = 'approve', opinion = ''): AuthorizationCommand => ({
    type: 'ApproveAuthorization',
    data: { actor, decision, opinion, now: day(0.5) },
  }),
  finalApprove: (actor: EmployeeSnapshot, decision: 'approve' | 'reject' = 'approve', opinion = 'fine'): AuthorizationCommand => ({
    type: 'FinalApproveAuthorization',
    data: { actor, decision, opinion, now: day(0.5) },
  }),
  notice: (actor: EmployeeSnapshot, designationGrantId: string | null = null, noticeNumber = 'N-1'): AuthorizationCommand => ({
    type: 'IssueNotice',
    data: { actor, designationGrantId, copiesTo: ['finance', 'finance'], noticeNumber, now: day(0.5) },
  }),
  acknowledge: (actor: EmployeeSnapshot, now = day(1)): AuthorizationCommand => ({ type: 'AcknowledgeNotice', data: { actor, now } }),
  change: (over: Partial<{ actor: EmployeeSnapshot; scope: Scope; validUntil: string; reason: string; now: string }> = {}): AuthorizationCommand => ({
    type: 'RequestChange',
    data: { actor: people.agent, changeId: 'C1', scope: { maxAmount: 1500 }, reason: 'more', catalogue, now: day(2), ...over },
  }),
  revoke: (actor: Principal | EmployeeSnapshot, reason = 'violation', grantee = people.agent): AuthorizationCommand => ({
    type: 'RevokeAuthorization',
    data: { actor: 'kind' in actor ? actor : employeePrincipal(actor), grantee, reason, cause: 'manual', now: day(5) },
  }),
  complete: (actor: EmployeeSnapshot, grantee = people.agent): AuthorizationCommand => ({
    type: 'CompleteAuthorization',
    data: { actor, grantee, note: 'done', now: day(5) },
  }),
  withdraw: (actor: Principal | EmployeeSnapshot): AuthorizationCommand => ({
    type: 'WithdrawApplication',
    data: { actor: 'kind' in actor ? actor : employeePrincipal(actor), reason: null, now: day(0.2) },
  }),
  expire: (now: string): AuthorizationCommand => ({ type: 'ExpireAuthorization', data: { now } }),
  remind: (daysAhead: 7 | 1, now: string): AuthorizationCommand => ({ type: 'IssueExpiryReminder', data: { daysAhead, now } }),
};

/** One human command of every type, each valid in some state: to show a state refuses the others. */
export const everyHumanCommand = (): [string, AuthorizationCommand][] => [
  ['ReviewAuthorization', cmd.review(people.supervisor)],
  ['ApproveAuthorization', cmd.approve(people.manager)],
  ['FinalApproveAuthorization', cmd.finalApprove(people.executive)],
  ['IssueNotice', cmd.notice(people.manager2)],
  ['AcknowledgeNotice', cmd.acknowledge(people.agent)],
  ['RequestChange', cmd.change()],
  ['RevokeAuthorization', cmd.revoke(people.manager)],
  ['CompleteAuthorization', cmd.complete(people.agent)],
  ['WithdrawApplication', cmd.withdraw(people.agent)],
];

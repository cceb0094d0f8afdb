/**
 * The open tasks an authorization implies (the inbox). A task names a rule rather than a person
 * where the person is only known at query time: the initial reviewer is the applicant's superior
 * *when the review happens*, so a `review` task is stored as "the superior of <applicant>" and
 * resolved against the employees table when an inbox is read.
 */
import type { AuthorizationRow, PendingStage } from './authorization.row.js';

export const TASK_KINDS = ['review', 'approval', 'final-approval', 'notice', 'acknowledgement'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export type TaskAssignee =
  | { readonly rule: 'superior-of'; readonly employeeId: string }
  | { readonly rule: 'role'; readonly role: 'manager' | 'executive' }
  /** A manager, or a designee holding `authorization.notice.issue` in force. */
  | { readonly rule: 'notice-issuer' }
  | { readonly rule: 'employee'; readonly employeeId: string };

export interface InboxTask {
  readonly authorizationId: string;
  readonly kind: TaskKind;
  readonly changeId: string | null;
  readonly applicantId: string;
  readonly matter: string;
  readonly assignee: TaskAssignee;
  /** Separation of duties: people who may not take this task even when the rule matches them. */
  readonly excluded: readonly string[];
  readonly since: string;
}

interface Chain {
  readonly stage: PendingStage;
  readonly changeId: string | null;
  readonly reviewerId: string | null;
  readonly approverId: string | null;
  readonly executiveId: string | null;
}

const chainOf = (row: AuthorizationRow): Chain | null => {
  if (row.status === 'active') return row.pendingChange;
  switch (row.status) {
    case 'pending_review':
    case 'pending_approval':
    case 'pending_final_approval':
    case 'pending_notice':
    case 'pending_acknowledgement':
      return { stage: row.status, changeId: null, reviewerId: row.reviewerId, approverId: row.approverId, executiveId: row.executiveId };
    case 'rejected':
    case 'withdrawn':
    case 'expired':
    case 'completed':
    case 'revoked':
      return null;
    default: {
      const _exhaustive: never = row.status;
      return _exhaustive;
    }
  }
};

const present = (ids: readonly (string | null)[]): string[] => ids.filter((id): id is string => id !== null);

/** The open tasks of a row: at most one (the step the application or its change waits for). */
export const tasksOf = (row: AuthorizationRow): InboxTask[] => {
  const chain = chainOf(row);
  if (chain === null) return [];
  const base = { authorizationId: row.id, changeId: chain.changeId, applicantId: row.applicantId, matter: row.matter, since: row.updatedAt };
  const applicant = row.applicantId;
  switch (chain.stage) {
    case 'pending_review':
      return [{ ...base, kind: 'review', assignee: { rule: 'superior-of', employeeId: applicant }, excluded: [applicant] }];
    case 'pending_approval':
      return [{ ...base, kind: 'approval', assignee: { rule: 'role', role: 'manager' }, excluded: present([applicant, chain.reviewerId]) }];
    case 'pending_final_approval':
      return [{ ...base, kind: 'final-approval', assignee: { rule: 'role', role: 'executive' }, excluded: present([applicant, chain.reviewerId, chain.approverId]) }];
    case 'pending_notice':
      return [{ ...base, kind: 'notice', assignee: { rule: 'notice-issuer' }, excluded: [applicant] }];
    case 'pending_acknowledgement':
      return [{ ...base, kind: 'acknowledgement', assignee: { rule: 'employee', employeeId: applicant }, excluded: [] }];
    default: {
      const _exhaustive: never = chain.stage;
      return _exhaustive;
    }
  }
};

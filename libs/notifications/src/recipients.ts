/**
 * Who is told of what (SPEC §12, "Who is told"), as pure functions of an event and what the
 * reactor knows when it happens: every person in whose worklist a task appears, the applicant of
 * every decision on their application or change (the notice to acknowledge is their
 * `acknowledgement` task), the grantee of expiry reminders and revocations, the reporter of a
 * report's feedback, the submitter of an answered suggestion. Never the person who acted, never
 * someone who has left.
 */
import type { AuthorizationEvent } from '../../domain/src/events.js';
import type { Role } from '../../domain/src/ids.js';
import type { AccessReviewEvent } from '../../domain/src/access-review/access-review.events.js';
import type { LoopEvent } from '../../domain/src/supervision/loops.events.js';
import type { SupervisionEvent } from '../../domain/src/supervision/supervision.events.js';
import type { AuthorizationRow } from '../../read-models/src/authorization/authorization.row.js';
import { type InboxTask, tasksOf } from '../../read-models/src/authorization/inbox.projection.js';
import type { DecisionOutcome, NotificationDraft, NotificationKind, NotificationParams } from './notification.js';

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly reportsTo: string | null;
  readonly left: boolean;
}

/** A stand-in (代理人) period: while it runs, the absent employee's workflow tasks are also the stand-in's. */
export interface StandInPeriod {
  readonly standInId: string;
  readonly from: string;
  readonly until: string;
}

/** The directory as of the event, and who may issue notices as a designee. */
export interface NotifyFacts {
  readonly people: ReadonlyMap<string, Person>;
  /** Holders of `authorization.notice.issue` in force: their worklists show `notice` tasks too. */
  readonly designees: ReadonlySet<string>;
  /** Stand-in periods by the absent employee. */
  readonly standIns?: ReadonlyMap<string, readonly StandInPeriod[]>;
  /** When the event happened (which stand-in periods run). */
  readonly at?: string;
}

/** The tasks stand-ins cover (SPEC §11): not acknowledgements. */
const STAND_IN_KINDS: ReadonlySet<string> = new Set(['review', 'approval', 'final-approval', 'notice']);

/** `ids` and, for a task stand-ins cover, the stand-ins whose period runs at the event. */
function withStandIns(facts: NotifyFacts, kind: string, ids: readonly string[]): string[] {
  if (!STAND_IN_KINDS.has(kind) || facts.standIns === undefined || facts.at === undefined) return [...ids];
  const at = Date.parse(facts.at);
  const running = (p: StandInPeriod) => Date.parse(p.from) <= at && at < Date.parse(p.until);
  return [...ids, ...ids.flatMap((id) => (facts.standIns?.get(id) ?? []).filter(running).map((p) => p.standInId))];
}

/** What the reactor remembers of a report or a suggestion between its events. */
export interface SubjectFacts {
  readonly subjectEmployeeId?: string;
  readonly reporterEmployeeId?: string | null;
  readonly submittedBy?: string | null;
}

const nameOf = (facts: NotifyFacts, id: string): string => facts.people.get(id)?.name ?? id;

const withRole = (facts: NotifyFacts, role: Role): string[] => [...facts.people.values()].filter((p) => p.role === role).map((p) => p.id);

/** Drops the actor, leavers and unknown people, and duplicates (one notification per person per fact). */
function deliverable(facts: NotifyFacts, actorId: string | null, drafts: readonly NotificationDraft[]): NotificationDraft[] {
  const seen = new Set<string>();
  return drafts.filter((draft) => {
    const person = facts.people.get(draft.recipientId);
    if (person === undefined || person.left || draft.recipientId === actorId || seen.has(draft.recipientId)) return false;
    seen.add(draft.recipientId);
    return true;
  });
}

function assigneesOf(task: InboxTask, facts: NotifyFacts): string[] {
  const rule = task.assignee;
  switch (rule.rule) {
    case 'superior-of': {
      const superior = facts.people.get(rule.employeeId)?.reportsTo;
      return superior ? [superior] : withRole(facts, 'manager');
    }
    case 'role':
      return withRole(facts, rule.role);
    case 'notice-issuer':
      return [...withRole(facts, 'manager'), ...facts.designees];
    case 'employee':
      return [rule.employeeId];
    default: {
      const _exhaustive: never = rule;
      return _exhaustive;
    }
  }
}

const taskKey = (task: InboxTask): string => `${task.kind}:${task.changeId ?? ''}`;

/** Tasks that `after` has and `before` had not, each to everyone whose worklist it reaches. */
function newTasks(before: AuthorizationRow | null, after: AuthorizationRow, facts: NotifyFacts): NotificationDraft[] {
  const open = new Set((before === null ? [] : tasksOf(before)).map(taskKey));
  return tasksOf(after)
    .filter((task) => !open.has(taskKey(task)))
    .flatMap((task) => {
      const excluded = new Set(task.excluded);
      const params: NotificationParams = { matter: after.matter, applicant: nameOf(facts, after.applicantId), noticeNumber: (task.changeId === null ? after.notice : after.pendingChange?.notice)?.number ?? '' };
      return withStandIns(facts, task.kind, assigneesOf(task, facts))
        .filter((id) => !excluded.has(id))
        .map((recipientId) => ({ recipientId, kind: task.kind, subjectId: after.id, authorizationId: after.id, changeId: task.changeId, params }));
    });
}

const DECISIONS: Partial<Record<AuthorizationEvent['type'], DecisionOutcome>> = {
  InitialReviewPassed: 'review-passed',
  InitialReviewRejected: 'review-rejected',
  ManagerApproved: 'approved',
  ManagerRejected: 'rejected',
  ExecutiveApproved: 'final-approved',
  ExecutiveRejected: 'final-rejected',
};

/**
 * A deadline passed (SPEC §11): the reminder goes to everyone the open task reaches (the applicant
 * for an acknowledgement); an escalated review also reaches the reviewer's superior (every manager
 * where there is none), the other stages reach every eligible person again, as overdue.
 */
function deadlineTasks(event: AuthorizationEvent, after: AuthorizationRow, facts: NotifyFacts): NotificationDraft[] {
  if (event.type !== 'ApprovalReminderIssued' && event.type !== 'ApprovalEscalated') return [];
  const changeId = event.data.changeId ?? null;
  const task = tasksOf(after).find((candidate) => candidate.kind === event.data.stage && candidate.changeId === changeId);
  if (task === undefined) return [];
  const excluded = new Set(task.excluded);
  const escalatedReview = event.type === 'ApprovalEscalated' && task.kind === 'review';
  const superior = facts.people.get(after.applicantId)?.reportsTo ?? null;
  const above = superior === null ? null : (facts.people.get(superior)?.reportsTo ?? null);
  const to = escalatedReview ? (above === null ? withRole(facts, 'manager') : [above]) : assigneesOf(task, facts);
  const params: NotificationParams = { matter: after.matter, applicant: nameOf(facts, after.applicantId), noticeNumber: after.notice?.number ?? '', deadline: event.type === 'ApprovalReminderIssued' ? 'due' : 'overdue' };
  return withStandIns(facts, task.kind, to).filter((id) => !excluded.has(id)).map((recipientId) => ({ recipientId, kind: task.kind, subjectId: after.id, authorizationId: after.id, changeId, params }));
}

function aboutOwn(event: AuthorizationEvent, row: AuthorizationRow, actorId: string | null, facts: NotifyFacts): NotificationDraft[] {
  const own = (kind: NotificationKind, params: NotificationParams, changeId: string | null = null): NotificationDraft[] => [
    { recipientId: row.applicantId, kind, subjectId: row.id, authorizationId: row.id, changeId, params: { matter: row.matter, ...params } },
  ];
  const outcome = DECISIONS[event.type];
  if (outcome !== undefined) {
    const data = event.data as { readonly opinion?: string; readonly changeId?: string };
    return own('decision', { outcome, decider: actorId === null ? '' : nameOf(facts, actorId), opinion: data.opinion ?? '' }, data.changeId ?? null);
  }
  if (event.type === 'ExpiryReminderIssued') return own('expiry-reminder', { days: event.data.daysAhead, validUntil: event.data.validUntil });
  if (event.type === 'AuthorizationRevoked') return own('revoked', { reason: event.data.reason });
  return [];
}

/** The notifications of one authorization event, given its row before and after it. */
export function authorizationNotifications(
  event: AuthorizationEvent,
  actorId: string | null,
  before: AuthorizationRow | null,
  after: AuthorizationRow | null,
  facts: NotifyFacts,
): NotificationDraft[] {
  if (after === null) return [];
  return deliverable(facts, actorId, [...newTasks(before, after, facts), ...deadlineTasks(event, after, facts), ...aboutOwn(event, after, actorId, facts)]);
}

/** The notifications of one supervision event, given what is remembered of its report or suggestion. */
export function supervisionNotifications(event: SupervisionEvent, actorId: string | null, subject: SubjectFacts, facts: NotifyFacts): NotificationDraft[] {
  const draft = (recipientId: string, kind: NotificationKind, subjectId: string, params: NotificationParams): NotificationDraft => ({ recipientId, kind, subjectId, authorizationId: null, changeId: null, params });
  switch (event.type) {
    case 'EscalationRaised': {
      const { escalationId, employeeId, superiorId, summary } = event.data;
      const to = superiorId === null ? withRole(facts, 'manager') : [superiorId];
      return deliverable(facts, actorId, to.map((id) => draft(id, 'escalation', escalationId, { applicant: nameOf(facts, employeeId), summary })));
    }
    case 'ViolationReported': {
      const { reportId, subjectEmployeeId } = event.data;
      const superior = facts.people.get(subjectEmployeeId)?.reportsTo;
      const to = [...(superior ? [superior] : []), ...withRole(facts, 'manager')].filter((id) => id !== subjectEmployeeId);
      return deliverable(facts, actorId, to.map((id) => draft(id, 'report', reportId, { applicant: nameOf(facts, subjectEmployeeId) })));
    }
    case 'ReporterNotified': {
      const reporter = subject.reporterEmployeeId;
      if (!reporter) return [];
      return deliverable(facts, actorId, [draft(reporter, 'report-feedback', event.data.reportId, { message: event.data.message })]);
    }
    case 'SuggestionSubmitted':
      return deliverable(facts, actorId, withRole(facts, 'manager').map((id) => draft(id, 'suggestion', event.data.suggestionId, {})));
    case 'SuggestionAnswered': {
      const submitter = subject.submittedBy;
      if (!submitter) return [];
      return deliverable(facts, actorId, [draft(submitter, 'suggestion-answer', event.data.suggestionId, { message: event.data.response })]);
    }
    default:
      return [];
  }
}

/** An assigned training is a task of its trainee; a meeting's action items are tasks of their owners. */
export function loopNotifications(event: LoopEvent, actorId: string | null, facts: NotifyFacts): NotificationDraft[] {
  const draft = (recipientId: string, kind: NotificationKind, subjectId: string, params: NotificationParams): NotificationDraft => ({ recipientId, kind, subjectId, authorizationId: null, changeId: null, params });
  if (event.type === 'TrainingAssigned') return deliverable(facts, actorId, [draft(event.data.employeeId, 'training', event.data.course, { course: event.data.course, dueAt: event.data.dueAt })]);
  if (event.type === 'MeetingRecorded') {
    const byOwner = new Map<string, string>();
    for (const action of event.data.actions) if (!byOwner.has(action.owner)) byOwner.set(action.owner, action.text);
    return deliverable(facts, actorId, [...byOwner].map(([owner, text]) => draft(owner, 'meeting-action', event.data.meetingId, { text })));
  }
  return [];
}

/** A started access review: one notification per reviewer (items without one go to every manager), never the grantee. */
export function accessReviewNotifications(event: AccessReviewEvent, actorId: string | null, facts: NotifyFacts): NotificationDraft[] {
  if (event.type !== 'AccessReviewStarted') return [];
  const { accessReviewId, title, dueAt, items } = event.data;
  const byReviewer = new Map<string, number>();
  for (const item of items) {
    for (const reviewer of item.reviewerId === null ? withRole(facts, 'manager') : [item.reviewerId]) {
      if (reviewer !== item.employeeId) byReviewer.set(reviewer, (byReviewer.get(reviewer) ?? 0) + 1);
    }
  }
  return deliverable(
    facts,
    actorId,
    [...byReviewer].map(([recipientId, count]) => ({ recipientId, kind: 'access-review', subjectId: accessReviewId, authorizationId: null, changeId: null, params: { title, count, dueAt } })),
  );
}

/** What to remember of a supervision event for its later ones (the reporter, the submitter). */
export function rememberSubject(event: SupervisionEvent, subject: SubjectFacts): SubjectFacts | null {
  if (event.type === 'ViolationReported') {
    return { ...subject, subjectEmployeeId: event.data.subjectEmployeeId, reporterEmployeeId: event.data.reporter.kind === 'employee' ? (event.data.reporter.employeeId ?? event.data.reportedBy) : null };
  }
  if (event.type === 'SuggestionSubmitted') return { ...subject, submittedBy: event.data.submittedBy };
  return null;
}

/** The stream key a supervision event's subject is remembered under. */
export function subjectKeyOf(event: SupervisionEvent): string | null {
  const data = event.data as { readonly reportId?: string; readonly suggestionId?: string };
  if (data.reportId !== undefined) return `report:${data.reportId}`;
  if (data.suggestionId !== undefined) return `suggestion:${data.suggestionId}`;
  return null;
}

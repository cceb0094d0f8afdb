/**
 * The worklist (SPEC §11): every open task of the caller, from a table of task sources. A kind is
 * one entry of TASK_SOURCES: a query over its read model answering the caller's items. The workflow's
 * five kinds come from the authorization inbox (`../authorization/inbox.projection.ts`); the others
 * from the record kinds (`./record-kinds.ts`). Add a kind by adding a source.
 */
import type { Act } from '../../../domain/src/authorization/authorization.state.js';
import { ensureSeparatedActs } from '../../../domain/src/authorization/separation.js';
import type { Catalogue } from '../../../domain/src/catalogue/catalogue.js';
import { DomainError } from '../../../domain/src/errors.js';
import { finalApprovalReason } from '../../../domain/src/catalogue/final-approval.js';
import type { Role } from '../../../domain/src/ids.js';
import type { SqlClient } from '../../../sql/src/sql-client.port.js';
import type { InboxTaskView, ReadModelQueries } from '../postgres/read-model.queries.js';
import { openAccessReviewsFor } from '../access-review/access-review-list.projection.js';
import { standingInFor } from '../stand-in/stand-ins.projection.js';
import { mayStandInFor } from '../../../domain/src/employee/stand-in.js';
import { recordTable } from './document-projection.js';
import type { EscalationDoc, MeetingDoc, ReportDoc, SuggestionDoc, TrainingDoc } from './record-kinds.js';

export const INBOX_KINDS = ['review', 'approval', 'final-approval', 'notice', 'acknowledgement', 'escalation', 'report', 'access-review', 'suggestion', 'training', 'meeting-action'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export interface InboxItem {
  readonly kind: InboxKind;
  /** The authorization, escalation, report, access review, suggestion, meeting, or the training's course. */
  readonly subjectId: string;
  readonly authorizationId?: string;
  readonly changeId?: string;
  readonly employeeId?: string;
  /** When the task became the caller's. */
  readonly since: string;
  readonly dueAt?: string;
  /** Why it reached the caller, where that is not obvious. */
  readonly reason?: string;
  /** A meeting's action item number. */
  readonly action?: number;
  readonly matter?: string;
  /** The applicant of a workflow task (kept for earlier clients; `employeeId` says the same). */
  readonly applicantId?: string;
  /** A stand-in's task (代理人): the absent employee it is taken for (`reason` says `acting for <id>` too). */
  readonly actingForId?: string;
}

export interface InboxCallerContext {
  readonly id: string;
  readonly role: Role;
  readonly team: string | null;
  /** Holds `authorization.notice.issue` in force (the permission index knows). */
  readonly designee: boolean;
}

/** What the sources read: the read side only (SQL), never the event store. */
export interface TaskSourceDeps {
  readonly sql: SqlClient;
  readonly queries: ReadModelQueries;
  readonly catalogue: Catalogue;
}

export interface TaskSource {
  readonly kinds: readonly InboxKind[];
  readonly tasks: (caller: InboxCallerContext, deps: TaskSourceDeps) => Promise<InboxItem[]>;
}

const docs = async <D>(sql: SqlClient, kind: string, where: string, params: unknown[]): Promise<D[]> =>
  (await sql.query<{ doc: D }>(`SELECT r.doc FROM ${recordTable(kind)} r WHERE ${where}`, params)).rows.map((row) => row.doc);

const HOUR_MS = 3_600_000;
const DEFAULT_STAGE_DUE_HOURS = 48;
const stageHours = (catalogue: Catalogue, matter: string): number => catalogue.matters[matter]?.stageDueHours ?? DEFAULT_STAGE_DUE_HOURS;

/**
 * Deadlines (SPEC §11): a workflow task is due `stageDueHours` after its stage opened (`since`); from
 * twice that on, an approval, final approval or notice shows as overdue to everyone eligible.
 */
function withDeadline(item: InboxItem, catalogue: Catalogue, now: number): InboxItem {
  const opened = Date.parse(item.since);
  if (Number.isNaN(opened) || item.matter === undefined) return item;
  const hours = stageHours(catalogue, item.matter);
  const dueAt = new Date(opened + hours * HOUR_MS).toISOString();
  const overdue = item.kind !== 'acknowledgement' && now >= opened + 2 * hours * HOUR_MS;
  if (!overdue) return { ...item, dueAt };
  return { ...item, dueAt, reason: item.reason === undefined ? `overdue since ${dueAt}` : `${item.reason}; overdue since ${dueAt}` };
}

const STEPS: Readonly<Partial<Record<InboxKind, Act['step']>>> = { review: 'review', approval: 'approval', 'final-approval': 'final-approval', notice: 'notice' };

/**
 * Whether the domain's separation of duties lets `actorId` (standing in for `actingFor`, or in their own
 * right) take the task's step, on the applicant and acts its authorization's row keeps.
 */
function separationAllows(task: InboxTaskView, acts: readonly Act[], actorId: string, actingFor: string | null, step: Act['step']): boolean {
  try {
    ensureSeparatedActs(task.applicantId, acts, { actorId, actingFor, changeId: task.changeId }, step);
    return true;
  } catch (error: unknown) {
    if (error instanceof DomainError && error.code === 'SEPARATION_OF_DUTIES') return false;
    throw error;
  }
}

/**
 * The workflow tasks the caller may take (SPEC §4, §11): each checked by the rule the domain applies
 * when they act (`ensureSeparatedActs`), on the acts the authorization's row keeps (the read side: no
 * stream is read); a task the rule would refuse is no duty of theirs, nor one whose row has no acts yet
 * (projected before they were kept, until the replay reaches it). Acknowledgements are the applicant's own and pass.
 */
function separated<T>(callerId: string, candidates: readonly T[], taskOf: (candidate: T) => { readonly task: InboxTaskView; readonly actingFor: string | null }): T[] {
  return candidates.filter((candidate) => {
    const { task, actingFor } = taskOf(candidate);
    const step = STEPS[task.kind];
    if (step === undefined) return true;
    return task.acts !== null && separationAllows(task, task.acts, callerId, actingFor, step);
  });
}

/** Review, approval, final approval (with the rule that required it), notice, acknowledgement. */
const workflow: TaskSource = {
  kinds: ['review', 'approval', 'final-approval', 'notice', 'acknowledgement'],
  tasks: async (caller, deps) => {
    const { queries, catalogue } = deps;
    const tasks = separated(caller.id, await queries.inbox({ id: caller.id, role: caller.role, team: caller.team }, caller.designee), (task) => ({ task, actingFor: null }));
    const now = Date.now();
    return Promise.all(
      tasks.map(async (task): Promise<InboxItem> => withDeadline(await workflowItem(task, queries, catalogue), catalogue, now)),
    );
  },
};

/** A workflow task as a worklist item: its authorization, change, applicant, matter and since. */
const itemOf = (task: InboxTaskView): InboxItem => ({
    kind: task.kind,
    subjectId: task.authorizationId,
    authorizationId: task.authorizationId,
    ...(task.changeId === null ? {} : { changeId: task.changeId }),
    employeeId: task.applicantId,
    applicantId: task.applicantId,
    matter: task.matter,
    since: task.since,
  });

async function workflowItem(task: InboxTaskView, queries: ReadModelQueries, catalogue: Catalogue): Promise<InboxItem> {
  const item = itemOf(task);
  if (task.kind !== 'final-approval') return item;
  const row = await queries.getAuthorization(task.authorizationId);
  const policy = catalogue.matters[task.matter];
  const scope = row?.pendingChange?.terms.scope ?? row?.terms.scope;
  const reason = policy === undefined || scope === undefined ? null : finalApprovalReason(policy, scope);
  return reason === null ? item : { ...item, reason };
}

/**
 * An escalated review (twice its due time passed): also the reviewer's superior's task, or every
 * manager's where the reviewer has none; not where separation of duties would refuse them, nor for
 * a reviewer the caller stands in for (those come once, from the stand-ins' source).
 */
const escalatedReviews: TaskSource = {
  kinds: ['review'],
  tasks: async (caller, deps) => {
    const { sql, queries, catalogue } = deps;
    // The caller's direct reports; for a manager also every reviewer who has no superior (SPEC §11).
    const { rows } = await sql.query<{ id: string; role: Role; team: string | null }>(
      `SELECT id, role, team FROM rm_employees WHERE (reports_to = $1 OR (reports_to IS NULL AND $2 = 'manager' AND id <> $1)) AND left_at IS NULL`,
      [caller.id, caller.role],
    );
    const now = Date.now();
    // A reviewer the caller stands in for: their reviews come once, as the stand-in's (the domain's decideReview takes that path first).
    const absent = new Set((await standingInFor(sql, caller.id, new Date(now).toISOString())).map((period) => period.employeeId));
    const found: { task: InboxTaskView; item: InboxItem }[] = [];
    for (const reviewer of rows) {
      if (absent.has(reviewer.id) && mayStandInFor(caller.role, reviewer.role)) continue;
      for (const task of await queries.inbox({ id: reviewer.id, role: reviewer.role, team: reviewer.team }, false)) {
        if (task.kind !== 'review') continue;
        const hours = stageHours(catalogue, task.matter);
        const escalatedAt = Date.parse(task.since) + 2 * hours * HOUR_MS;
        if (!(now >= escalatedAt)) continue;
        const dueAt = new Date(Date.parse(task.since) + hours * HOUR_MS).toISOString();
        found.push({
          task,
          item: { ...itemOf(task), since: new Date(escalatedAt).toISOString(), dueAt, reason: `escalated: ${reviewer.id}'s review overdue since ${dueAt}` },
        });
      }
    }
    // The superior acts in their own right (the domain's decideReview): no stand-in.
    return separated(caller.id, found, ({ task }) => ({ task, actingFor: null })).map(({ item }) => item);
  },
};

/** An open escalation: the superior it was raised to, or every manager when there was none. */
const escalations: TaskSource = {
  kinds: ['escalation'],
  tasks: async (caller, { sql }) => {
    const open = await docs<EscalationDoc>(sql, 'escalations', `doc->>'status' = 'open' AND (doc->>'superiorId' = $1 OR (doc->>'superiorId' IS NULL AND $2 = 'manager'))`, [caller.id, caller.role]);
    return open.filter((e) => e.employeeId !== caller.id).map((e) => ({ kind: 'escalation', subjectId: e.id, employeeId: e.employeeId, since: e.raisedAt }));
  },
};

/** A filed report: the subject's superior and every manager (not the subject or reporter); then the investigator until fed back. */
const reports: TaskSource = {
  kinds: ['report'],
  tasks: async (caller, { sql }) => {
    const open = await docs<ReportDoc>(
      sql,
      'reports',
      `(doc->>'status' = 'filed' AND NOT (doc->'excluded' ? $1) AND ($2 = 'manager' OR EXISTS (SELECT 1 FROM rm_employees e WHERE e.id = r.doc->>'subjectEmployeeId' AND e.reports_to = $1)))
       OR (doc->>'status' IN ('investigating', 'concluded') AND doc->>'investigatorId' = $1)`,
      [caller.id, caller.role],
    );
    return open.map((r) => ({ kind: 'report', subjectId: r.id, employeeId: r.subjectEmployeeId, since: r.since }));
  },
};

/** An unanswered suggestion: every manager. */
const suggestions: TaskSource = {
  kinds: ['suggestion'],
  tasks: async (caller, { sql }) => {
    if (caller.role !== 'manager') return [];
    const open = await docs<SuggestionDoc>(sql, 'suggestions', `doc->>'status' = 'open'`, []);
    return open.map((s) => ({ kind: 'suggestion', subjectId: s.id, since: s.submittedAt }));
  },
};

/** An assigned training until the employee completes the course. */
const trainings: TaskSource = {
  kinds: ['training'],
  tasks: async (caller, { sql }) => {
    const open = await docs<TrainingDoc>(sql, 'trainings', `doc->>'employeeId' = $1 AND (doc->>'open')::boolean`, [caller.id]);
    return open.map((t) => ({ kind: 'training', subjectId: t.course, employeeId: t.employeeId, since: t.assignedAt ?? '', ...(t.dueAt === null ? {} : { dueAt: t.dueAt }) }));
  },
};

/** A meeting's action item, in its owner's worklist until completed. */
const meetingActions: TaskSource = {
  kinds: ['meeting-action'],
  tasks: async (caller, { sql }) => {
    const meetings = await docs<MeetingDoc>(sql, 'meetings', `EXISTS (SELECT 1 FROM jsonb_array_elements(doc->'actions') a WHERE a->>'owner' = $1 AND a->>'completedAt' IS NULL)`, [caller.id]);
    return meetings.flatMap((m) =>
      m.actions
        .filter((a) => a.owner === caller.id && a.completedAt === null)
        .map((a): InboxItem => ({ kind: 'meeting-action', subjectId: m.id, action: a.n, since: m.recordedAt, dueAt: a.dueAt, reason: a.text })),
    );
  },
};

/** An undecided item of an open campaign: its reviewer's, or every manager's for a grantee without a superior (never the grantee's). */
const accessReviews: TaskSource = {
  kinds: ['access-review'],
  tasks: async (caller, { sql }) =>
    (await openAccessReviewsFor(sql, caller)).flatMap((review) =>
      review.items
        .filter((item) => item.outcome === null && item.employeeId !== caller.id && (item.reviewerId === caller.id || (item.reviewerId === null && caller.role === 'manager')))
        .map((item): InboxItem => ({ kind: 'access-review', subjectId: review.id, authorizationId: item.authorizationId, employeeId: item.employeeId, since: review.startedAt, dueAt: review.dueAt })),
    ),
};

/**
 * While a stand-in period runs, the absent person's review, approval, final-approval and notice tasks
 * are also the stand-in's (`actingForId: S01`, `reason: acting for S01`, `since` when they reached the stand-in); not
 * again when the task is already theirs in their own right, and never one separation of duties would
 * refuse them (their own application, one they or the absent person already acted on…).
 */
const standIns: TaskSource = {
  kinds: ['review', 'approval', 'final-approval', 'notice'],
  tasks: async (caller, { sql, queries, catalogue }) => {
    const absent = await standingInFor(sql, caller.id, new Date().toISOString());
    if (absent.length === 0) return [];
    const own = new Set((await queries.inbox({ id: caller.id, role: caller.role, team: caller.team }, caller.designee)).map((t) => `${t.authorizationId}:${t.kind}`));
    const candidates: { key: string; task: InboxTaskView; actingFor: string; item: InboxItem }[] = [];
    for (const period of absent) {
      const person = await queries.getEmployee(period.employeeId);
      if (person === null || person.leftAt !== null || !mayStandInFor(caller.role, person.role)) continue;
      for (const task of await queries.inbox({ id: person.id, role: person.role, team: person.team }, false)) {
        const key = `${task.authorizationId}:${task.kind}`;
        if (task.kind === 'acknowledgement' || own.has(key)) continue;
        const item = { ...itemOf(task), since: task.since > period.from ? task.since : period.from, reason: `acting for ${person.id}`, actingForId: person.id };
        candidates.push({ key, task, actingFor: person.id, item });
      }
    }
    // Separation of duties as the domain applies it to a stand-in's act (its own application, a second act
    // on one application…), for each absent person; then a task once, for the first who may pass it on.
    const allowed = separated(caller.id, candidates, ({ task, actingFor }) => ({ task, actingFor }));
    const found = new Map<string, InboxItem>();
    for (const { key, item } of allowed) if (!found.has(key)) found.set(key, item);
    const now = Date.now();
    return [...found.values()].map((item) => withDeadline(item, catalogue, now));
  },
};

/** Every kind of the worklist (SPEC §11), one source each. */
export const TASK_SOURCES: readonly TaskSource[] = [workflow, escalations, reports, suggestions, trainings, meetingActions, accessReviews, standIns, escalatedReviews];

const orderOf = (item: InboxItem): string => `${item.since}\u0000${item.kind}\u0000${item.subjectId}\u0000${item.action ?? ''}`;

/** All the caller's tasks of every source, oldest first. */
export async function worklist(caller: InboxCallerContext, deps: TaskSourceDeps, sources: readonly TaskSource[] = TASK_SOURCES): Promise<InboxItem[]> {
  const all = (await Promise.all(sources.map((source) => source.tasks(caller, deps)))).flat();
  return all.sort((a, b) => (orderOf(a) < orderOf(b) ? -1 : orderOf(a) > orderOf(b) ? 1 : 0));
}

/** The page after `after` (the last item's order key), and the key of its last item when more follow. */
export function worklistPage(items: readonly InboxItem[], after: string | null, limit: number): { readonly items: InboxItem[]; readonly next: string | null } {
  const rest = after === null ? items : items.filter((item) => orderOf(item) > after);
  const page = rest.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page, next: rest.length > limit && last !== undefined ? orderOf(last) : null };
}

export function countByKind(items: readonly InboxItem[]): { readonly total: number; readonly byKind: Readonly<Record<string, number>> } {
  const byKind: Record<string, number> = Object.fromEntries(INBOX_KINDS.map((k) => [k, 0]));
  for (const item of items) byKind[item.kind] = (byKind[item.kind] ?? 0) + 1;
  return { total: items.length, byKind };
}

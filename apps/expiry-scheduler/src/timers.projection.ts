/**
 * The scheduler's second due-date model (SPEC §11): one timer per thing that falls due without an
 * event of its own — an access review's `dueAt`, a stand-in period's `until`, a workflow stage's
 * reminder (at `stageDueHours`) and escalation (at twice it). Pure `evolve` over decoded events;
 * the store in `timers.store.ts`.
 */
import { decodeEvent, type DeadlineStage, type KnownEvent, type WorkflowStage } from '../../../libs/domain/src/index.js';
import type { RecordedEvent } from '../../../libs/event-store/src/event-store.port.js';

export type TimerKind = 'access-review-close' | 'stand-in-end' | 'approval-reminder' | 'approval-escalation';

export interface TimerRow {
  /** `access-review:{id}`, `stand-in:{employeeId}:{standInId}` or `stage:{authorizationId}`. */
  readonly key: string;
  readonly kind: TimerKind;
  /** ISO instant it falls due; null: nothing pending. */
  readonly dueAt: string | null;
  /** What the command needs: the stream's id, the stand-in, the open stage. */
  readonly subject: string;
  readonly standInId: string | null;
  readonly untils: readonly string[];
  readonly stage: DeadlineStage | null;
  readonly changeId: string | null;
  readonly openedAt: string | null;
  readonly matter: string | null;
}

const HOUR_MS = 3_600_000;
const STAGE_OF: Record<WorkflowStage, DeadlineStage> = {
  pending_review: 'review',
  pending_approval: 'approval',
  pending_final_approval: 'final-approval',
  pending_notice: 'notice',
  pending_acknowledgement: 'acknowledgement',
};

/** Hours a stage of `matter` may stay open (the catalogue's `stageDueHours`, default 48). */
export type DueHours = (matter: string) => number;

const occurredAt = (event: RecordedEvent): string | null => (typeof event.metadata['occurredAt'] === 'string' ? event.metadata['occurredAt'] : null);
const plus = (instant: string, hours: number): string => new Date(Date.parse(instant) + hours * HOUR_MS).toISOString();
const earliest = (untils: readonly string[]): string | null => [...untils].sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;

const empty = (key: string, kind: TimerKind, subject: string): TimerRow => ({
  key, kind, dueAt: null, subject, standInId: null, untils: [], stage: null, changeId: null, openedAt: null, matter: null,
});

/** The row an event touches, when it is one the timers care about. */
export function timerKeyOf(event: KnownEvent): string | undefined {
  switch (event.type) {
    case 'AccessReviewStarted':
    case 'AccessReviewClosed':
      return `access-review:${event.data.accessReviewId}`;
    case 'StandInAppointed':
    case 'StandInEnded':
      return `stand-in:${event.data.employeeId}:${event.data.standInId}`;
    case 'AuthorizationApplied':
    case 'InitialReviewPassed':
    case 'InitialReviewRejected':
    case 'ManagerApproved':
    case 'ManagerRejected':
    case 'ExecutiveApproved':
    case 'ExecutiveRejected':
    case 'NoticeIssued':
    case 'NoticeAcknowledged':
    case 'ChangeApplied':
    case 'ApprovalReminderIssued':
    case 'ApprovalEscalated':
    case 'AuthorizationExpired':
    case 'AuthorizationCompleted':
    case 'AuthorizationRevoked':
    case 'ApplicationWithdrawn':
      return `stage:${event.data.authorizationId}`;
    default:
      return undefined;
  }
}

/** A stage opened at `at`: its reminder falls due `hours` later. */
function opened(row: TimerRow, stage: WorkflowStage, changeId: string | undefined, at: string | null, matter: string | null, hours: DueHours): TimerRow {
  const m = matter ?? row.matter;
  if (at === null || m === null) return { ...row, kind: 'approval-reminder', dueAt: null, stage: STAGE_OF[stage], changeId: changeId ?? null, openedAt: null, matter: m };
  return { ...row, kind: 'approval-reminder', dueAt: plus(at, hours(m)), stage: STAGE_OF[stage], changeId: changeId ?? null, openedAt: at, matter: m };
}
const closed = (row: TimerRow): TimerRow => ({ ...row, dueAt: null, stage: null, changeId: null, openedAt: null });
/** A rejection or ending of a change leaves no stage open; of the application, nothing at all. */
const sameChange = (row: TimerRow, changeId: string | undefined): boolean => (row.changeId ?? undefined) === changeId;

function evolveStage(row: TimerRow, event: KnownEvent, at: string | null, hours: DueHours): TimerRow {
  switch (event.type) {
    case 'AuthorizationApplied':
      return opened(row, event.data.initialReviewRequired ? 'pending_review' : 'pending_approval', undefined, at, event.data.matter, hours);
    case 'ChangeApplied':
      return opened(row, event.data.initialReviewRequired ? 'pending_review' : 'pending_approval', event.data.changeId, at, null, hours);
    case 'InitialReviewPassed':
      return sameChange(row, event.data.changeId) ? opened(row, 'pending_approval', event.data.changeId, at, null, hours) : row;
    case 'ManagerApproved':
      return sameChange(row, event.data.changeId) ? opened(row, event.data.finalApprovalRequired ? 'pending_final_approval' : 'pending_notice', event.data.changeId, at, null, hours) : row;
    case 'ExecutiveApproved':
      return sameChange(row, event.data.changeId) ? opened(row, 'pending_notice', event.data.changeId, at, null, hours) : row;
    case 'NoticeIssued':
      return sameChange(row, event.data.changeId) ? opened(row, 'pending_acknowledgement', event.data.changeId, at, null, hours) : row;
    case 'InitialReviewRejected':
    case 'ManagerRejected':
    case 'ExecutiveRejected':
    case 'NoticeAcknowledged':
      return sameChange(row, event.data.changeId) ? closed(row) : row;
    case 'ApprovalReminderIssued': {
      if (!sameChange(row, event.data.changeId) || row.stage !== event.data.stage || row.openedAt === null || row.matter === null) return row;
      // The escalation follows at twice the due time; an acknowledgement never escalates.
      return event.data.stage === 'acknowledgement' ? { ...row, dueAt: null } : { ...row, kind: 'approval-escalation', dueAt: plus(row.openedAt, 2 * hours(row.matter)) };
    }
    case 'ApprovalEscalated':
      return sameChange(row, event.data.changeId) && row.stage === event.data.stage ? { ...row, dueAt: null } : row;
    case 'AuthorizationExpired':
    case 'AuthorizationCompleted':
    case 'AuthorizationRevoked':
    case 'ApplicationWithdrawn':
      return closed(row);
    default:
      return row;
  }
}

/** Folds one stored event into its timer row (null: none yet). Never throws. */
export function evolveTimer(row: TimerRow | null, stored: RecordedEvent, hours: DueHours): TimerRow | null {
  const event = decodeEvent(stored);
  const key = event === null ? undefined : timerKeyOf(event);
  if (event === null || key === undefined) return row;
  switch (event.type) {
    case 'AccessReviewStarted':
      return row ?? { ...empty(key, 'access-review-close', event.data.accessReviewId), dueAt: event.data.dueAt };
    case 'AccessReviewClosed':
      return row === null ? null : { ...row, dueAt: null };
    case 'StandInAppointed': {
      const base = row ?? { ...empty(key, 'stand-in-end', event.data.employeeId), standInId: event.data.standInId };
      const untils = [...base.untils, event.data.until];
      return { ...base, untils, dueAt: earliest(untils) };
    }
    case 'StandInEnded': {
      if (row === null) return null;
      const endedAt = Date.parse(event.data.endedAt);
      const untils = event.data.cause === 'withdrawn' ? [] : row.untils.filter((until) => Date.parse(until) > endedAt);
      return { ...row, untils, dueAt: earliest(untils) };
    }
    default: {
      const base = row ?? empty(key, 'approval-reminder', key.slice('stage:'.length));
      return evolveStage(base, event, occurredAt(stored), hours);
    }
  }
}

/**
 * What the scheduler does when a timer falls due (SPEC §11): close an access review (defaults,
 * results) and revoke what it revoked, end a stand-in period, remind or escalate a workflow stage.
 * Every command id is derived from the timer, so instances racing each other, or a retry after a
 * crash, write each event once.
 */
import {
  type AccessReviewCommand,
  type AuthorizationCommand,
  type EmployeeCommand,
  accessReviewDecider,
  accessReviewRevocationKey,
  accessReviewRevocationReason,
  accessReviewStream,
  authorizationDecider,
  authorizationStream,
  DomainError,
  employeeDecider,
  employeeStream,
  foldStored,
  toSnapshot,
} from '../../../libs/domain/src/index.js';
import type { EventMetadataLike, EventStore } from '../../../libs/event-store/src/event-store.port.js';
import { handleCommand } from '../../../libs/event-store/src/handle-command.js';
import type { DueHours, TimerRow } from './timers.projection.js';

export interface TimerContext {
  readonly store: EventStore;
  readonly hours: DueHours;
  readonly metadata: (commandId: string, now: Date) => EventMetadataLike;
}

/** `acted`: this call wrote events; `nothing`: there was nothing (left) to do. */
export type TimerOutcome = 'acted' | 'nothing';

export async function fireTimer(row: TimerRow, now: Date, context: TimerContext): Promise<TimerOutcome> {
  switch (row.kind) {
    case 'access-review-close':
      return closeAccessReview(row.subject, now, context);
    case 'stand-in-end':
      return endStandIn(row, now, context);
    case 'approval-reminder':
    case 'approval-escalation':
      return stageDeadline(row, now, context);
    default: {
      const _exhaustive: never = row.kind;
      return _exhaustive;
    }
  }
}

const send = async <C, E extends { readonly type: string; readonly data: unknown }, S>(
  context: TimerContext,
  stream: string,
  decider: Parameters<typeof handleCommand<S, C, E>>[2],
  command: C,
  commandId: string,
  now: Date,
): Promise<{ readonly acted: boolean; readonly state: S }> => {
  const result = await handleCommand(context.store, stream, decider, command, { commandId, metadata: () => context.metadata(commandId, now) });
  return { acted: result.events.length > 0 && !result.duplicate, state: result.newState };
};

async function closeAccessReview(id: string, now: Date, context: TimerContext): Promise<TimerOutcome> {
  const command: AccessReviewCommand = { type: 'CloseAccessReview', data: { now: now.toISOString() } };
  const { acted, state } = await send(context, accessReviewStream(id), accessReviewDecider, command, `close-access-review:${id}`, now);
  if (state.status !== 'closed') return acted ? 'acted' : 'nothing';
  // Every revoke outcome, the reviewers' included: one the API could not write is written now.
  for (const item of state.items.values()) {
    if (item.outcome !== 'revoked' && item.outcome !== 'revoked-by-default') continue;
    const grantee = toSnapshot(foldStored(employeeDecider, await context.store.readStream(employeeStream(item.employeeId))));
    if (grantee === null) continue;
    const revoke: AuthorizationCommand = {
      type: 'RevokeAuthorization',
      data: {
        actor: { kind: 'system', id: `access-review:${id}` },
        grantee,
        reason: accessReviewRevocationReason(state.review.title, id, null),
        cause: 'access-review',
        now: now.toISOString(),
      },
    };
    try {
      await send(context, authorizationStream(item.authorizationId), authorizationDecider, revoke, accessReviewRevocationKey(id, item.authorizationId), now);
    } catch (error: unknown) {
      // No longer active (revoked at once by the reviewer, expired, completed): nothing to revoke.
      if (!(error instanceof DomainError && error.code === 'INVALID_TRANSITION')) throw error;
    }
  }
  return acted ? 'acted' : 'nothing';
}

async function endStandIn(row: TimerRow, now: Date, context: TimerContext): Promise<TimerOutcome> {
  if (row.standInId === null || row.dueAt === null) return 'nothing';
  const command: EmployeeCommand = { type: 'EndStandIn', data: { employeeId: row.subject, standInId: row.standInId, actor: { kind: 'system', id: 'expiry-scheduler' }, now: now.toISOString() } };
  const { acted } = await send(context, employeeStream(row.subject), employeeDecider, command, `stand-in-end:${row.subject}:${row.standInId}:${row.dueAt}`, now);
  return acted ? 'acted' : 'nothing';
}

async function stageDeadline(row: TimerRow, now: Date, context: TimerContext): Promise<TimerOutcome> {
  if (row.matter === null || row.openedAt === null || row.stage === null) return 'nothing';
  const stageDueHours = context.hours(row.matter);
  const data = { stageDueHours, now: now.toISOString() };
  const command: AuthorizationCommand = row.kind === 'approval-escalation' ? { type: 'EscalateApproval', data } : { type: 'IssueApprovalReminder', data };
  const commandId = `${row.kind}:${row.subject}:${row.changeId ?? ''}:${row.stage}:${row.openedAt}`;
  const { acted } = await send(context, authorizationStream(row.subject), authorizationDecider, command, commandId, now);
  return acted ? 'acted' : 'nothing';
}

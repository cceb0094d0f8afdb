import type { EscalateApproval, IssueApprovalReminder } from '../commands.js';
import type { AuthorizationEvent, DeadlineStage } from '../events.js';
import { parseInstant } from '../instant.js';
import { type AuthorizationState, type OpenStep, type WorkflowStage, openStep } from './authorization.state.js';

const HOUR_MS = 3_600_000;
const STAGES: Record<WorkflowStage, DeadlineStage> = {
  pending_review: 'review',
  pending_approval: 'approval',
  pending_final_approval: 'final-approval',
  pending_notice: 'notice',
  pending_acknowledgement: 'acknowledgement',
};

interface Due {
  readonly step: OpenStep;
  readonly stage: DeadlineStage;
  readonly dueAt: number;
  readonly now: number;
}

/** The open stage and its due instant, when it has a clock (its opening event's time) and `hours` is positive. */
function due(state: AuthorizationState, hours: number, now: string): Due | null {
  const step = openStep(state);
  const at = parseInstant(now);
  const openedAt = step?.record.stageOpenedAt ? parseInstant(step.record.stageOpenedAt) : null;
  if (!step || at === null || openedAt === null || !(Number.isFinite(hours) && hours > 0)) return null;
  return { step, stage: STAGES[step.stage], dueAt: openedAt + hours * HOUR_MS, now: at };
}

const ofStep = (state: AuthorizationState, step: OpenStep) => ({ authorizationId: state.status === 'initial' ? '' : state.id, ...(step.changeId ? { changeId: step.changeId } : {}) });

/** Once per stage at its due time (the applicant's acknowledgement included). */
export function decideApprovalReminder(command: IssueApprovalReminder, state: AuthorizationState): AuthorizationEvent[] {
  const open = due(state, command.data.stageDueHours, command.data.now);
  if (!open || open.step.record.stageReminded === true || open.now < open.dueAt) return [];
  const dueAt = new Date(open.dueAt).toISOString();
  return [{ type: 'ApprovalReminderIssued', data: { ...ofStep(state, open.step), stage: open.stage, dueAt, remindedAt: command.data.now } }];
}

/** At twice the due time, once; an acknowledgement never escalates. */
export function decideEscalation(command: EscalateApproval, state: AuthorizationState): AuthorizationEvent[] {
  const hours = command.data.stageDueHours;
  const open = due(state, hours, command.data.now);
  if (!open || open.stage === 'acknowledgement' || open.step.record.stageEscalated === true) return [];
  if (open.now < open.dueAt + hours * HOUR_MS) return [];
  const dueAt = new Date(open.dueAt).toISOString();
  return [{ type: 'ApprovalEscalated', data: { ...ofStep(state, open.step), stage: open.stage, dueAt, escalatedAt: command.data.now } }];
}

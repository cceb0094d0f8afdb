/** The violation report (`report-{id}`): filed → investigating → concluded → notified. */
import type { Decider } from '../decider.js';
import { DomainError } from '../errors.js';
import type { ConcludeReport, FileReport, NotifyReporter, ReportCommand, StartInvestigation } from './supervision.commands.js';
import { SupervisionError } from './supervision-errors.js';
import { alreadyExists, ensureActive, ensureSuperiorOrManager, invalidTransition, requireText } from './supervision-rules.js';
import type { ReportConcluded, ReportEvent, ViolationReported } from './supervision.events.js';
import { reportStreamEvents } from '../codec/event-codec.js';
import { consequencesOfReport } from './consequences.js';
import type { ConsequenceEvent } from './loops.events.js';

/** A report's stream: its own events and the consequences its conclusion decided. */
export type ReportStreamEvent = ReportEvent | ConsequenceEvent;

type Filed = ViolationReported['data'];
type Conclusion = Omit<ReportConcluded['data'], 'reportId' | 'investigatorId'>;

export type ReportState =
  | { readonly status: 'none' }
  | { readonly status: 'filed'; readonly report: Filed }
  | { readonly status: 'investigating'; readonly report: Filed; readonly investigatorId: string }
  | { readonly status: 'concluded'; readonly report: Filed; readonly investigatorId: string; readonly conclusion: Conclusion }
  | { readonly status: 'notified'; readonly report: Filed; readonly investigatorId: string; readonly conclusion: Conclusion; readonly message: string };
export type ReportStatus = ReportState['status'];
export const REPORT_STATUSES = ['filed', 'investigating', 'concluded', 'notified'] as const;

export const initialState = (): ReportState => ({ status: 'none' });

export function evolve(state: ReportState, event: ReportStreamEvent): ReportState {
  switch (event.type) {
    case 'TrainingAssigned':
    case 'WarningRecorded':
      return state;
    case 'ViolationReported':
      return { status: 'filed', report: event.data };
    case 'InvestigationStarted':
      return state.status === 'filed' ? { status: 'investigating', report: state.report, investigatorId: event.data.investigatorId } : state;
    case 'ReportConcluded': {
      if (state.status !== 'investigating') return state;
      const { finding, summary, actions } = event.data;
      return { ...state, status: 'concluded', conclusion: { finding, summary, actions } };
    }
    case 'ReporterNotified':
      return state.status === 'concluded' ? { ...state, status: 'notified', message: event.data.message } : state;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function file(command: FileReport, state: ReportState): ReportEvent[] {
  if (state.status !== 'none') throw alreadyExists(`report ${command.data.reportId}`);
  const { reportId, filer, subject, authorization, category, description, reporter } = command.data;
  if (filer.kind === 'employee') ensureActive(filer.employee);
  if (filer.kind === 'service' && reporter.kind !== 'customer') throw new SupervisionError('REPORTER_INVALID', 'services file reports on behalf of customers only');
  if (authorization !== null && authorization.applicantId !== subject.employeeId) {
    throw new SupervisionError('AUTHORIZATION_NOT_OF_SUBJECT', `authorization ${authorization.id} is not ${subject.employeeId}'s`);
  }
  requireText(description, 'description');
  const reportedBy = filer.kind === 'employee' ? filer.employee.employeeId : filer.id;
  const employeeId = reporter.kind === 'employee' && filer.kind === 'employee' ? { employeeId: filer.employee.employeeId } : {};
  const contact = reporter.contact !== undefined ? { contact: reporter.contact } : {};
  return [
    {
      type: 'ViolationReported',
      data: { reportId, subjectEmployeeId: subject.employeeId, authorizationId: authorization?.id ?? null, category, description, reporter: { kind: reporter.kind, ...employeeId, ...contact }, reportedBy },
    },
  ];
}

function investigate(command: StartInvestigation, state: ReportState): ReportEvent[] {
  if (state.status !== 'filed') throw invalidTransition(command.type, state.status);
  const { actor, subject } = command.data;
  ensureActive(actor);
  if (actor.employeeId === state.report.reporter.employeeId || actor.employeeId === state.report.reportedBy) {
    throw new DomainError('SEPARATION_OF_DUTIES', 'the reporter does not investigate their own report');
  }
  ensureSuperiorOrManager(actor, subject, 'investigates a report');
  return [{ type: 'InvestigationStarted', data: { reportId: state.report.reportId, investigatorId: actor.employeeId } }];
}

function ensureInvestigator(state: { readonly investigatorId: string }, actorId: string): void {
  if (actorId !== state.investigatorId) throw new SupervisionError('NOT_INVESTIGATOR', 'only the investigator may do this');
}

function conclude(command: ConcludeReport, state: ReportState): ReportStreamEvent[] {
  if (state.status !== 'investigating') throw invalidTransition(command.type, state.status);
  const { actor, finding, summary, actions, grantees } = command.data;
  ensureInvestigator(state, actor.employeeId);
  requireText(summary, 'summary');
  if (finding === 'dismissed' && actions.length > 0) throw new SupervisionError('ACTIONS_INVALID', 'a dismissed report carries no actions');
  for (const action of actions) {
    if (action.type === 'revoke' && grantees[action.authorizationId] !== state.report.subjectEmployeeId) {
      throw new SupervisionError('AUTHORIZATION_NOT_OF_SUBJECT', `authorization ${action.authorizationId} is not ${state.report.subjectEmployeeId}'s`);
    }
  }
  const concluded: ReportEvent = { type: 'ReportConcluded', data: { reportId: state.report.reportId, investigatorId: actor.employeeId, finding, summary, actions } };
  return [concluded, ...consequencesOfReport(state.report, actor.employeeId, command.data)];
}

function notify(command: NotifyReporter, state: ReportState): ReportEvent[] {
  if (state.status !== 'concluded') throw invalidTransition(command.type, state.status);
  ensureInvestigator(state, command.data.actor.employeeId);
  requireText(command.data.message, 'message');
  return [{ type: 'ReporterNotified', data: { reportId: state.report.reportId, message: command.data.message, notifiedBy: command.data.actor.employeeId } }];
}

export function decide(command: ReportCommand, state: ReportState): ReportStreamEvent[] {
  switch (command.type) {
    case 'FileReport':
      return file(command, state);
    case 'StartInvestigation':
      return investigate(command, state);
    case 'ConcludeReport':
      return conclude(command, state);
    case 'NotifyReporter':
      return notify(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const reportDecider: Decider<ReportCommand, ReportStreamEvent, ReportState> = { initialState, evolve, decide, codec: reportStreamEvents };

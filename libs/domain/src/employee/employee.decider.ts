/** The employee aggregate (`employee-{id}`): directory entry, trainings and departure. */
import type {
  AppointStandIn,
  EmployeeCommand,
  EmployeeSnapshot,
  EndStandIn,
  RecordDeparture,
  RecordTraining,
  RegisterEmployee,
  StandInPeriod,
  UpdateEmployee,
} from '../commands.js';
import type { Decider } from '../decider.js';
import { DomainError } from '../errors.js';
import type { EmployeeEvent, EmployeeProfile, EmployeeUpdated } from '../events.js';
import { employeeEvents } from '../codec/event-codec.js';
import { mayStandInFor, validatePeriod } from './stand-in.js';
import { parseInstant } from '../instant.js';

export type EmployeeState =
  | { readonly status: 'unregistered' }
  | { readonly status: 'registered'; readonly profile: EmployeeProfile; readonly trainings: readonly string[]; readonly standIns: readonly StandInPeriod[] }
  | {
      readonly status: 'left';
      readonly profile: EmployeeProfile;
      readonly trainings: readonly string[];
      readonly standIns: readonly StandInPeriod[];
      readonly leftAt: string;
      readonly reason: string | null;
    };

type Known = Exclude<EmployeeState, { status: 'unregistered' }>;
type ProfileField = EmployeeUpdated['data']['changed'][number];
const PROFILE_FIELDS: readonly ProfileField[] = ['name', 'role', 'team', 'reportsTo', 'department'];

export const initialState = (): EmployeeState => ({ status: 'unregistered' });

export function evolve(state: EmployeeState, event: EmployeeEvent): EmployeeState {
  switch (event.type) {
    case 'EmployeeRegistered':
      return { status: 'registered', profile: { ...event.data }, trainings: [], standIns: [] };
    case 'EmployeeUpdated': {
      if (state.status === 'unregistered') return state;
      const { changed: _changed, previousRole: _previousRole, ...profile } = event.data;
      return { ...state, profile };
    }
    case 'EmployeeLeft':
      return state.status === 'registered' ? { ...state, status: 'left', leftAt: event.data.leftAt, reason: event.data.reason } : state;
    case 'TrainingCompleted':
      if (state.status === 'unregistered' || state.trainings.includes(event.data.course)) return state;
      return { ...state, trainings: [...state.trainings, event.data.course] };
    case 'StandInAppointed': {
      if (state.status === 'unregistered') return state;
      const { standInId, from, until, reason } = event.data;
      return { ...state, standIns: [...state.standIns, { standInId, from, until, reason }] };
    }
    case 'StandInEnded':
      if (state.status === 'unregistered') return state;
      return { ...state, standIns: state.standIns.filter((period) => period.standInId !== event.data.standInId || !periodEnded(period, event.data)) };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function known(state: EmployeeState, employeeId: string): Known {
  if (state.status === 'unregistered') throw new DomainError('INVALID_TRANSITION', `employee ${employeeId} is not registered`);
  return state;
}

function ensureNotSelf(employeeId: string, reportsTo: string | null | undefined): void {
  if (reportsTo === employeeId) throw new DomainError('REPORTS_TO_INVALID', 'an employee cannot report to themself', { reportsTo: 'self' });
}

function register(command: RegisterEmployee, state: EmployeeState): EmployeeEvent[] {
  if (state.status !== 'unregistered') throw new DomainError('ALREADY_EXISTS', `employee ${command.data.employeeId} already exists`);
  ensureNotSelf(command.data.employeeId, command.data.reportsTo);
  return [{ type: 'EmployeeRegistered', data: { ...command.data } }];
}

function update(command: UpdateEmployee, state: EmployeeState): EmployeeEvent[] {
  const current = known(state, command.data.employeeId);
  if (current.status === 'left') throw new DomainError('EMPLOYEE_LEFT', `employee ${command.data.employeeId} has left`);
  ensureNotSelf(command.data.employeeId, command.data.reportsTo);
  const before = current.profile;
  const after: EmployeeProfile = {
    employeeId: before.employeeId,
    name: command.data.name ?? before.name,
    role: command.data.role ?? before.role,
    team: command.data.team === undefined ? before.team : command.data.team,
    reportsTo: command.data.reportsTo === undefined ? before.reportsTo : command.data.reportsTo,
    department: command.data.department === undefined ? before.department : command.data.department,
  };
  const changed = PROFILE_FIELDS.filter((field) => after[field] !== before[field]);
  if (changed.length === 0) return [];
  return [{ type: 'EmployeeUpdated', data: { ...after, changed, previousRole: before.role } }];
}

function recordDeparture(command: RecordDeparture, state: EmployeeState): EmployeeEvent[] {
  const current = known(state, command.data.employeeId);
  if (current.status === 'left') return [];
  return [{ type: 'EmployeeLeft', data: { employeeId: command.data.employeeId, reason: command.data.reason, leftAt: command.data.now } }];
}

function recordTraining(command: RecordTraining, state: EmployeeState): EmployeeEvent[] {
  const current = known(state, command.data.employeeId);
  if (current.status === 'left') throw new DomainError('EMPLOYEE_LEFT', `employee ${command.data.employeeId} has left`);
  const { employeeId, course, completedAt, recordedBy } = command.data;
  return [{ type: 'TrainingCompleted', data: { employeeId, course, completedAt, recordedBy } }];
}

/** A withdrawal ends every period of that stand-in; the scheduler's end only the periods over by then. */
const periodEnded = (period: StandInPeriod, ended: { readonly endedAt: string; readonly cause: 'withdrawn' | 'period-ended' }): boolean =>
  ended.cause === 'withdrawn' || (parseInstant(period.until) ?? 0) <= (parseInstant(ended.endedAt) ?? 0);

function ensureSelfOrSuperior(actor: EmployeeSnapshot, profile: EmployeeProfile): void {
  if (actor.employeeId !== profile.employeeId && actor.employeeId !== profile.reportsTo) {
    throw new DomainError('NOT_SELF_OR_SUPERIOR', 'only the employee or their superior names or ends a stand-in');
  }
}

function appointStandIn(command: AppointStandIn, state: EmployeeState): EmployeeEvent[] {
  const { employeeId, actor, standIn, from, until, reason, now } = command.data;
  const current = known(state, employeeId);
  if (current.status === 'left') throw new DomainError('EMPLOYEE_LEFT', `employee ${employeeId} has left`);
  if (actor.left) throw new DomainError('EMPLOYEE_LEFT', `employee ${actor.employeeId} has left`);
  ensureSelfOrSuperior(actor, current.profile);
  if (standIn.employeeId === employeeId) throw new DomainError('STAND_IN_NOT_ELIGIBLE', 'nobody stands in for themself', { standInId: 'self' });
  if (standIn.left) throw new DomainError('STAND_IN_NOT_ELIGIBLE', `${standIn.employeeId} has left`, { standInId: 'left' });
  if (!mayStandInFor(standIn.role, current.profile.role)) {
    throw new DomainError('STAND_IN_NOT_ELIGIBLE', `a ${standIn.role} cannot stand in for a ${current.profile.role}`, { role: standIn.role, for: current.profile.role });
  }
  validatePeriod({ standInId: standIn.employeeId, from, until, reason }, current.standIns, now);
  return [{ type: 'StandInAppointed', data: { employeeId, standInId: standIn.employeeId, from, until, reason, appointedBy: actor.employeeId } }];
}

function endStandIn(command: EndStandIn, state: EmployeeState): EmployeeEvent[] {
  const { employeeId, standInId, actor, now } = command.data;
  const current = known(state, employeeId);
  const periods = current.standIns.filter((period) => period.standInId === standInId);
  if (actor.kind === 'system') {
    const over = periods.some((period) => (parseInstant(period.until) ?? 0) <= (parseInstant(now) ?? 0));
    return over ? [{ type: 'StandInEnded', data: { employeeId, standInId, endedAt: now, endedBy: actor.id, cause: 'period-ended' } }] : [];
  }
  ensureSelfOrSuperior(actor.employee, current.profile);
  if (periods.length === 0) throw new DomainError('INVALID_TRANSITION', `${standInId} is not a stand-in of ${employeeId}`);
  return [{ type: 'StandInEnded', data: { employeeId, standInId, endedAt: now, endedBy: actor.employee.employeeId, cause: 'withdrawn' } }];
}

export function decide(command: EmployeeCommand, state: EmployeeState): EmployeeEvent[] {
  switch (command.type) {
    case 'RegisterEmployee':
      return register(command, state);
    case 'UpdateEmployee':
      return update(command, state);
    case 'RecordDeparture':
      return recordDeparture(command, state);
    case 'RecordTraining':
      return recordTraining(command, state);
    case 'AppointStandIn':
      return appointStandIn(command, state);
    case 'EndStandIn':
      return endStandIn(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const employeeDecider: Decider<EmployeeCommand, EmployeeEvent, EmployeeState> = { initialState, evolve, decide, codec: employeeEvents };

/** The directory entry that authorization commands carry; `null` before registration. */
export function toSnapshot(state: EmployeeState): EmployeeSnapshot | null {
  if (state.status === 'unregistered') return null;
  return { ...state.profile, left: state.status === 'left', trainings: state.trainings, ...(state.standIns.length > 0 ? { standIns: state.standIns } : {}) };
}

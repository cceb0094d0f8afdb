/** The annual training plan (`training-plan-{year}`, 培訓計劃): one per year, its sessions' attendance. */
import type { Decider } from '../decider.js';
import { DomainError } from '../errors.js';
import { trainingPlanEvents } from '../codec/event-codec.js';
import type { PublishTrainingPlan, RecordTrainingAttendance, TrainingPlanCommand } from './loops.commands.js';
import type { PlannedCourse, PlannedSession, TrainingPlanEvent, TrainingPlanPublished } from './loops.events.js';
import { SupervisionError } from './supervision-errors.js';
import { alreadyExists, ensureActive, ensureManager, requireText } from './supervision-rules.js';

export type TrainingPlanState =
  | { readonly status: 'none' }
  | { readonly status: 'published'; readonly plan: TrainingPlanPublished['data']; readonly attendance: Readonly<Record<string, readonly string[]>> };

export const initialState = (): TrainingPlanState => ({ status: 'none' });

export function evolve(state: TrainingPlanState, event: TrainingPlanEvent): TrainingPlanState {
  switch (event.type) {
    case 'TrainingPlanPublished':
      return { status: 'published', plan: event.data, attendance: {} };
    case 'TrainingAttendanceRecorded': {
      if (state.status !== 'published') return state;
      const before = state.attendance[event.data.sessionId] ?? [];
      return { ...state, attendance: { ...state.attendance, [event.data.sessionId]: [...new Set([...before, ...event.data.employeeIds])] } };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export const MIN_PLAN_YEAR = 2000;
export const MAX_PLAN_YEAR = 2100;

function publish(command: PublishTrainingPlan, state: TrainingPlanState): TrainingPlanEvent[] {
  const { year, publisher, courses } = command.data;
  if (state.status !== 'none') throw alreadyExists(`the training plan of ${year}`);
  ensureActive(publisher);
  ensureManager(publisher, 'publishes the training plan');
  if (!Number.isInteger(year) || year < MIN_PLAN_YEAR || year > MAX_PLAN_YEAR) throw new SupervisionError('PLAN_INVALID', `year ${year} is outside ${MIN_PLAN_YEAR}..${MAX_PLAN_YEAR}`);
  const seen = new Set<string>();
  for (const course of courses) {
    requireText(course.title, 'title');
    if (seen.has(course.course)) throw new SupervisionError('PLAN_INVALID', `course ${course.course} is planned twice`);
    seen.add(course.course);
    for (const session of course.sessions) ensureLecturer(session);
  }
  return [{ type: 'TrainingPlanPublished', data: { year, courses, publishedBy: publisher.employeeId } }];
}

function ensureLecturer(session: PlannedSession): void {
  if ((session.lecturerId === null) === (session.lecturer === null)) {
    throw new SupervisionError('PLAN_INVALID', `session ${session.sessionId} names either a lecturerId or a lecturer`);
  }
}

const courseOfSession = (courses: readonly PlannedCourse[], sessionId: string): { course: PlannedCourse; session: PlannedSession } | null => {
  for (const course of courses) for (const session of course.sessions) if (session.sessionId === sessionId) return { course, session };
  return null;
};

function recordAttendance(command: RecordTrainingAttendance, state: TrainingPlanState): TrainingPlanEvent[] {
  if (state.status !== 'published') throw new SupervisionError('SESSION_UNKNOWN', 'no training plan for this year');
  const { sessionId, recorder, employeeIds } = command.data;
  const found = courseOfSession(state.plan.courses, sessionId);
  if (found === null) throw new SupervisionError('SESSION_UNKNOWN', `no session ${sessionId} in the plan of ${state.plan.year}`);
  if (recorder.kind === 'employee') {
    ensureActive(recorder.employee);
    if (recorder.employee.role !== 'manager' && recorder.employee.employeeId !== found.session.lecturerId) {
      throw new DomainError('ROLE_REQUIRED', 'attendance is recorded by the session’s lecturer, a manager or directory:write', { role: 'manager' });
    }
  }
  const already = new Set(state.attendance[sessionId] ?? []);
  const fresh = [...new Set(employeeIds)].filter((id) => !already.has(id));
  if (fresh.length === 0) return [];
  const recordedBy = recorder.kind === 'employee' ? recorder.employee.employeeId : recorder.id;
  return [{ type: 'TrainingAttendanceRecorded', data: { year: state.plan.year, sessionId, course: found.course.course, employeeIds: fresh, recordedBy } }];
}

export function decide(command: TrainingPlanCommand, state: TrainingPlanState): TrainingPlanEvent[] {
  switch (command.type) {
    case 'PublishTrainingPlan':
      return publish(command, state);
    case 'RecordTrainingAttendance':
      return recordAttendance(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const trainingPlanDecider: Decider<TrainingPlanCommand, TrainingPlanEvent, TrainingPlanState> = { initialState, evolve, decide, codec: trainingPlanEvents };

/** A communication meeting (`meeting-{id}`, 溝通會議): recorded once, its action items completed one by one. */
import type { Decider } from '../decider.js';
import { DomainError } from '../errors.js';
import { meetingEvents } from '../codec/event-codec.js';
import type { CompleteMeetingAction, MeetingCommand, RecordMeeting } from './loops.commands.js';
import type { MeetingEvent, MeetingRecorded } from './loops.events.js';
import { SupervisionError } from './supervision-errors.js';
import { alreadyExists, ensureActive, requireText } from './supervision-rules.js';

export type MeetingState =
  | { readonly status: 'none' }
  | { readonly status: 'recorded'; readonly meeting: MeetingRecorded['data']; readonly completed: Readonly<Record<number, string>> };

export const initialState = (): MeetingState => ({ status: 'none' });

export function evolve(state: MeetingState, event: MeetingEvent): MeetingState {
  switch (event.type) {
    case 'MeetingRecorded':
      return { status: 'recorded', meeting: event.data, completed: {} };
    case 'MeetingActionCompleted':
      return state.status === 'recorded' ? { ...state, completed: { ...state.completed, [event.data.n]: event.data.completedBy } } : state;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function record(command: RecordMeeting, state: MeetingState): MeetingEvent[] {
  const { meetingId, recorder, kind, team, heldAt, attendees, minutes, actions } = command.data;
  if (state.status !== 'none') throw alreadyExists(`meeting ${meetingId}`);
  ensureActive(recorder);
  if (recorder.role !== 'manager' && recorder.role !== 'supervisor') {
    throw new DomainError('ROLE_REQUIRED', 'meetings are recorded by a manager or a supervisor', { role: 'manager' });
  }
  requireText(minutes, 'minutes');
  actions.forEach((action) => requireText(action.text, 'text'));
  return [
    {
      type: 'MeetingRecorded',
      data: {
        meetingId,
        kind,
        team,
        heldAt,
        attendees: [...new Set(attendees)],
        minutes,
        actions: actions.map((action, n) => ({ n, owner: action.owner, text: action.text, dueAt: action.dueAt })),
        recordedBy: recorder.employeeId,
      },
    },
  ];
}

function complete(command: CompleteMeetingAction, state: MeetingState): MeetingEvent[] {
  if (state.status !== 'recorded') throw new SupervisionError('ACTION_UNKNOWN', 'no such meeting');
  const { n, actor } = command.data;
  const action = state.meeting.actions.find((a) => a.n === n);
  if (action === undefined) throw new SupervisionError('ACTION_UNKNOWN', `meeting ${state.meeting.meetingId} has no action ${n}`);
  if (actor.employeeId !== action.owner && actor.employeeId !== state.meeting.recordedBy) {
    throw new SupervisionError('NOT_OWNER_OR_RECORDER', 'an action item is completed by its owner or the meeting’s recorder');
  }
  if (state.completed[n] !== undefined) throw new DomainError('INVALID_TRANSITION', `action ${n} is already completed`, { status: 'completed' });
  return [{ type: 'MeetingActionCompleted', data: { meetingId: state.meeting.meetingId, n, completedBy: actor.employeeId } }];
}

export function decide(command: MeetingCommand, state: MeetingState): MeetingEvent[] {
  switch (command.type) {
    case 'RecordMeeting':
      return record(command, state);
    case 'CompleteMeetingAction':
      return complete(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState> = { initialState, evolve, decide, codec: meetingEvents };

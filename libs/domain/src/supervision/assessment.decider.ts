/** An assessment (`assessment-{employeeId}-{period}`): one per employee and period, by a manager. */
import type { Decider } from '../decider.js';
import { DomainError } from '../errors.js';
import type { RecordAssessment } from './supervision.commands.js';
import { alreadyExists, ensureActive, ensureManager, ensurePeriod, ensureScore } from './supervision-rules.js';
import type { AssessmentEvent, AssessmentRecorded } from './supervision.events.js';
import { assessmentStreamEvents } from '../codec/event-codec.js';
import { consequencesOfAssessment } from './consequences.js';
import type { ConsequenceEvent } from './loops.events.js';

/** An assessment's stream: the assessment and the consequences it decided. */
export type AssessmentStreamEvent = AssessmentEvent | ConsequenceEvent;

export type AssessmentState = { readonly status: 'none' } | { readonly status: 'recorded'; readonly assessment: AssessmentRecorded['data'] };

export const initialState = (): AssessmentState => ({ status: 'none' });

export const evolve = (state: AssessmentState, event: AssessmentStreamEvent): AssessmentState =>
  event.type === 'AssessmentRecorded' ? { status: 'recorded', assessment: event.data } : state;

export function decide(command: RecordAssessment, state: AssessmentState): AssessmentStreamEvent[] {
  const { assessor, employee, period, teamworkScore, result, consequences, notes } = command.data;
  if (state.status !== 'none') throw alreadyExists(`the assessment of ${employee.employeeId} for ${period}`);
  ensureActive(assessor);
  ensureManager(assessor, 'assesses staff');
  if (assessor.employeeId === employee.employeeId) throw new DomainError('SEPARATION_OF_DUTIES', 'nobody assesses themself');
  ensurePeriod(period);
  ensureScore(teamworkScore, 'teamworkScore');
  const recorded: AssessmentRecorded = {
    type: 'AssessmentRecorded',
    data: { employeeId: employee.employeeId, period, teamworkScore, result, consequences: [...new Set(consequences)], notes, assessorId: assessor.employeeId },
  };
  return [recorded, ...consequencesOfAssessment(recorded.data, command.data.now)];
}

export const assessmentDecider: Decider<RecordAssessment, AssessmentStreamEvent, AssessmentState> = { initialState, evolve, decide, codec: assessmentStreamEvents };

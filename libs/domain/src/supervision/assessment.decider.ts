/** An assessment (`assessment-{employeeId}-{period}`): one per employee and period, by a manager. */
import type { Decider } from '../decider.js';
import { DomainError } from '../errors.js';
import type { RecordAssessment } from './supervision.commands.js';
import { alreadyExists, ensureActive, ensureManager, ensurePeriod, ensureScore } from './supervision-rules.js';
import type { AssessmentEvent, AssessmentRecorded } from './supervision.events.js';
import { assessmentEvents } from '../codec/event-codec.js';

export type AssessmentState = { readonly status: 'none' } | { readonly status: 'recorded'; readonly assessment: AssessmentRecorded['data'] };

export const initialState = (): AssessmentState => ({ status: 'none' });

export const evolve = (_state: AssessmentState, event: AssessmentEvent): AssessmentState => ({ status: 'recorded', assessment: event.data });

export function decide(command: RecordAssessment, state: AssessmentState): AssessmentEvent[] {
  const { assessor, employee, period, teamworkScore, result, consequences, notes } = command.data;
  if (state.status !== 'none') throw alreadyExists(`the assessment of ${employee.employeeId} for ${period}`);
  ensureActive(assessor);
  ensureManager(assessor, 'assesses staff');
  if (assessor.employeeId === employee.employeeId) throw new DomainError('SEPARATION_OF_DUTIES', 'nobody assesses themself');
  ensurePeriod(period);
  ensureScore(teamworkScore, 'teamworkScore');
  return [
    {
      type: 'AssessmentRecorded',
      data: { employeeId: employee.employeeId, period, teamworkScore, result, consequences: [...new Set(consequences)], notes, assessorId: assessor.employeeId },
    },
  ];
}

export const assessmentDecider: Decider<RecordAssessment, AssessmentEvent, AssessmentState> = { initialState, evolve, decide, codec: assessmentEvents };

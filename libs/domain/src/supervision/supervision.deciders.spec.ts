import { employee, left, people } from '../testing/fixtures.js';
import { assessmentDecider } from './assessment.decider.js';
import { escalationDecider } from './escalation.decider.js';
import { feedbackDecider } from './feedback.decider.js';
import { inspectionDecider } from './inspection.decider.js';
import { isPeriod, periodBounds } from './period.js';
import { suggestionDecider } from './suggestion.decider.js';
import type { EscalationCommand, RecordAssessment, RecordInspection, ReceiveCustomerFeedback, SuggestionCommand } from './supervision.commands.js';
import type { AssessmentEvent, EscalationEvent, InspectionEvent, SuggestionEvent } from './supervision.events.js';
import { supervisionSpec } from '../testing/supervision-fixtures.js';

const { agent, agent2, supervisor, manager, manager2 } = people;
const otherSupervisor = employee('S2', 'supervisor', 'M1');

describe('escalation decider', () => {
  const { given } = supervisionSpec(escalationDecider);
  const raise = (who = agent, summary = 'customer asks for 3000 CNY'): EscalationCommand => ({
    type: 'RaiseEscalation',
    data: { escalationId: 'X1', employee: who, authority: 'compensation.issue', context: { amount: 3000 }, summary },
  });
  const resolve = (actor = supervisor): EscalationCommand => ({ type: 'ResolveEscalation', data: { actor, resolution: 'handled by me' } });
  const raised: EscalationEvent = {
    type: 'EscalationRaised',
    data: { escalationId: 'X1', employeeId: 'E1', superiorId: 'S1', authority: 'compensation.issue', context: { amount: 3000 }, summary: 'customer asks for 3000 CNY' },
  };

  describe('when nothing was raised', () => {
    it('raises it to the superior of the time', () => given([]).when(raise()).then([raised]));
    it('refuses an empty summary', () => given([]).when(raise(agent, ' ')).thenThrows('REASON_REQUIRED'));
    it('refuses a resolution', () => given([]).when(resolve()).thenThrows('INVALID_TRANSITION'));
  });
  describe('when open', () => {
    it('is resolved by the superior it was raised to, even after the employee moved', () =>
      given([raised]).when(resolve()).then([{ type: 'EscalationResolved', data: { escalationId: 'X1', resolvedBy: 'S1', resolution: 'handled by me' } }]));
    it('is resolved by a manager', () =>
      given([raised]).when(resolve(manager2)).then([{ type: 'EscalationResolved', data: { escalationId: 'X1', resolvedBy: 'M2', resolution: 'handled by me' } }]));
    it('refuses another supervisor', () => given([raised]).when(resolve(otherSupervisor)).thenThrows('NOT_SUPERIOR_OR_MANAGER'));
    it('refuses the one who raised it', () => given([raised]).when(resolve(agent)).thenThrows('SEPARATION_OF_DUTIES'));
    it('refuses a superior who has left', () => given([raised]).when(resolve(left(supervisor))).thenThrows('EMPLOYEE_LEFT'));
  });
  describe('when resolved', () => {
    it('refuses a second resolution', () =>
      given([raised, { type: 'EscalationResolved', data: { escalationId: 'X1', resolvedBy: 'S1', resolution: 'ok' } }]).when(resolve(manager)).thenThrows('INVALID_TRANSITION'));
  });
});

describe('assessment decider', () => {
  const { given } = supervisionSpec(assessmentDecider);
  const assess = (data: Partial<RecordAssessment['data']> = {}): RecordAssessment => ({
    type: 'RecordAssessment',
    data: { assessor: manager, employee: agent, period: '2026-Q4', teamworkScore: 4, result: 'satisfactory', consequences: ['commendation', 'commendation'], notes: 'steady', now: '2026-12-01T00:00:00.000Z', ...data },
  });
  const recorded: AssessmentEvent = {
    type: 'AssessmentRecorded',
    data: { employeeId: 'E1', period: '2026-Q4', teamworkScore: 4, result: 'satisfactory', consequences: ['commendation'], notes: 'steady', assessorId: 'M1' },
  };
  it('records one assessment by a manager', () => given([]).when(assess()).then([recorded]));
  it('assigns the follow-up training and records the warning its consequences name', () =>
    given([]).when(assess({ consequences: ['training', 'warning', 'fine'], result: 'unsatisfactory' })).then([
      { type: 'AssessmentRecorded', data: { ...recorded.data, consequences: ['training', 'warning', 'fine'], result: 'unsatisfactory' } },
      { type: 'TrainingAssigned', data: { employeeId: 'E1', course: 'assessment-follow-up-2026-Q4', dueAt: '2026-12-31T00:00:00.000Z', assignedBy: 'M1', source: { kind: 'assessment', id: 'E1-2026-Q4' } } },
      { type: 'WarningRecorded', data: { employeeId: 'E1', reason: 'assessment 2026-Q4: unsatisfactory', recordedBy: 'M1', source: { kind: 'assessment', id: 'E1-2026-Q4' } } },
    ]));
  it('refuses a second one for the same period', () => given([recorded]).when(assess({ assessor: manager2 })).thenThrows('ALREADY_EXISTS'));
  it('refuses a supervisor', () => given([]).when(assess({ assessor: supervisor })).thenThrows('ROLE_REQUIRED'));
  it('refuses a manager assessing themself', () => given([]).when(assess({ employee: manager })).thenThrows('SEPARATION_OF_DUTIES'));
  it.each(['2026-13', '2026-Q5', '26-01', '2026-1', ''])('refuses the period %j', (period) => given([]).when(assess({ period })).thenThrows('PERIOD_INVALID'));
  it.each([0, 6, 2.5])('refuses the teamwork score %p', (teamworkScore) => given([]).when(assess({ teamworkScore })).thenThrows('SCORE_INVALID'));
});

describe('suggestion decider', () => {
  const { given } = supervisionSpec(suggestionDecider);
  const submit = (anonymous: boolean): SuggestionCommand => ({ type: 'SubmitSuggestion', data: { suggestionId: 'G1', author: agent, text: 'raise the phone limit', anonymous, authorDigest: null } });
  const answer = (actor = manager): SuggestionCommand => ({ type: 'AnswerSuggestion', data: { actor, response: 'adopted from Q1', adopted: true } });
  const submitted: SuggestionEvent = { type: 'SuggestionSubmitted', data: { suggestionId: 'G1', text: 'raise the phone limit', anonymous: true, submittedBy: null } };
  it('keeps an anonymous author out of the event', () => given([]).when(submit(true)).then([submitted]));
  it('keeps only the service’s digest of an anonymous author', () =>
    given([])
      .when({ type: 'SubmitSuggestion', data: { suggestionId: 'G1', author: agent, text: 'raise the phone limit', anonymous: true, authorDigest: 'd1' } })
      .then([{ type: 'SuggestionSubmitted', data: { ...submitted.data, authorDigest: 'd1' } }]));
  it('keeps no digest of a named author', () =>
    given([])
      .when({ type: 'SubmitSuggestion', data: { suggestionId: 'G1', author: agent, text: 'raise the phone limit', anonymous: false, authorDigest: 'd1' } })
      .then([{ type: 'SuggestionSubmitted', data: { ...submitted.data, anonymous: false, submittedBy: 'E1' } }]));
  it('names the author otherwise', () =>
    given([]).when(submit(false)).then([{ type: 'SuggestionSubmitted', data: { ...submitted.data, anonymous: false, submittedBy: 'E1' } }]));
  it('is answered once by a manager', () =>
    given([submitted]).when(answer()).then([{ type: 'SuggestionAnswered', data: { suggestionId: 'G1', response: 'adopted from Q1', adopted: true, answeredBy: 'M1' } }]));
  it('refuses a supervisor answering', () => given([submitted]).when(answer(supervisor)).thenThrows('ROLE_REQUIRED'));
  it('refuses a second answer', () =>
    given([submitted, { type: 'SuggestionAnswered', data: { suggestionId: 'G1', response: 'no', adopted: false, answeredBy: 'M2' } }]).when(answer()).thenThrows('INVALID_TRANSITION'));
});

describe('inspection decider', () => {
  const { given } = supervisionSpec(inspectionDecider);
  const inspect = (data: Partial<RecordInspection['data']> = {}): RecordInspection => ({
    type: 'RecordInspection',
    data: { inspectionId: 'I1', inspector: supervisor, employee: agent, kind: 'periodic', period: '2026-11', findings: 'all within scope', compliant: true, authorizationIds: ['A1'], ...data },
  });
  const recorded: InspectionEvent = {
    type: 'InspectionRecorded',
    data: { inspectionId: 'I1', employeeId: 'E1', inspectorId: 'S1', kind: 'periodic', period: '2026-11', findings: 'all within scope', compliant: true, authorizationIds: ['A1'] },
  };
  it("is recorded by the employee's superior", () => given([]).when(inspect()).then([recorded]));
  it('is recorded by a manager, as a spot check without a period', () =>
    given([]).when(inspect({ inspector: manager, kind: 'spot', period: null })).then([{ type: 'InspectionRecorded', data: { ...recorded.data, inspectorId: 'M1', kind: 'spot', period: null } }]));
  it("refuses a supervisor inspecting another team's agent", () => given([]).when(inspect({ inspector: otherSupervisor })).thenThrows('NOT_SUPERIOR_OR_MANAGER'));
  it('refuses self-inspection', () => given([]).when(inspect({ inspector: agent2, employee: agent2 })).thenThrows('SEPARATION_OF_DUTIES'));
  it('refuses a periodic inspection without a period', () => given([]).when(inspect({ period: null })).thenThrows('PERIOD_INVALID'));
  it('refuses recording the same inspection twice', () => given([recorded]).when(inspect()).thenThrows('ALREADY_EXISTS'));
});

describe('feedback decider', () => {
  const { given } = supervisionSpec(feedbackDecider);
  const receive = (score: number): ReceiveCustomerFeedback => ({
    type: 'ReceiveCustomerFeedback',
    data: { feedbackId: 'F1', employeeId: 'E1', score, channel: 'phone', comment: null, receivedFrom: 'svc:survey' },
  });
  it('records a score of 1..5', () => given([]).when(receive(5)).then([{ type: 'CustomerFeedbackReceived', data: receive(5).data }]));
  it.each([0, 6, 3.5])('refuses the score %p', (score) => given([]).when(receive(score)).thenThrows('SCORE_INVALID'));
  it('refuses the same feedback twice', () => given([{ type: 'CustomerFeedbackReceived', data: receive(4).data }]).when(receive(4)).thenThrows('ALREADY_EXISTS'));
});

describe('periods', () => {
  it('accepts months and quarters', () => expect(['2026-01', '2026-12', '2026-Q1', '2026-Q4'].every(isPeriod)).toBe(true));
  it('bounds a month and a quarter in UTC, half-open', () => {
    expect(periodBounds('2026-12')).toEqual({ from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
    expect(periodBounds('2026-Q4')).toEqual({ from: '2026-10-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
    expect(periodBounds('2026-Q5')).toBeNull();
  });
});

import { left, people } from '../testing/fixtures.js';
import { supervisionSpec } from '../testing/supervision-fixtures.js';
import type { MeetingCommand, RecordPolicyReview, TrainingPlanCommand } from './loops.commands.js';
import type { MeetingEvent, PlannedCourse, PolicyReviewEvent, TrainingPlanEvent } from './loops.events.js';
import { meetingDecider } from './meeting.decider.js';
import { policyReviewDecider } from './policy-review.decider.js';
import { trainingPlanDecider } from './training-plan.decider.js';

const { agent, agent2, supervisor, manager, manager2, tech } = people;

describe('training plan decider', () => {
  const { given } = supervisionSpec(trainingPlanDecider);
  const courses: PlannedCourse[] = [
    {
      course: 'privacy-basics',
      title: 'Privacy basics',
      roles: ['agent'],
      sessions: [
        { sessionId: 'P1', at: '2027-02-01T09:00:00.000Z', lecturerId: 'T1', lecturer: null, mode: 'internal' },
        { sessionId: 'P2', at: '2027-03-01T09:00:00.000Z', lecturerId: null, lecturer: 'Acme Academy', mode: 'external' },
      ],
    },
  ];
  const publish = (data: Partial<Extract<TrainingPlanCommand, { type: 'PublishTrainingPlan' }>['data']> = {}): TrainingPlanCommand => ({
    type: 'PublishTrainingPlan',
    data: { year: 2027, publisher: manager, courses, ...data },
  });
  const published: TrainingPlanEvent = { type: 'TrainingPlanPublished', data: { year: 2027, courses, publishedBy: 'M1' } };
  const attend = (recorder = tech, employeeIds = ['E1', 'E2', 'E1'], sessionId = 'P1'): TrainingPlanCommand => ({
    type: 'RecordTrainingAttendance',
    data: { sessionId, recorder: { kind: 'employee', employee: recorder }, employeeIds },
  });
  const attended: TrainingPlanEvent = { type: 'TrainingAttendanceRecorded', data: { year: 2027, sessionId: 'P1', course: 'privacy-basics', employeeIds: ['E1', 'E2'], recordedBy: 'T1' } };

  describe('when no plan exists for the year', () => {
    it('publishes the plan of a manager', () => given([]).when(publish()).then([published]));
    it('refuses a supervisor', () => given([]).when(publish({ publisher: supervisor })).thenThrows('ROLE_REQUIRED'));
    it('refuses a year outside 2000..2100', () => given([]).when(publish({ year: 1999 })).thenThrows('PLAN_INVALID'));
    it('refuses a course planned twice', () => given([]).when(publish({ courses: [...courses, ...courses] })).thenThrows('PLAN_INVALID'));
    it('refuses a session naming both a lecturerId and a lecturer', () =>
      given([]).when(publish({ courses: [{ ...courses[0]!, sessions: [{ sessionId: 'P3', at: '2027-01-01T00:00:00Z', lecturerId: 'T1', lecturer: 'x', mode: 'online' }] }] })).thenThrows('PLAN_INVALID'));
    it('refuses attendance', () => given([]).when(attend()).thenThrows('SESSION_UNKNOWN'));
  });

  describe('when published', () => {
    it('refuses a second plan for the year', () => given([published]).when(publish({ publisher: manager2 })).thenThrows('ALREADY_EXISTS'));
    it('records attendance by the session’s lecturer, each attendee once', () => given([published]).when(attend()).then([attended]));
    it('records attendance by a manager', () =>
      given([published]).when(attend(manager, ['E1'])).then([{ type: 'TrainingAttendanceRecorded', data: { ...attended.data, employeeIds: ['E1'], recordedBy: 'M1' } }]));
    it('records attendance by a directory:write service', () =>
      given([published])
        .when({ type: 'RecordTrainingAttendance', data: { sessionId: 'P2', recorder: { kind: 'directory-service', id: 'svc:hr' }, employeeIds: ['E1'] } })
        .then([{ type: 'TrainingAttendanceRecorded', data: { year: 2027, sessionId: 'P2', course: 'privacy-basics', employeeIds: ['E1'], recordedBy: 'svc:hr' } }]));
    it('refuses a supervisor who does not lecture the session', () => given([published]).when(attend(supervisor)).thenThrows('ROLE_REQUIRED'));
    it('refuses a lecturer who has left', () => given([published]).when(attend(left(tech))).thenThrows('EMPLOYEE_LEFT'));
    it('refuses an unknown session', () => given([published]).when(attend(manager, ['E1'], 'P9')).thenThrows('SESSION_UNKNOWN'));
    it('records nothing for attendees already recorded', () => given([published, attended]).when(attend(tech, ['E2'])).then([]));
  });
});

describe('meeting decider', () => {
  const { given } = supervisionSpec(meetingDecider);
  const record = (recorder = supervisor): MeetingCommand => ({
    type: 'RecordMeeting',
    data: {
      meetingId: 'MT1',
      recorder,
      kind: 'supervisor-team',
      team: 'A',
      heldAt: '2026-12-01T09:00:00.000Z',
      attendees: ['S1', 'E1', 'E2', 'E1'],
      minutes: 'Holiday rota agreed',
      actions: [
        { owner: 'E1', text: 'Publish the rota', dueAt: '2026-12-05T00:00:00.000Z' },
        { owner: 'E2', text: 'Brief the night shift', dueAt: '2026-12-06T00:00:00.000Z' },
      ],
    },
  });
  const recorded: MeetingEvent = {
    type: 'MeetingRecorded',
    data: {
      meetingId: 'MT1',
      kind: 'supervisor-team',
      team: 'A',
      heldAt: '2026-12-01T09:00:00.000Z',
      attendees: ['S1', 'E1', 'E2'],
      minutes: 'Holiday rota agreed',
      actions: [
        { n: 0, owner: 'E1', text: 'Publish the rota', dueAt: '2026-12-05T00:00:00.000Z' },
        { n: 1, owner: 'E2', text: 'Brief the night shift', dueAt: '2026-12-06T00:00:00.000Z' },
      ],
      recordedBy: 'S1',
    },
  };
  const complete = (n: number, actor = agent): MeetingCommand => ({ type: 'CompleteMeetingAction', data: { n, actor } });

  describe('when nothing was recorded', () => {
    it('records a supervisor’s meeting with its action items numbered from 0', () => given([]).when(record()).then([recorded]));
    it('records a manager’s meeting', () => given([]).when(record(manager)).then([{ ...recorded, data: { ...recorded.data, recordedBy: 'M1' } }]));
    it('refuses an agent', () => given([]).when(record(agent)).thenThrows('ROLE_REQUIRED'));
    it('refuses completing an action', () => given([]).when(complete(0)).thenThrows('ACTION_UNKNOWN'));
  });
  describe('when recorded', () => {
    it('refuses recording it again', () => given([recorded]).when(record()).thenThrows('ALREADY_EXISTS'));
    it('completes an action by its owner', () => given([recorded]).when(complete(0)).then([{ type: 'MeetingActionCompleted', data: { meetingId: 'MT1', n: 0, completedBy: 'E1' } }]));
    it('completes an action by the recorder', () =>
      given([recorded]).when(complete(1, supervisor)).then([{ type: 'MeetingActionCompleted', data: { meetingId: 'MT1', n: 1, completedBy: 'S1' } }]));
    it('refuses anyone else, even another attendee', () => given([recorded]).when(complete(0, agent2)).thenThrows('NOT_OWNER_OR_RECORDER'));
    it('refuses an action number it does not have', () => given([recorded]).when(complete(2)).thenThrows('ACTION_UNKNOWN'));
    it('refuses completing an action twice', () =>
      given([recorded, { type: 'MeetingActionCompleted', data: { meetingId: 'MT1', n: 0, completedBy: 'E1' } }]).when(complete(0)).thenThrows('INVALID_TRANSITION'));
  });
});

describe('policy review decider', () => {
  const { given } = supervisionSpec(policyReviewDecider);
  const review = (reviewer = manager, findings = 'Limits fit the year’s complaints'): RecordPolicyReview => ({
    type: 'RecordPolicyReview',
    data: { reviewId: 'PR1', reviewer, findings, changesProposed: 'Raise fee.waive to 1500' },
  });
  const reviewed: PolicyReviewEvent = { type: 'PolicyReviewed', data: { reviewId: 'PR1', findings: 'Limits fit the year’s complaints', changesProposed: 'Raise fee.waive to 1500', reviewerId: 'M1' } };
  it('records a manager’s review', () => given([]).when(review()).then([reviewed]));
  it('refuses a supervisor', () => given([]).when(review(supervisor)).thenThrows('ROLE_REQUIRED'));
  it('refuses empty findings', () => given([]).when(review(manager, ' ')).thenThrows('REASON_REQUIRED'));
  it('refuses recording it twice', () => given([reviewed]).when(review()).thenThrows('ALREADY_EXISTS'));
});

import type { RecordedEvent } from '../../../event-store/src/event-store.port.js';
import { EventLog } from '../testing/event-log.js';
import { recordProjection, type RecordDocument, type RecordKind } from './document-projection.js';
import { CATALOGUE_VERSIONS, ESCALATIONS, MEETINGS, REPORTS, SUGGESTIONS, TRAININGS, TRAINING_PLANS, WARNINGS } from './record-kinds.js';

/** Folds the events a kind accepts, keyed as the projection keys them. */
const fold = <D extends RecordDocument>(kind: RecordKind<D>, events: readonly RecordedEvent[]): Map<string, D> => {
  const docs = new Map<string, D>();
  for (const event of events) {
    const key = kind.keyOf(event);
    if (key === undefined) continue;
    const next = kind.evolve(docs.get(key) ?? null, event);
    if (next !== null) docs.set(key, next);
  }
  return docs;
};

describe('record kinds', () => {
  describe('trainings', () => {
    it('opens an assigned training and closes it when the course is completed, keyed by employee and course', () => {
      const log = new EventLog();
      log.addRaw('report-R1', 'TrainingAssigned', { employeeId: 'E1', course: 'privacy-basics', dueAt: '2026-02-01T00:00:00.000Z', assignedBy: 'S1', source: { kind: 'report', id: 'R1' } });
      const open = fold(TRAININGS, log.events).get('E1/privacy-basics');
      expect(open).toMatchObject({ employeeId: 'E1', course: 'privacy-basics', open: true, dueAt: '2026-02-01T00:00:00.000Z', source: { kind: 'report', id: 'R1' } });
      log.addRaw('employee-E1', 'TrainingCompleted', { employeeId: 'E1', course: 'privacy-basics', completedAt: '2026-01-10T00:00:00.000Z', recordedBy: 'T1' });
      expect(fold(TRAININGS, log.events).get('E1/privacy-basics')).toMatchObject({ open: false, completedAt: '2026-01-10T00:00:00.000Z' });
    });

    it('reopens a course assigned again after its completion', () => {
      const log = new EventLog();
      log.addRaw('employee-E1', 'TrainingCompleted', { employeeId: 'E1', course: 'c', completedAt: '2026-01-01T00:00:00.000Z', recordedBy: 'T1' });
      log.addRaw('assessment-E1-2026-01', 'TrainingAssigned', { employeeId: 'E1', course: 'c', dueAt: '2026-03-01T00:00:00.000Z', assignedBy: 'M1', source: { kind: 'assessment', id: 'E1-2026-01' } });
      expect(fold(TRAININGS, log.events).get('E1/c')).toMatchObject({ open: true, completedAt: '2026-01-01T00:00:00.000Z' });
    });
  });

  it('keeps a warning once per record that decided it', () => {
    const log = new EventLog();
    const warning = { employeeId: 'E1', reason: 'confirmed', recordedBy: 'S1', source: { kind: 'report', id: 'R1' } };
    log.addRaw('report-R1', 'WarningRecorded', warning);
    log.addRaw('report-R1', 'WarningRecorded', warning);
    expect([...fold(WARNINGS, log.events).values()]).toEqual([{ id: 'report:R1', ...warning, recordedAt: log.events[0]?.metadata['occurredAt'] }]);
  });

  it('follows a report to its investigator and keeps who may not investigate it', () => {
    const log = new EventLog();
    log.addRaw('report-R1', 'ViolationReported', { reportId: 'R1', subjectEmployeeId: 'E1', authorizationId: null, category: 'other', description: 'x', reporter: { kind: 'employee', employeeId: 'E2' }, reportedBy: 'E2' });
    expect(fold(REPORTS, log.events).get('R1')).toMatchObject({ status: 'filed', excluded: ['E1', 'E2'], investigatorId: null });
    log.addRaw('report-R1', 'InvestigationStarted', { reportId: 'R1', investigatorId: 'S1' });
    log.addRaw('report-R1', 'ReportConcluded', { reportId: 'R1', investigatorId: 'S1', finding: 'substantiated', summary: 's', actions: [] });
    expect(fold(REPORTS, log.events).get('R1')).toMatchObject({ status: 'concluded', investigatorId: 'S1', finding: 'substantiated', since: log.events[1]?.metadata['occurredAt'] });
  });

  it("keeps the domain's fold of a report, in filing order, and rebuilds a document from its first event (revision 2 replays)", () => {
    const log = new EventLog();
    const filed = { reportId: 'R1', subjectEmployeeId: 'E1', authorizationId: 'A1', category: 'scope', description: 'x', reporter: { kind: 'customer' }, reportedBy: 'svc:crm' };
    log.addRaw('report-R1', 'ViolationReported', filed);
    log.addRaw('report-R1', 'InvestigationStarted', { reportId: 'R1', investigatorId: 'S1' });
    log.addRaw('report-R1', 'ReportConcluded', { reportId: 'R1', investigatorId: 'S1', finding: 'substantiated', summary: 's', actions: [{ kind: 'warning', reason: 'r' }] });
    log.addRaw('report-R1', 'ReporterNotified', { reportId: 'R1', message: 'thanks' });
    const doc = fold(REPORTS, log.events).get('R1');
    expect(doc).toMatchObject({ status: 'notified', filedPosition: log.events[0]?.position });
    expect(doc?.state).toEqual({ status: 'notified', report: filed, investigatorId: 'S1', conclusion: { finding: 'substantiated', summary: 's', actions: [{ kind: 'warning', reason: 'r' }] }, message: 'thanks' });
    // A document of revision 1 (no state) is rebuilt when the replay reaches the report's first event.
    const old = { id: 'R1', subjectEmployeeId: 'E1', status: 'notified' } as unknown as NonNullable<typeof doc>;
    const first = log.events[0];
    expect(first && REPORTS.evolve(old, first)).toMatchObject({ status: 'filed', state: { status: 'filed', report: filed } });
    expect(recordProjection(REPORTS).name).toBe('records.reports.v2');
    expect(recordProjection(ESCALATIONS).name).toBe('records.escalations');
  });

  it('resolves an escalation once, with who and when', () => {
    const log = new EventLog();
    log.addRaw('escalation-X1', 'EscalationRaised', { escalationId: 'X1', employeeId: 'E1', superiorId: 'S1', authority: 'fee.waive', context: null, summary: 's' });
    log.addRaw('escalation-X1', 'EscalationResolved', { escalationId: 'X1', resolvedBy: 'S1', resolution: 'done' });
    log.addRaw('escalation-X1', 'EscalationResolved', { escalationId: 'X1', resolvedBy: 'M1', resolution: 'again' });
    expect(fold(ESCALATIONS, log.events).get('X1')).toMatchObject({ status: 'resolved', resolution: { resolvedBy: 'S1', resolution: 'done', resolvedAt: log.events[1]?.metadata['occurredAt'] } });
  });

  it('keeps an anonymous suggestion’s digest and no author', () => {
    const log = new EventLog();
    log.addRaw('suggestion-G1', 'SuggestionSubmitted', { suggestionId: 'G1', text: 't', anonymous: true, submittedBy: null, authorDigest: 'd' });
    expect(fold(SUGGESTIONS, log.events).get('G1')).toMatchObject({ anonymous: true, submittedBy: null, authorDigest: 'd', status: 'open' });
  });

  it('marks a meeting’s action completed once', () => {
    const log = new EventLog();
    log.addRaw('meeting-MT1', 'MeetingRecorded', { meetingId: 'MT1', kind: 'supervisor-team', team: 'A', heldAt: '2026-01-01T09:00:00.000Z', attendees: ['S1'], minutes: 'm', actions: [{ n: 0, owner: 'E1', text: 't', dueAt: '2026-01-05T00:00:00.000Z' }], recordedBy: 'S1' });
    log.addRaw('meeting-MT1', 'MeetingActionCompleted', { meetingId: 'MT1', n: 0, completedBy: 'E1' });
    log.addRaw('meeting-MT1', 'MeetingActionCompleted', { meetingId: 'MT1', n: 0, completedBy: 'S1' });
    expect(fold(MEETINGS, log.events).get('MT1')?.actions).toEqual([{ n: 0, owner: 'E1', text: 't', dueAt: '2026-01-05T00:00:00.000Z', completedBy: 'E1', completedAt: log.events[1]?.metadata['occurredAt'] }]);
  });

  it('adds attendance to the session it names', () => {
    const log = new EventLog();
    const session = (sessionId: string) => ({ sessionId, at: '2027-01-01T00:00:00.000Z', lecturerId: 'T1', lecturer: null, mode: 'internal' });
    log.addRaw('training-plan-2027', 'TrainingPlanPublished', { year: 2027, courses: [{ course: 'c', title: 'C', roles: ['agent'], sessions: [session('P1'), session('P2')] }], publishedBy: 'M1' });
    log.addRaw('training-plan-2027', 'TrainingAttendanceRecorded', { year: 2027, sessionId: 'P2', course: 'c', employeeIds: ['E1', 'E2'], recordedBy: 'T1' });
    log.addRaw('training-plan-2027', 'TrainingAttendanceRecorded', { year: 2027, sessionId: 'P2', course: 'c', employeeIds: ['E2', 'E3'], recordedBy: 'M1' });
    expect(fold(TRAINING_PLANS, log.events).get('2027')?.courses[0]?.sessions.map((s) => s.attendance)).toEqual([[], ['E1', 'E2', 'E3']]);
  });

  it('dates each catalogue version at the first event carrying it', () => {
    const log = new EventLog();
    log.addRaw('employee-E1', 'EmployeeRegistered', { employeeId: 'E1', name: 'n', role: 'agent', team: null, reportsTo: null, department: null });
    log.addRaw('employee-E2', 'EmployeeRegistered', { employeeId: 'E2', name: 'n', role: 'agent', team: null, reportsTo: null, department: null });
    expect([...fold(CATALOGUE_VERSIONS, log.events).values()]).toEqual([{ id: 'v1', firstUsedAt: log.events[0]?.metadata['occurredAt'], firstPosition: log.events[0]?.position }]);
  });

  it('ignores events of other kinds and of unknown types', () => {
    const log = new EventLog();
    log.addRaw('report-R1', 'SomethingNew', { reportId: 'R1' });
    log.addRaw('escalation-X1', 'EscalationRaised', { escalationId: 'X1', employeeId: 'E1', superiorId: null, authority: 'a', context: null, summary: 's' });
    expect(fold(REPORTS, log.events).size).toBe(0);
    expect(fold(TRAININGS, log.events).size).toBe(0);
  });
});

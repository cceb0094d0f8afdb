import type { RecordedEvent } from '../../../event-store/src/event-store.port.js';
import { emptyKpiFacts, foldKpiFact, toSupervisionEvent } from './kpi-facts.projection.js';
import { computeKpis, type EmployeeKpis, summarizeDecisions } from './kpi.compute.js';
import { kpisToCsv } from './kpi-csv.js';
import { InvalidPeriodError, parsePeriod } from './period.js';

/*
 * Hand-computed fixture (all times UTC). Period 2026-11 unless stated.
 *
 * E101 decisions: GRANT ×2, ROLE_BASELINE ×1, OUT_OF_SCOPE ×3 in November (+1 GRANT on 31 Oct):
 *   recorded 6, allowed 3, accuracy 3/6 = 0.5.
 *   OOS #1 compensation.issue 5 Nov 10:00 — escalation X1 same authority 12:00 (2 h)      → escalated
 *   OOS #2 refund.issue 6 Nov 10:00       — escalation X2 is for compensation.issue       → not escalated
 *   OOS #3 compensation.issue 30 Nov 20:00 — escalation X3 1 Dec 10:00 (14 h, next month) → escalated
 *   escalations raised in Nov: X1 (resolved after 3 h), X2 (after 24 h) → mean 13.5 h.
 *   reports: R1 substantiated 20 Nov (counts), R2 dismissed → 1 violation.
 *   feedback: 5, 4, 2 in Nov (1 on 30 Oct excluded) → mean 11/3 = 3.6667, count 3.
 *   inspections: I1 period 2026-11 compliant, I2 spot 15 Nov not compliant (I3 2026-10 and I4 spot 1 Dec excluded) → 2, share 0.5.
 *   assessment 2026-11 teamwork 4.
 * E102: NO_GRANT, OUT_OF_SCOPE (escalated 25 h later: too late), GRANT → recorded 3, accuracy 1/3 = 0.3333,
 *   OOS 1 escalated 0; X4 raised, unresolved → mean null; R3 substantiated in December → 0;
 *   feedback 3 → mean 3; inspection I5 names 2026-Q4 → not in a month; assessment 2026-Q4 only → teamwork null.
 * E201: no decisions; R4 substantiated 15 Nov → 1; assessment 2026-11 teamwork 3.
 *
 * Quarter 2026-Q4 changes: E101 recorded 7, allowed 4, accuracy 4/7 = 0.5714; X3 raised in Q4 (resolved
 * after 4 h) → mean (3+24+4)/3 = 10.33 h; feedback 5,4,2,1 → mean 3, count 4; inspections I1..I4 → 4, 2
 * compliant, share 0.5; teamwork mean of months = 4. E102: R3 counts → 1; I5 → 1, share 1; teamwork 5.
 */
const decisions = [
  d('E101', 'compensation.issue', 'GRANT', true, '2026-11-02T10:00:00.000Z'),
  d('E101', 'compensation.issue', 'GRANT', true, '2026-11-03T10:00:00.000Z'),
  d('E101', 'customer.data.read', 'ROLE_BASELINE', true, '2026-11-04T10:00:00.000Z'),
  d('E101', 'compensation.issue', 'OUT_OF_SCOPE', false, '2026-11-05T10:00:00.000Z'),
  d('E101', 'refund.issue', 'OUT_OF_SCOPE', false, '2026-11-06T10:00:00.000Z'),
  d('E101', 'compensation.issue', 'OUT_OF_SCOPE', false, '2026-11-30T20:00:00.000Z'),
  d('E101', 'compensation.issue', 'GRANT', true, '2026-10-31T23:59:59.000Z'),
  d('E102', 'refund.issue', 'NO_GRANT', false, '2026-11-10T08:00:00.000Z'),
  d('E102', 'compensation.issue', 'OUT_OF_SCOPE', false, '2026-11-11T08:00:00.000Z'),
  d('E102', 'compensation.issue', 'GRANT', true, '2026-11-12T08:00:00.000Z'),
];

const events: [string, string, Record<string, unknown>][] = [
  ['2026-11-05T12:00:00.000Z', 'EscalationRaised', { escalationId: 'X1', employeeId: 'E101', superiorId: 'S01', authority: 'compensation.issue', context: null, summary: '' }],
  ['2026-11-05T15:00:00.000Z', 'EscalationResolved', { escalationId: 'X1', resolvedBy: 'S01', resolution: 'done' }],
  ['2026-11-06T11:00:00.000Z', 'EscalationRaised', { escalationId: 'X2', employeeId: 'E101', superiorId: 'S01', authority: 'compensation.issue', context: null, summary: '' }],
  ['2026-11-07T11:00:00.000Z', 'EscalationResolved', { escalationId: 'X2', resolvedBy: 'S01', resolution: 'done' }],
  ['2026-11-12T09:00:00.000Z', 'EscalationRaised', { escalationId: 'X4', employeeId: 'E102', superiorId: 'S01', authority: 'compensation.issue', context: null, summary: '' }],
  ['2026-12-01T10:00:00.000Z', 'EscalationRaised', { escalationId: 'X3', employeeId: 'E101', superiorId: 'S01', authority: 'compensation.issue', context: null, summary: '' }],
  ['2026-12-01T14:00:00.000Z', 'EscalationResolved', { escalationId: 'X3', resolvedBy: 'S01', resolution: 'done' }],
  ...report('R1', 'E101', 'substantiated', '2026-11-20T09:00:00.000Z'),
  ...report('R2', 'E101', 'dismissed', '2026-11-21T09:00:00.000Z'),
  ...report('R3', 'E102', 'substantiated', '2026-12-02T09:00:00.000Z'),
  ...report('R4', 'E201', 'substantiated', '2026-11-15T09:00:00.000Z'),
  ['2026-11-16T09:00:00.000Z', 'ViolationReported', { reportId: 'R5', subjectEmployeeId: 'E102', authorizationId: null, category: 'other', description: '', reporter: { kind: 'customer' }, reportedBy: 'svc:crm' }],
  feedback('F1', 'E101', 5, '2026-11-03T12:00:00.000Z'),
  feedback('F2', 'E101', 4, '2026-11-04T12:00:00.000Z'),
  feedback('F3', 'E101', 2, '2026-11-05T12:00:00.000Z'),
  feedback('F4', 'E101', 1, '2026-10-30T12:00:00.000Z'),
  feedback('F5', 'E102', 3, '2026-11-20T12:00:00.000Z'),
  inspection('I1', 'E101', '2026-11', true, '2026-12-03T09:00:00.000Z'),
  inspection('I2', 'E101', null, false, '2026-11-15T09:00:00.000Z'),
  inspection('I3', 'E101', '2026-10', false, '2026-11-02T09:00:00.000Z'),
  inspection('I4', 'E101', null, true, '2026-12-01T09:00:00.000Z'),
  inspection('I5', 'E102', '2026-Q4', true, '2026-12-20T09:00:00.000Z'),
  assessment('E101', '2026-11', 4),
  assessment('E102', '2026-Q4', 5),
  assessment('E201', '2026-11', 3),
  ['2026-11-01T09:00:00.000Z', 'SuggestionSubmitted', { suggestionId: 'G1', text: 'x', anonymous: true, submittedBy: null }],
];

const employees = [
  { id: 'E101', team: 'A' },
  { id: 'E102', team: 'A' },
  { id: 'E201', team: 'B' },
];

const kpisFor = (periodName: string): Map<string, EmployeeKpis> => {
  const facts = emptyKpiFacts();
  events.forEach(([at, type, data], i) => {
    const timed = toSupervisionEvent(recorded(i, at, type, data));
    if (timed !== null) foldKpiFact(facts, timed);
  });
  const period = parsePeriod(periodName);
  const result = computeKpis(period, {
    employees,
    ...summarizeDecisions(decisions, period),
    escalations: [...facts.escalations.values()],
    reports: [...facts.reports.values()],
    feedback: [...facts.feedback.values()],
    inspections: [...facts.inspections.values()],
    assessments: [...facts.assessments.values()],
    warnings: [
      { employeeId: 'E102', recordedAt: '2026-11-30T23:59:59.000Z' },
      { employeeId: 'E102', recordedAt: '2026-12-01T00:00:00.000Z' },
    ],
  });
  return new Map(result.map((k) => [k.employeeId, k]));
};

describe('KPIs of a month (2026-11)', () => {
  const kpis = kpisFor('2026-11');

  it('counts the warnings recorded in the period', () => {
    expect([kpis.get('E101')?.warnings, kpis.get('E102')?.warnings]).toEqual([0, 1]);
  });

  it('counts recorded decisions by reason and in-scope accuracy', () => {
    expect(kpis.get('E101')?.decisions).toEqual({ recorded: 6, allowed: 3, byReason: { GRANT: 2, ROLE_BASELINE: 1, OUT_OF_SCOPE: 3 }, accuracy: 0.5 });
    expect(kpis.get('E102')?.decisions).toEqual({ recorded: 3, allowed: 1, byReason: { NO_GRANT: 1, OUT_OF_SCOPE: 1, GRANT: 1 }, accuracy: 0.3333 });
    expect(kpis.get('E201')?.decisions).toEqual({ recorded: 0, allowed: 0, byReason: {}, accuracy: null });
  });

  it('counts an out-of-scope attempt as escalated only for the same authority within 24 h, even past the period end', () => {
    expect(kpis.get('E101')?.outOfScope).toEqual({ attempts: 3, escalated: 2 });
    expect(kpis.get('E102')?.outOfScope).toEqual({ attempts: 1, escalated: 0 });
  });

  it('averages the resolution time of the escalations raised in the period', () => {
    expect(kpis.get('E101')?.escalations).toEqual({ raised: 2, resolved: 2, meanResolutionHours: 13.5 });
    expect(kpis.get('E102')?.escalations).toEqual({ raised: 1, resolved: 0, meanResolutionHours: null });
  });

  it('counts reports concluded substantiated in the period about the employee', () => {
    expect([kpis.get('E101')?.substantiatedViolations, kpis.get('E102')?.substantiatedViolations, kpis.get('E201')?.substantiatedViolations]).toEqual([1, 0, 1]);
  });

  it('averages customer feedback of the period', () => {
    expect(kpis.get('E101')?.customerSatisfaction).toEqual({ mean: 3.6667, count: 3 });
    expect(kpis.get('E102')?.customerSatisfaction).toEqual({ mean: 3, count: 1 });
    expect(kpis.get('E201')?.customerSatisfaction).toEqual({ mean: null, count: 0 });
  });

  it('takes inspections of the period, and spot checks recorded in it', () => {
    expect(kpis.get('E101')?.inspections).toEqual({ count: 2, compliant: 1, compliantShare: 0.5 });
    expect(kpis.get('E102')?.inspections).toEqual({ count: 0, compliant: 0, compliantShare: null });
  });

  it('takes the teamwork score of the period assessment only', () => {
    expect([kpis.get('E101')?.teamwork, kpis.get('E102')?.teamwork, kpis.get('E201')?.teamwork]).toEqual([4, null, 3]);
  });
});

describe('KPIs of a quarter (2026-Q4)', () => {
  const kpis = kpisFor('2026-Q4');

  it('includes every month of the quarter', () => {
    const e101 = kpis.get('E101');
    expect(e101?.decisions.recorded).toBe(7);
    expect(e101?.decisions.accuracy).toBe(0.5714);
    expect(e101?.escalations).toEqual({ raised: 3, resolved: 3, meanResolutionHours: 10.33 });
    expect(e101?.customerSatisfaction).toEqual({ mean: 3, count: 4 });
    expect(e101?.inspections).toEqual({ count: 4, compliant: 2, compliantShare: 0.5 });
    expect(e101?.teamwork).toBe(4);
  });

  it('counts quarter-level inspections, assessments and December conclusions', () => {
    const e102 = kpis.get('E102');
    expect(e102?.substantiatedViolations).toBe(1);
    expect(e102?.inspections).toEqual({ count: 1, compliant: 1, compliantShare: 1 });
    expect(e102?.teamwork).toBe(5);
  });
});

describe('periods', () => {
  it('are calendar months and quarters in UTC', () => {
    expect(parsePeriod('2026-02')).toMatchObject({ kind: 'month', from: Date.UTC(2026, 1, 1), to: Date.UTC(2026, 2, 1) });
    expect(parsePeriod('2026-Q4')).toMatchObject({ kind: 'quarter', from: Date.UTC(2026, 9, 1), to: Date.UTC(2027, 0, 1) });
  });

  it.each(['2026-13', '2026-Q5', '2026-1', 'Q4-2026', ''])('refuses %j', (value) => {
    expect(() => parsePeriod(value)).toThrow(InvalidPeriodError);
  });
});

describe('CSV', () => {
  it('has a header and one line per employee, empty cells for no data', () => {
    const lines = kpisToCsv([...kpisFor('2026-11').values()]).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]?.startsWith('employeeId,team,period,recorded,allowed,accuracy')).toBe(true);
    expect(lines[3]).toBe('E201,B,2026-11,0,0,,0,0,0,,1,,0,0,,3,');
  });
});

function d(employeeId: string, authority: string, reason: string, allowed: boolean, decidedAt: string) {
  return { employeeId, authority, reason, allowed, decidedAt };
}
function report(id: string, subject: string, finding: string, concludedAt: string): [string, string, Record<string, unknown>][] {
  return [
    ['2026-11-01T08:00:00.000Z', 'ViolationReported', { reportId: id, subjectEmployeeId: subject, authorizationId: null, category: 'abuse', description: '', reporter: { kind: 'customer' }, reportedBy: 'svc:crm' }],
    ['2026-11-01T09:00:00.000Z', 'InvestigationStarted', { reportId: id, investigatorId: 'S01' }],
    [concludedAt, 'ReportConcluded', { reportId: id, investigatorId: 'S01', finding, summary: '', actions: [] }],
  ];
}
function feedback(id: string, employeeId: string, score: number, at: string): [string, string, Record<string, unknown>] {
  return [at, 'CustomerFeedbackReceived', { feedbackId: id, employeeId, score, channel: null, comment: null, receivedFrom: 'svc:crm' }];
}
function inspection(id: string, employeeId: string, period: string | null, compliant: boolean, at: string): [string, string, Record<string, unknown>] {
  return [at, 'InspectionRecorded', { inspectionId: id, employeeId, inspectorId: 'S01', kind: period === null ? 'spot' : 'periodic', period, findings: '', compliant, authorizationIds: [] }];
}
function assessment(employeeId: string, period: string, teamworkScore: number): [string, string, Record<string, unknown>] {
  return ['2026-12-28T09:00:00.000Z', 'AssessmentRecorded', { employeeId, period, teamworkScore, result: 'satisfactory', consequences: [], notes: '', assessorId: 'M01' }];
}
function recorded(i: number, at: string, type: string, data: Record<string, unknown>): RecordedEvent {
  return { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, type, streamId: 's', revision: 0, position: String(i).padStart(20, '0'), data, metadata: { occurredAt: at }, recordedAt: at };
}

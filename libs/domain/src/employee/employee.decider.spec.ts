import type { EmployeeCommand, EmployeeSnapshot } from '../commands.js';
import type { EmployeeEvent } from '../events.js';
import { deciderSpec } from '../testing/decider-spec.js';
import { employee } from '../testing/fixtures.js';
import { employeeDecider, initialState, evolve, toSnapshot } from './employee.decider.js';
import { validateReportsTo } from './reports-to.js';

const { given } = deciderSpec(employeeDecider);
const profile = { employeeId: 'E1', name: 'Lin', role: 'agent' as const, team: 'team-a', reportsTo: 'S1', department: 'cc' };
const registered: EmployeeEvent = { type: 'EmployeeRegistered', data: profile };
const leftEvent: EmployeeEvent = { type: 'EmployeeLeft', data: { employeeId: 'E1', reason: 'resigned', leftAt: '2025-02-01T00:00:00Z' } };
const update = (data: Partial<Extract<EmployeeCommand, { type: 'UpdateEmployee' }>['data']>): EmployeeCommand => ({
  type: 'UpdateEmployee',
  data: { employeeId: 'E1', ...data },
});
const departure: EmployeeCommand = { type: 'RecordDeparture', data: { employeeId: 'E1', reason: 'resigned', now: '2025-02-01T00:00:00Z' } };
const training: EmployeeCommand = {
  type: 'RecordTraining',
  data: { employeeId: 'E1', course: 'privacy-basics', completedAt: '2025-01-10T00:00:00Z', recordedBy: 'T1', now: '2025-01-10T01:00:00Z' },
};

describe('employee decider', () => {
  describe('when unregistered', () => {
    it('registers', () => given([]).when({ type: 'RegisterEmployee', data: profile }).then([registered]));
    it('refuses to report to themself', () =>
      given([]).when({ type: 'RegisterEmployee', data: { ...profile, reportsTo: 'E1' } }).thenThrows('REPORTS_TO_INVALID'));
    it.each([update({ name: 'x' }), departure, training])('refuses %j', (command) => given([]).when(command).thenThrows('INVALID_TRANSITION'));
  });

  describe('when registered', () => {
    it('refuses a second registration', () => given([registered]).when({ type: 'RegisterEmployee', data: profile }).thenThrows('ALREADY_EXISTS'));
    it('updates with the full profile, the changed fields and the previous role', () =>
      given([registered])
        .when(update({ role: 'supervisor', reportsTo: 'M1', name: 'Lin' }))
        .then([{ type: 'EmployeeUpdated', data: { ...profile, role: 'supervisor', reportsTo: 'M1', changed: ['role', 'reportsTo'], previousRole: 'agent' } }]));
    it('can clear a nullable field', () =>
      given([registered]).when(update({ team: null })).then([{ type: 'EmployeeUpdated', data: { ...profile, team: null, changed: ['team'], previousRole: 'agent' } }]));
    it('decides nothing when nothing changes', () => given([registered]).when(update({ name: 'Lin', team: 'team-a' })).thenNothingHappened());
    it('refuses reporting to themself', () => given([registered]).when(update({ reportsTo: 'E1' })).thenThrows('REPORTS_TO_INVALID'));
    it('records a departure', () => given([registered]).when(departure).then([leftEvent]));
    it('records a training', () =>
      given([registered]).when(training).then([
        { type: 'TrainingCompleted', data: { employeeId: 'E1', course: 'privacy-basics', completedAt: '2025-01-10T00:00:00Z', recordedBy: 'T1' } },
      ]));
  });

  describe('when left', () => {
    it('cannot be updated', () => given([registered, leftEvent]).when(update({ name: 'x' })).thenThrows('EMPLOYEE_LEFT'));
    it('decides nothing on a second departure', () => given([registered, leftEvent]).when(departure).thenNothingHappened());
    it('records no training', () => given([registered, leftEvent]).when(training).thenThrows('EMPLOYEE_LEFT'));
  });

  describe('toSnapshot', () => {
    it('is null before registration', () => expect(toSnapshot(initialState())).toBeNull());
    it('carries the profile, trainings (once each) and departure', () => {
      const trained: EmployeeEvent = { type: 'TrainingCompleted', data: { employeeId: 'E1', course: 'privacy-basics', completedAt: 'x', recordedBy: 'T1' } };
      const updated: EmployeeEvent = { type: 'EmployeeUpdated', data: { ...profile, name: 'Lin Mei', changed: ['name'], previousRole: 'agent' } };
      const state = [registered, trained, trained, updated, leftEvent].reduce(evolve, initialState());
      expect(toSnapshot(state)).toEqual({ ...profile, name: 'Lin Mei', left: true, trainings: ['privacy-basics'] });
    });
  });
});

describe('validateReportsTo', () => {
  const directory = new Map<string, EmployeeSnapshot>([
    ['M1', employee('M1', 'manager', null)],
    ['S1', employee('S1', 'supervisor', 'M1')],
    ['E1', employee('E1', 'agent', 'S1')],
    ['S9', employee('S9', 'supervisor', 'M1', { left: true })],
  ]);
  const lookup = (id: string): EmployeeSnapshot | null => directory.get(id) ?? null;

  it('accepts no superior and an existing superior', () => {
    expect(() => validateReportsTo('E2', null, lookup)).not.toThrow();
    expect(() => validateReportsTo('E2', 'S1', lookup)).not.toThrow();
    expect(() => validateReportsTo('S1', 'M1', lookup)).not.toThrow();
  });

  it.each([
    ['self', 'E1', 'E1'],
    ['unknown', 'E1', 'ZZ'],
    ['left', 'E1', 'S9'],
    ['a direct cycle', 'S1', 'E1'],
    ['an indirect cycle', 'M1', 'E1'],
  ])('refuses %s', (_name, id, reportsTo) => {
    expect(() => validateReportsTo(id, reportsTo, lookup)).toThrow(expect.objectContaining({ code: 'REPORTS_TO_INVALID' }));
  });
});

import type { EmployeeCommand } from '../commands.js';
import type { EmployeeEvent } from '../events.js';
import { deciderSpec } from '../testing/decider-spec.js';
import { day, employee, left, people } from '../testing/fixtures.js';
import { employeeDecider, evolve, initialState, toSnapshot } from './employee.decider.js';
import { mayStandInFor, runsAt } from './stand-in.js';

const { given } = deciderSpec(employeeDecider);
const s1 = { employeeId: 'S1', name: 'S1', role: 'supervisor' as const, team: 'team-a', reportsTo: 'M1', department: 'cc' };
const registered: EmployeeEvent = { type: 'EmployeeRegistered', data: s1 };
const s2 = employee('S2', 'supervisor', 'M1');
const appoint = (over: Partial<Extract<EmployeeCommand, { type: 'AppointStandIn' }>['data']> = {}): EmployeeCommand => ({
  type: 'AppointStandIn',
  data: { employeeId: 'S1', actor: employee('S1', 'supervisor', 'M1'), standIn: s2, from: day(1), until: day(8), reason: 'annual leave', now: day(0), ...over },
});
const appointed = (standInId = 'S2', from = day(1), until = day(8), appointedBy = 'S1'): EmployeeEvent => ({
  type: 'StandInAppointed',
  data: { employeeId: 'S1', standInId, from, until, reason: 'annual leave', appointedBy },
});
const end = (actor: Extract<EmployeeCommand, { type: 'EndStandIn' }>['data']['actor'], now = day(3)): EmployeeCommand => ({
  type: 'EndStandIn',
  data: { employeeId: 'S1', standInId: 'S2', actor, now },
});

describe('stand-ins (代理人)', () => {
  describe('the role order', () => {
    it.each([
      ['supervisor', 'agent', true],
      ['supervisor', 'supervisor', true],
      ['manager', 'supervisor', true],
      ['executive', 'manager', true],
      ['agent', 'supervisor', false],
      ['supervisor', 'manager', false],
      ['manager', 'executive', false],
      ['tech_support', 'tech_support', true],
      ['tech_support', 'agent', false],
      ['manager', 'tech_support', false],
      ['compliance', 'compliance', true],
      ['executive', 'compliance', false],
    ] as const)('a %s standing in for a %s: %s', (standIn, absent, allowed) => expect(mayStandInFor(standIn, absent)).toBe(allowed));
  });

  describe('when registered', () => {
    it('names a stand-in of the same role for a period', () => given([registered]).when(appoint()).then([appointed()]));
    it('lets the superior name one', () => given([registered]).when(appoint({ actor: people.manager })).then([appointed('S2', day(1), day(8), 'M1')]));
    it('accepts a higher role', () => given([registered]).when(appoint({ standIn: people.manager2 })).then([appointed('M2')]));
    it('accepts a period already running', () => given([registered]).when(appoint({ from: day(-1) })).then([appointed('S2', day(-1))]));
    it('refuses a lower role with STAND_IN_NOT_ELIGIBLE', () => given([registered]).when(appoint({ standIn: people.agent })).thenThrows('STAND_IN_NOT_ELIGIBLE'));
    it('refuses tech support for a supervisor', () => given([registered]).when(appoint({ standIn: people.tech })).thenThrows('STAND_IN_NOT_ELIGIBLE'));
    it('refuses themself and a leaver', () => {
      given([registered]).when(appoint({ standIn: employee('S1', 'supervisor', 'M1') })).thenThrows('STAND_IN_NOT_ELIGIBLE');
      given([registered]).when(appoint({ standIn: left(s2) })).thenThrows('STAND_IN_NOT_ELIGIBLE');
    });
    it('refuses anyone but the employee and their superior', () => given([registered]).when(appoint({ actor: people.manager2 })).thenThrows('NOT_SELF_OR_SUPERIOR'));
    it('refuses a period in the past or backwards', () => {
      given([registered]).when(appoint({ from: day(-5), until: day(-1) })).thenThrows('STAND_IN_PERIOD_INVALID');
      given([registered]).when(appoint({ from: day(3), until: day(2) })).thenThrows('STAND_IN_PERIOD_INVALID');
      given([registered]).when(appoint({ until: 'soon' })).thenThrows('STAND_IN_PERIOD_INVALID');
    });
    it('refuses a period overlapping the same stand-in, not a later one or another stand-in', () => {
      given([registered, appointed()]).when(appoint({ from: day(7), until: day(10) })).thenThrows('STAND_IN_PERIOD_INVALID');
      given([registered, appointed()]).when(appoint({ from: day(8), until: day(10) })).then([appointed('S2', day(8), day(10))]);
      given([registered, appointed()]).when(appoint({ standIn: people.manager2 })).then([appointed('M2')]);
    });
  });

  describe('when a stand-in is named', () => {
    const state = [registered, appointed()].reduce(evolve, initialState());
    it('shows it on the directory entry and runs during [from, until)', () => {
      const periods = toSnapshot(state)?.standIns ?? [];
      expect(periods).toEqual([{ standInId: 'S2', from: day(1), until: day(8), reason: 'annual leave' }]);
      expect([day(0.9), day(1), day(7.9), day(8)].map((at) => runsAt(periods[0]!, at))).toEqual([false, true, true, false]);
    });
    it('ends it on request by the employee or the superior', () => {
      given([registered, appointed()]).when(end({ kind: 'employee', employee: people.manager })).then([
        { type: 'StandInEnded', data: { employeeId: 'S1', standInId: 'S2', endedAt: day(3), endedBy: 'M1', cause: 'withdrawn' } },
      ]);
      given([registered, appointed()]).when(end({ kind: 'employee', employee: people.agent })).thenThrows('NOT_SELF_OR_SUPERIOR');
    });
    it('is ended by the scheduler only once the period is over', () => {
      const scheduler = { kind: 'system', id: 'expiry-scheduler' } as const;
      given([registered, appointed()]).when(end(scheduler, day(7))).thenNothingHappened();
      given([registered, appointed()]).when(end(scheduler, day(8))).then([
        { type: 'StandInEnded', data: { employeeId: 'S1', standInId: 'S2', endedAt: day(8), endedBy: 'expiry-scheduler', cause: 'period-ended' } },
      ]);
    });
    it('is gone after it ended, and ending it again is refused', () => {
      const ended: EmployeeEvent = { type: 'StandInEnded', data: { employeeId: 'S1', standInId: 'S2', endedAt: day(3), endedBy: 'S1', cause: 'withdrawn' } };
      expect(toSnapshot([registered, appointed(), ended].reduce(evolve, initialState()))?.standIns).toBeUndefined();
      given([registered, appointed(), ended]).when(end({ kind: 'employee', employee: people.supervisor })).thenThrows('INVALID_TRANSITION');
    });
  });
});


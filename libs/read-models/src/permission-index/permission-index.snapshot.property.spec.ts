/**
 * A permission index restored from a snapshot taken anywhere in the log, then fed the rest, answers
 * exactly as one that applied the whole log (checks, permissions, holders, employment), for random
 * command histories through the real decider plus directory changes (role change, departure).
 */
import fc from 'fast-check';
import type { CheckQuery } from './check-result.js';
import { type IndexableEvent, PermissionIndex } from './permission-index.js';
import { HOUR, MATTERS, T0, historyArb, run } from './testing/command-histories.js';
import { POLICY } from './testing/events.js';

const iso = (ms: number): string => new Date(ms).toISOString();

/** The run's log with a second employee, a role change and possibly a departure of E1 inserted, renumbered. */
const withDirectory = (log: readonly IndexableEvent[], end: number, changeAt: number, leaves: boolean): IndexableEvent[] => {
  const meta = (at: number) => ({ occurredAt: iso(at), actor: { id: 'test', kind: 'system' }, correlationId: 'c', causationId: 'c', policyVersion: 'sha256:test' });
  const profile = { employeeId: 'E1', name: 'E1', role: 'supervisor', team: 'team-a', reportsTo: null, department: null };
  const extra: IndexableEvent[] = [
    { type: 'EmployeeRegistered', data: { employeeId: 'E2', name: 'E2', role: 'manager', team: null, reportsTo: null, department: null }, metadata: meta(T0 - 10 * HOUR), position: '' },
    { type: 'EmployeeUpdated', data: { ...profile, changed: ['role'], previousRole: 'agent' }, metadata: meta(T0 + changeAt * HOUR), position: '' },
    ...(leaves ? [{ type: 'EmployeeLeft', data: { employeeId: 'E1', reason: 'resigned', leftAt: iso(end + HOUR) }, metadata: { ...meta(end + HOUR), schemaVersion: 2 }, position: '' }] : []),
  ];
  const middle = Math.floor(log.length / 2);
  return [...log.slice(0, middle), ...extra.slice(0, 2), ...log.slice(middle), ...extra.slice(2)].map((event, i) => ({ ...event, position: String(i + 1).padStart(20, '0') }));
};

const answers = (index: PermissionIndex, instants: readonly number[]): unknown[] =>
  instants.flatMap((at) => [
    ...MATTERS.flatMap((authority) =>
      [undefined, { amount: 500, channel: 'phone' }, { amount: 5000 }, { channel: 'fax' }].map((context) => {
        const query: CheckQuery = { employeeId: 'E1', authority, at, ...(context === undefined ? {} : { context }) };
        return index.check(query);
      }),
    ),
    index.check({ employeeId: 'E2', authority: 'compensation.issue', at }),
    index.check({ employeeId: 'nobody', authority: 'compensation.issue', at }),
    index.permissions('E1', at),
    index.permissions('E2', at),
    MATTERS.map((authority) => index.holders(authority, at)),
    index.employment('E1', at),
  ]);

describe('PermissionIndex snapshots', () => {
  it('restored anywhere in the log and fed the rest, answers as the index that applied it all', () => {
    fc.assert(
      fc.property(historyArb, fc.nat(), fc.integer({ min: -5, max: 300 }), fc.boolean(), fc.array(fc.integer({ min: -48, max: 900 }), { minLength: 5, maxLength: 15 }), (steps, cutSeed, changeAt, leaves, hours) => {
        const result = run(steps);
        const log = withDirectory(result.log, result.end, changeAt, leaves);
        const cut = cutSeed % (log.length + 1);
        const whole = new PermissionIndex(POLICY);
        for (const event of log) whole.apply(event);
        const before = new PermissionIndex(POLICY);
        for (const event of log.slice(0, cut)) before.apply(event);
        const restored = new PermissionIndex(POLICY);
        restored.loadSnapshot(before.saveSnapshot());
        expect(restored.position()).toBe(before.position());
        for (const event of log.slice(cut)) restored.apply(event);
        const instants = hours.map((n) => T0 + n * HOUR);
        expect(answers(restored, instants)).toEqual(answers(whole, instants));
        expect(restored.stats()).toEqual(whole.stats());
        // A second save of the restored index is the same text as the whole one's.
        expect(restored.saveSnapshot()).toBe(whole.saveSnapshot());
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });

  it('refuses a snapshot of another format and keeps what it holds', () => {
    const index = new PermissionIndex(POLICY);
    index.apply({ type: 'EmployeeRegistered', data: { employeeId: 'E9', name: 'E9', role: 'agent', team: null, reportsTo: null, department: null }, metadata: { occurredAt: iso(T0) }, position: '00000000000000000001' });
    expect(() => index.loadSnapshot(JSON.stringify({ format: 'permission-index/0', employees: [], grants: [], attached: [] }))).toThrow('not a permission-index/1 snapshot');
    expect(() => index.loadSnapshot('{"format":"permission-index/1"')).toThrow();
    expect(index.employment('E9', T0 + HOUR)).toBe('active');
  });
});

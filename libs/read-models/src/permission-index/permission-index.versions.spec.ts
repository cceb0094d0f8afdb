/** The index reads events through the domain's codec: v1 and v2 departures (`at` / `leftAt`) alike. */
import { PermissionIndex } from './permission-index.js';
import { h, iso, Log, POLICY } from './testing/events.js';

const reasonAt = (index: PermissionIndex, at: number): string | undefined => {
  const result = index.check({ employeeId: 'E1', authority: 'order.process', context: {}, at });
  return result.allowed ? undefined : result.reason;
};

describe('permission index over event versions', () => {
  describe('when the departure was stored as v2 (leftAt) and recorded later', () => {
    const log = new Log().registered('E1', 'agent', h(-10));
    const left = log.push('EmployeeLeft', { employeeId: 'E1', reason: 'resigned', leftAt: iso(h(50)) }, h(80));
    const index = new PermissionIndex(POLICY);
    for (const event of log.events) index.apply(event === left ? { ...left, metadata: { ...(left.metadata as object), schemaVersion: 2 } } : event);

    it('takes the departure at leftAt, not at the record time', () => {
      expect(reasonAt(index, h(49))).toBeUndefined();
      expect(reasonAt(index, h(50))).toBe('EMPLOYEE_LEFT');
    });
  });

  describe('when the departure was stored as v1 (at) and recorded later', () => {
    const log = new Log().registered('E1', 'agent', h(-10));
    log.push('EmployeeLeft', { employeeId: 'E1', reason: 'resigned', at: iso(h(50)) }, h(80));
    const index = new PermissionIndex(POLICY);
    for (const event of log.events) index.apply(event);

    it('takes the departure at the upcast instant', () => {
      expect(reasonAt(index, h(49))).toBeUndefined();
      expect(reasonAt(index, h(50))).toBe('EMPLOYEE_LEFT');
    });
  });

  describe('when an event is of a version newer than this code knows', () => {
    const log = new Log().registered('E1', 'agent', h(-10));
    const left = log.push('EmployeeLeft', { employeeId: 'E1', reason: 'resigned', leftAt: iso(h(50)) }, h(80));
    const index = new PermissionIndex(POLICY);
    for (const event of log.events) index.apply(event === left ? { ...left, metadata: { ...(left.metadata as object), schemaVersion: 3 } } : event);

    it('skips it (never misreads it) and still advances its position', () => {
      expect(reasonAt(index, h(500))).toBeUndefined();
      expect(index.position()).toBe(left.position);
    });
  });
});

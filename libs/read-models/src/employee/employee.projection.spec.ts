import type { RecordedEvent } from '../../../event-store/src/event-store.port.js';
import { toProjectedEvent } from '../recorded.js';
import { EventLog, register } from '../testing/event-log.js';
import { evolveEmployee, isEmployeeEvent, type EmployeeRow } from './employee.projection.js';

const fold = (events: readonly RecordedEvent[]): EmployeeRow | null =>
  events.reduce<EmployeeRow | null>((row, recorded) => {
    const p = toProjectedEvent(recorded);
    return p !== null && isEmployeeEvent(p) ? evolveEmployee(row, p) : row;
  }, null);

describe('employee projection', () => {
  it('follows registration, moves, trainings and departure', () => {
    const log = new EventLog();
    register(log, 'E1', 'agent', 'S1');
    log.add({ type: 'EmployeeUpdated', data: { employeeId: 'E1', name: 'Name E1', role: 'supervisor', team: 'T2', reportsTo: 'M1', department: 'CS', changed: ['role', 'team', 'reportsTo'], previousRole: 'agent' } }, 'svc:hr');
    log.add({ type: 'TrainingCompleted', data: { employeeId: 'E1', course: 'privacy-basics', completedAt: '2026-01-05T00:00:00.000Z', recordedBy: 'svc:hr' } }, 'svc:hr');
    const left = log.add({ type: 'EmployeeLeft', data: { employeeId: 'E1', reason: 'resigned', leftAt: '2026-02-01T00:00:00.000Z' } }, 'svc:hr');
    expect(fold(log.events)).toEqual({
      id: 'E1',
      name: 'Name E1',
      role: 'supervisor',
      team: 'T2',
      reportsTo: 'M1',
      department: 'CS',
      leftAt: '2026-02-01T00:00:00.000Z',
      leftReason: 'resigned',
      trainings: [{ course: 'privacy-basics', completedAt: '2026-01-05T00:00:00.000Z' }],
      createdAt: log.events[0]?.metadata['occurredAt'],
      updatedAt: left.metadata['occurredAt'],
      lastPosition: left.position,
    });
  });

  it('ignores an update of an unknown employee', () => {
    const log = new EventLog();
    log.add({ type: 'EmployeeLeft', data: { employeeId: 'E9', reason: null, leftAt: '2026-02-01T00:00:00.000Z' } });
    expect(fold(log.events)).toBeNull();
  });
});

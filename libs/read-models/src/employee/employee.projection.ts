/** Pure projection of an employee's stream into the directory table. */
import { isEmployeeStreamEvent } from '../../../domain/src/codec/event-codec.js';
import type { EmployeeEvent } from '../../../domain/src/events.js';
import type { Role } from '../../../domain/src/ids.js';
import { comparePositions, type Position } from '../../../event-store/src/event-store.port.js';
import type { ProjectedEvent } from '../recorded.js';

export interface TrainingRecord {
  readonly course: string;
  readonly completedAt: string;
}

export interface EmployeeRow {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly team: string | null;
  readonly reportsTo: string | null;
  readonly department: string | null;
  readonly leftAt: string | null;
  readonly leftReason: string | null;
  readonly trainings: readonly TrainingRecord[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly lastPosition: Position;
}

export const isEmployeeEvent = (projected: ProjectedEvent): projected is ProjectedEvent<EmployeeEvent> => isEmployeeStreamEvent(projected.event);

const step = (row: EmployeeRow | null, p: ProjectedEvent<EmployeeEvent>): EmployeeRow | null => {
  const e = p.event;
  switch (e.type) {
    case 'EmployeeRegistered': {
      const d = e.data;
      return { id: d.employeeId, name: d.name, role: d.role, team: d.team, reportsTo: d.reportsTo, department: d.department, leftAt: null, leftReason: null, trainings: [], createdAt: p.occurredAt, updatedAt: p.occurredAt, lastPosition: p.position };
    }
    case 'EmployeeUpdated': {
      if (row === null) return null;
      const d = e.data;
      return { ...row, name: d.name, role: d.role, team: d.team, reportsTo: d.reportsTo, department: d.department };
    }
    case 'EmployeeLeft':
      return row === null ? null : { ...row, leftAt: e.data.leftAt, leftReason: e.data.reason };
    case 'TrainingCompleted':
      return row === null ? null : { ...row, trainings: [...row.trainings, { course: e.data.course, completedAt: e.data.completedAt }] };
    case 'StandInAppointed':
    case 'StandInEnded':
      return row;
    default: {
      const _exhaustive: never = e;
      return _exhaustive;
    }
  }
};

/** `evolve(row, event)`; an event at or before the row's last position is ignored (replay is a no-op). */
export const evolveEmployee = (row: EmployeeRow | null, p: ProjectedEvent<EmployeeEvent>): EmployeeRow | null => {
  if (row !== null && comparePositions(p.position, row.lastPosition) <= 0) return row;
  const next = step(row, p);
  return next === null ? null : { ...next, updatedAt: p.occurredAt, lastPosition: p.position };
};

/**
 * `employee-{id}`: publishes nothing; its context is the profile other sources' messages show
 * (as of their event: a later rename does not rewrite what an old notice said).
 */
import type { RecordedEvent } from '../../../event-store/src/event-store.port.js';
import { employeeEvents } from '../../../domain/src/codec/event-codec.js';
import type { NoticeEmployee } from '../../../contracts/src/index.js';
import type { NoticeSource } from '../notice-source.js';
import { EMPLOYEE_CATEGORY } from '../notice-mapper.js';

/** Folds one stored event of `employee-{id}` into the profile a notice shows (null before registration). */
export function evolveEmployee(profile: NoticeEmployee | null, stored: RecordedEvent): NoticeEmployee | null {
  const event = employeeEvents.decode(stored);
  if (event === null) return profile;
  switch (event.type) {
    case 'EmployeeRegistered':
    case 'EmployeeUpdated':
      return { id: event.data.employeeId, name: event.data.name, role: event.data.role, team: event.data.team };
    default:
      // Departures, trainings, stand-ins: the profile a notice shows stays as it was.
      return profile;
  }
}

export const employeeSource: NoticeSource<NoticeEmployee | null> = {
  category: EMPLOYEE_CATEGORY,
  types: [],
  publishes: () => false,
  initial: null,
  evolve: evolveEmployee,
  map: () => Promise.resolve(null),
};

import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  type EmployeeSnapshot,
  employeeDecider,
  employeeStream,
  foldStored,
  toSnapshot,
} from '../../../../libs/domain/src/index.js';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../../../../libs/event-store/src/index.js';
import { standingInFor } from '../../../../libs/read-models/src/stand-in/stand-ins.projection.js';
import { SQL_CLIENT, type SqlClient } from '../../../../libs/sql/src/sql-client.port.js';
import type { Principal } from '../auth/principal.js';
import { ForbiddenError, UnauthenticatedError } from '../shared/application-errors.js';

/** Fast, possibly slightly stale, answer about an employee: the in-memory index of this replica. */
export interface EmployeeStatusSource {
  status(employeeId: string): 'active' | 'left' | 'unknown';
}
export const EMPLOYEE_STATUS_SOURCE = Symbol('EMPLOYEE_STATUS_SOURCE');

/** The directory entry an employee stream folds to (null before registration). */
export const employeeEntryOf = (events: readonly RecordedEvent[] | undefined): EmployeeSnapshot | null =>
  toSnapshot(foldStored(employeeDecider, events ?? []));

/** `entry` (the principal's directory entry, however it was read) as the acting employee, or the refusal. */
export function actingEmployeeOf(principal: Principal, entry: EmployeeSnapshot | null): EmployeeSnapshot {
  if (principal.kind !== 'employee') throw new ForbiddenError('EMPLOYEE_REQUIRED', 'only employees do this');
  if (entry === null) throw new UnauthenticatedError('UNKNOWN_EMPLOYEE', `employee ${principal.id} is not in the directory`);
  return entry;
}

/**
 * The directory as commands need it: read from the employee's own stream, so a decision is taken
 * on the entry as it is now, never on a projection that may lag.
 */
@Injectable()
export class DirectoryService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(EMPLOYEE_STATUS_SOURCE) private readonly fast: EmployeeStatusSource | null,
    @Optional() @Inject(SQL_CLIENT) private readonly sql: SqlClient | null,
  ) {}

  /**
   * The entries, read now from their streams, of the people who named `standInId` as their stand-in
   * (代理人) for a period running at `at`; the domain checks the period again on each entry.
   */
  async absentFor(standInId: string, at: string): Promise<EmployeeSnapshot[]> {
    if (this.sql === null) return [];
    const absent = await standingInFor(this.sql, standInId, at);
    const entries = await Promise.all(absent.map((row) => this.snapshot(row.employeeId)));
    return entries.filter((entry): entry is EmployeeSnapshot => entry !== null);
  }

  async snapshot(employeeId: string): Promise<EmployeeSnapshot | null> {
    return employeeEntryOf(await this.store.readStream(employeeStream(employeeId)));
  }

  /** The calling employee's entry, for acting: services act through scopes, never as employees. */
  async actingEmployee(principal: Principal): Promise<EmployeeSnapshot> {
    return actingEmployeeOf(principal, principal.kind === 'employee' ? await this.snapshot(principal.id) : null);
  }

  /** Lets the token check use the in-memory index, falling back to the stream when it knows nothing. */
  async status(employeeId: string): Promise<'active' | 'left' | 'unknown'> {
    const known = this.fast?.status(employeeId) ?? 'unknown';
    if (known !== 'unknown') return known;
    const snapshot = await this.snapshot(employeeId);
    return snapshot === null ? 'unknown' : snapshot.left ? 'left' : 'active';
  }

  /** The reporting chain above `employeeId` (for cycle checks), at most `depth` entries. */
  async chain(employeeId: string | null, depth = 64): Promise<Map<string, EmployeeSnapshot>> {
    const found = new Map<string, EmployeeSnapshot>();
    let next = employeeId;
    while (next !== null && !found.has(next) && found.size < depth) {
      const snapshot = await this.snapshot(next);
      if (snapshot === null) break;
      found.set(next, snapshot);
      next = snapshot.reportsTo;
    }
    return found;
  }
}

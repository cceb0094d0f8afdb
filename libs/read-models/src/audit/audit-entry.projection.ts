/** One audit entry per stored event, whatever its type (supervision streams included). */
import type { Actor } from '../../../domain/src/events.js';
import type { Position, RecordedEvent } from '../../../event-store/src/event-store.port.js';
import { actorOf, dataField, occurredAtOf } from '../recorded.js';

export interface AuditEntry {
  readonly position: Position;
  readonly eventId: string;
  readonly type: string;
  readonly streamId: string;
  readonly revision: number;
  readonly occurredAt: string;
  readonly actor: Actor | null;
  readonly data: unknown;
  readonly metadata: unknown;
}

/** An entry with the keys the audit filters use. */
export interface IndexedAuditEntry {
  readonly entry: AuditEntry;
  readonly authorizationId: string | null;
  /** The employee the event is about: the applicant of an authorization, the employee of an employee stream, the subject of a report. */
  readonly employeeId: string | null;
}

const AUTHORIZATION_PREFIX = 'authorization-';

/**
 * `applicantOf` answers the applicant of an authorization known from earlier events (the
 * store passes its rows); `AuthorizationApplied` itself names the applicant.
 */
export const auditEntryOf = (recorded: RecordedEvent, applicantOf: (authorizationId: string) => string | null): IndexedAuditEntry => {
  const entry: AuditEntry = {
    position: recorded.position,
    eventId: recorded.id,
    type: recorded.type,
    streamId: recorded.streamId,
    revision: recorded.revision,
    occurredAt: occurredAtOf(recorded),
    actor: actorOf(recorded.metadata),
    data: recorded.data,
    metadata: recorded.metadata,
  };
  const authorizationId = recorded.streamId.startsWith(AUTHORIZATION_PREFIX)
    ? recorded.streamId.slice(AUTHORIZATION_PREFIX.length)
    : dataField(recorded.data, 'authorizationId');
  const named = dataField(recorded.data, 'applicantId') ?? dataField(recorded.data, 'employeeId') ?? dataField(recorded.data, 'subjectEmployeeId');
  const employeeId = recorded.streamId.startsWith(AUTHORIZATION_PREFIX) && authorizationId !== null ? (dataField(recorded.data, 'applicantId') ?? applicantOf(authorizationId) ?? named) : named;
  return { entry, authorizationId, employeeId };
};

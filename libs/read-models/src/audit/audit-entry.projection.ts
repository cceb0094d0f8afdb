/** One audit entry per stored event, whatever its type (supervision streams included), except the signed anchors. */
import type { Actor } from '../../../domain/src/events.js';
import type { Position, RecordedEvent } from '../../../event-store/src/event-store.port.js';
import { actorOf, dataField, occurredAtOf } from '../recorded.js';
import { ANCHOR_STREAM } from './proof/audit-anchor.js';

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
 * Whether a stored event is an entry of the audit trail: every event but the signed anchors
 * (stream `audit-anchors`), which are statements ABOUT the chain (SPEC §12).
 */
export const isAuditEntry = (recorded: Pick<RecordedEvent, 'streamId'>): boolean => recorded.streamId !== ANCHOR_STREAM;

/** The entry exactly as the trail keeps and the chain hashes it (the signer hashes the same). */
export const toAuditEntry = (recorded: RecordedEvent): AuditEntry => ({
  position: recorded.position,
  eventId: recorded.id,
  type: recorded.type,
  streamId: recorded.streamId,
  revision: recorded.revision,
  occurredAt: occurredAtOf(recorded),
  actor: actorOf(recorded.metadata),
  data: recorded.data,
  metadata: recorded.metadata,
});

/**
 * `applicantOf` answers the applicant of an authorization known from earlier events (the
 * store passes its rows); `AuthorizationApplied` itself names the applicant.
 */
export const auditEntryOf = (recorded: RecordedEvent, applicantOf: (authorizationId: string) => string | null): IndexedAuditEntry => {
  const entry = toAuditEntry(recorded);
  const authorizationId = recorded.streamId.startsWith(AUTHORIZATION_PREFIX)
    ? recorded.streamId.slice(AUTHORIZATION_PREFIX.length)
    : dataField(recorded.data, 'authorizationId');
  const named = dataField(recorded.data, 'applicantId') ?? dataField(recorded.data, 'employeeId') ?? dataField(recorded.data, 'subjectEmployeeId');
  const employeeId = recorded.streamId.startsWith(AUTHORIZATION_PREFIX) && authorizationId !== null ? (dataField(recorded.data, 'applicantId') ?? applicantOf(authorizationId) ?? named) : named;
  return { entry, authorizationId, employeeId };
};

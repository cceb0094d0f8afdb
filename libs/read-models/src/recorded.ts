/**
 * Narrowing of stored events (`RecordedEvent`, untyped `data`) to the domain's event union.
 * Unknown types (supervision streams, future versions) stay in the audit trail but drive no row.
 */
import type { Actor, DomainEvent, DomainEventType } from '../../domain/src/events.js';
import type { Position, RecordedEvent } from '../../event-store/src/event-store.port.js';

const DOMAIN_EVENT_TYPES: ReadonlySet<string> = new Set<DomainEventType>([
  'EmployeeRegistered',
  'EmployeeUpdated',
  'EmployeeLeft',
  'TrainingCompleted',
  'AuthorizationApplied',
  'InitialReviewPassed',
  'InitialReviewRejected',
  'ManagerApproved',
  'ManagerRejected',
  'ExecutiveApproved',
  'ExecutiveRejected',
  'NoticeIssued',
  'NoticeAcknowledged',
  'ChangeApplied',
  'ExpiryReminderIssued',
  'AuthorizationExpired',
  'AuthorizationCompleted',
  'AuthorizationRevoked',
  'ApplicationWithdrawn',
]);

/** A domain event with where and when it was recorded: the input of every projection. */
export interface ProjectedEvent<E extends DomainEvent = DomainEvent> {
  readonly event: E;
  readonly position: Position;
  readonly streamId: string;
  readonly occurredAt: string;
  readonly actor: Actor | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const actorOf = (metadata: unknown): Actor | null => {
  if (!isRecord(metadata) || !isRecord(metadata['actor'])) return null;
  const { id, kind } = metadata['actor'];
  if (typeof id !== 'string' || (kind !== 'employee' && kind !== 'service' && kind !== 'system')) return null;
  return { id, kind };
};

/** The business instant (`metadata.occurredAt`), falling back to the store's record time. */
export const occurredAtOf = (recorded: RecordedEvent): string => {
  const value = isRecord(recorded.metadata) ? recorded.metadata['occurredAt'] : undefined;
  return typeof value === 'string' ? value : recorded.recordedAt;
};

export const toProjectedEvent = (recorded: RecordedEvent): ProjectedEvent | null => {
  if (!DOMAIN_EVENT_TYPES.has(recorded.type) || !isRecord(recorded.data)) return null;
  const event = { type: recorded.type, data: recorded.data, metadata: recorded.metadata } as unknown as DomainEvent;
  return { event, position: recorded.position, streamId: recorded.streamId, occurredAt: occurredAtOf(recorded), actor: actorOf(recorded.metadata) };
};

export const dataField = (data: unknown, key: string): string | null => {
  if (!isRecord(data)) return null;
  const value = data[key];
  return typeof value === 'string' ? value : null;
};

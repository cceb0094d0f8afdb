/**
 * Stored events (`RecordedEvent`, untyped `data`) as the domain's events, through the domain's codec
 * (upcast to the current version). Other types (supervision streams, a newer writer's) stay in the
 * audit trail but drive no row.
 */
import { decodeDomainEvent } from '../../domain/src/codec/event-codec.js';
import type { Actor, DomainEvent } from '../../domain/src/events.js';
import type { Position, RecordedEvent } from '../../event-store/src/event-store.port.js';

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
  const event = decodeDomainEvent(recorded);
  if (event === null) return null;
  return { event, position: recorded.position, streamId: recorded.streamId, occurredAt: occurredAtOf(recorded), actor: actorOf(recorded.metadata) };
};

export const dataField = (data: unknown, key: string): string | null => {
  if (!isRecord(data)) return null;
  const value = data[key];
  return typeof value === 'string' ? value : null;
};

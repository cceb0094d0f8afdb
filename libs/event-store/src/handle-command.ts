import { v5 as uuidv5 } from 'uuid';
import { withSchemaVersion } from '../../domain/src/codec/event-codec.js';
import { type Decider, foldStored } from '../../domain/src/decider.js';
import type { EventMetadataLike, EventStore, NewEvent, Position, RecordedEvent } from './event-store.port.js';

type StoredShape = { readonly type: string; readonly data?: unknown };

/** Namespace of the event ids derived from command ids / Idempotency-Keys (a fixed random UUID). */
export const EVENT_ID_NAMESPACE = '5b0e4c1e-2f7a-4d43-9c61-2b8f3c6a9e10';

/** The id of the `index`-th event caused by `key` (a command id or Idempotency-Key): stable across retries. */
export const deriveEventId = (key: string, index: number): string => uuidv5(`${key}:${index}`, EVENT_ID_NAMESPACE);

export interface HandleCommandOptions<E> {
  /** Derive event ids from this key (UUIDv5), so a retried command is de-duplicated by the store. */
  readonly commandId?: string;
  /** Explicit ids per event index; wins over `commandId`. Without either, random UUIDs. */
  readonly eventIds?: (index: number) => string;
  /** Metadata stored with each new event. */
  readonly metadata?: (event: E, index: number) => EventMetadataLike;
  /**
   * The stream as the caller already read it (e.g. with `readStreams`, together with the directory
   * entries the command needs): saves a round trip. The append still checks its last revision.
   */
  readonly history?: readonly RecordedEvent[];
}

export interface HandleCommandResult<S> {
  /** The events this command appended (or, for a duplicate, the events stored by the original). */
  readonly events: readonly RecordedEvent[];
  readonly newState: S;
  /** Revision of the stream's last event; -1 when the stream still does not exist. */
  readonly nextRevision: number;
  /** Consistency token: the last appended event, else the stream's last event, else the store head. */
  readonly position: Position;
  readonly duplicate: boolean;
}

/** The ids a command's events get when they are stable across retries (explicit or from the command id). */
const derivedIdOf = (options: Pick<HandleCommandOptions<unknown>, 'eventIds' | 'commandId'>): ((index: number) => string) | undefined => {
  if (options.eventIds) return options.eventIds;
  const commandId = options.commandId;
  return commandId === undefined ? undefined : (index) => deriveEventId(commandId, index);
};

/** Whether `history` holds the first event of the command whose ids `idOf` gives (it ran already). */
export const commandRan = (history: readonly RecordedEvent[], idOf: (index: number) => string): boolean => history.some((event) => event.id === idOf(0));

/**
 * The store is the record of a command: when the stream already holds its first event (a retry
 * whose first answer was lost), the result is rebuilt from the events it stored — the state right
 * after them and the position of the last — instead of deciding again (which would refuse: the
 * command's effect is already there). Null when the command has not run yet.
 */
const alreadyHandled = <S, C, E extends StoredShape>(
  history: readonly RecordedEvent[],
  idOf: (index: number) => string,
  decider: Decider<C, E, S>,
): HandleCommandResult<S> | null => {
  const at = history.findIndex((event) => event.id === idOf(0));
  if (at === -1) return null;
  let end = at + 1;
  while (end < history.length && history[end]?.id === idOf(end - at)) end += 1;
  const upTo = history.slice(0, end);
  const last = upTo[upTo.length - 1] as RecordedEvent;
  return {
    events: history.slice(at, end),
    newState: foldStored(decider, upTo),
    nextRevision: last.revision,
    position: last.position,
    duplicate: true,
  };
};

/**
 * Read the stream, fold, decide, append with the expected revision of what was read. A concurrent
 * writer makes the append throw ConcurrencyError (the caller may retry the whole command).
 */
export const handleCommand = async <S, C, E extends StoredShape>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, E, S>,
  command: C,
  options: HandleCommandOptions<E> = {},
): Promise<HandleCommandResult<S>> => {
  const history = options.history ?? (await store.readStream(streamId));
  const derivedId = derivedIdOf(options);
  const handled = derivedId === undefined ? null : alreadyHandled(history, derivedId, decider);
  if (handled !== null) return handled;
  const state = foldStored(decider, history);
  const lastRead = history[history.length - 1];
  const decided = decider.decide(command, state);
  if (decided.length === 0) {
    return {
      events: [],
      newState: state,
      nextRevision: lastRead?.revision ?? -1,
      position: lastRead?.position ?? (await store.headPosition()),
      duplicate: false,
    };
  }
  const idOf = derivedId ?? (() => globalThis.crypto.randomUUID());
  const newEvents: NewEvent[] = decided.map((event, index) => ({
    id: idOf(index),
    type: event.type,
    data: event.data ?? null,
    // A version above 1 is stored as `metadata.schemaVersion` (SPEC §6); v1 rows carry no marker.
    metadata: withSchemaVersion(event.type, options.metadata?.(event, index) ?? {}),
  }));
  const result = await store.append(streamId, newEvents, { expectedRevision: lastRead?.revision ?? 'no_stream' });
  if (result.duplicate) {
    // A retry racing its original, which appended first: the stream holds it now, read it as above.
    const original = alreadyHandled(await store.readStream(streamId), idOf, decider);
    if (original === null) throw new Error(`the append to ${streamId} was reported a duplicate, yet the stream does not hold its events`);
    return original;
  }
  const first = result.nextRevision - newEvents.length + 1;
  const recordedAt = new Date().toISOString();
  const events: RecordedEvent[] = newEvents.map((e, i) => ({
    ...e,
    streamId,
    revision: first + i,
    // Adapters that cannot tell each event's position give the last one: earlier events precede it.
    position: result.positions?.[i] ?? result.position,
    // The store's clock is not returned by append; this is the handler's observation of it.
    recordedAt,
  }));
  return {
    events,
    newState: decided.reduce((s, e) => decider.evolve(s, e), state),
    nextRevision: result.nextRevision,
    position: result.position,
    duplicate: false,
  };
};

/** Reads several streams in one round trip where the adapter can, one by one otherwise. */
export const readStreams = async (store: EventStore, streamIds: readonly string[]): Promise<Map<string, RecordedEvent[]>> => {
  if (store.readStreams) return store.readStreams(streamIds);
  return new Map(await Promise.all(streamIds.map(async (id) => [id, await store.readStream(id)] as const)));
};

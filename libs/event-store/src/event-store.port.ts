/**
 * The event store port. Adapters: PostgreSQL (pg), PGlite (same SQL, embedded) and EventStoreDB.
 * All of them pass the one contract suite in `testing/event-store.contract.ts`.
 */

/**
 * An opaque, totally ordered position in the global log ("$all"), usable as a consistency token.
 * Every adapter encodes it as a fixed-width string so that positions compare with plain string
 * comparison (`comparePositions`). `START` is before every event.
 */
export type Position = string;
export const START: Position = '0';
export const comparePositions = (a: Position, b: Position): number => (a < b ? -1 : a > b ? 1 : 0);

export interface EventMetadataLike {
  readonly [key: string]: unknown;
}

export interface NewEvent {
  /** UUID. Derived from the command id / Idempotency-Key so that a retried append is de-duplicated. */
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadataLike;
}

export interface RecordedEvent {
  readonly id: string;
  readonly type: string;
  readonly streamId: string;
  /** 0-based revision of the event in its stream. */
  readonly revision: number;
  readonly position: Position;
  readonly data: unknown;
  readonly metadata: EventMetadataLike;
  /** ISO-8601 instant the store recorded the event. */
  readonly recordedAt: string;
}

/** `no_stream`: the stream must not exist; a number: the revision of the stream's last event. */
export type ExpectedRevision = 'no_stream' | number;

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  readonly nextRevision: number;
  /** Position of the last appended event: the consistency token of the command. */
  readonly position: Position;
  /** true when every event id was already stored (an idempotent retry): nothing was written. */
  readonly duplicate: boolean;
  /** Position of each appended event, in order, when the adapter knows them (optional). */
  readonly positions?: readonly Position[];
}

export interface ReadAllOptions {
  /** Exclusive lower bound. */
  readonly after?: Position;
  readonly limit?: number;
}

export interface SubscribeOptions {
  /** Exclusive lower bound; START for everything. */
  readonly after: Position;
  /** Called in global order, one event at a time; the subscription waits for the promise. */
  readonly onEvent: (event: RecordedEvent) => Promise<void> | void;
  /** Called when the subscription has delivered everything that was committed when it was called (caught up). */
  readonly onCaughtUp?: (position: Position) => void;
  readonly onError?: (error: unknown) => void;
  readonly batchSize?: number;
}

export interface Subscription {
  /** Position of the last event delivered (or the `after` it started from). */
  readonly position: () => Position;
  readonly stop: () => Promise<void>;
}

export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, found ${String(actual)}`);
  }
}

export interface EventStore {
  /**
   * Appends atomically: all events or none. Throws ConcurrencyError when the stream's revision is
   * not `expectedRevision`. When every event id is already in the stream (a retry of an append that
   * succeeded), returns the original result with `duplicate: true` and writes nothing.
   */
  append(streamId: string, events: readonly NewEvent[], options: { readonly expectedRevision: ExpectedRevision }): Promise<AppendResult>;
  /** The stream's events in revision order; `[]` for a stream that does not exist. */
  readStream(streamId: string): Promise<RecordedEvent[]>;
  /**
   * Several streams in one round trip (adapters that cannot, read them one by one): a command reads
   * its aggregate and the directory entries it decides on together. Missing streams map to `[]`.
   */
  readStreams?(streamIds: readonly string[]): Promise<Map<string, RecordedEvent[]>>;
  /** One batch of the global log in commit order, never skipping an event that commits late. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up subscription to the global log: history after `after`, then a live tail. */
  subscribeToAll(options: SubscribeOptions): Subscription;
  /** Position of the newest event that a reader may see now (START when empty). */
  headPosition(): Promise<Position>;
  /**
   * Position of the newest committed event, even one that readers may not see yet (an older
   * transaction still running elsewhere holds it back): every position this store ever answered is at
   * or before it. An adapter without such a lag answers its `headPosition`.
   */
  writtenPosition(): Promise<Position>;
  /** Whether the store answers (for readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');

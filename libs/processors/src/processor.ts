/**
 * The one way to consume the log (issue 12). A process hosts a list of processors and feeds them
 * from ONE subscription to the global log, in log order. Two kinds, as Emmett has them:
 *
 * - a **projection** folds events into rows. Its `apply` runs inside the transaction that also moves
 *   its checkpoint, so rows and checkpoint commit together and a replayed batch is a no-op.
 *   In-memory projections (the permission and report indexes) have no transaction: they hold their
 *   position themselves and may restore from a snapshot (`memory`).
 * - a **reactor** does an effect (publish to Kafka, send a mail, append a command's events), then its
 *   checkpoint moves. Delivery is at-least-once: an effect must be idempotent (derived ids). A reactor
 *   that must run on one instance only sets `leader: true` and the host takes a lease for it.
 *
 * Checkpoints live in one table keyed by processor name (`processor_checkpoints`).
 */
import type { Position, RecordedEvent } from '../../event-store/src/event-store.port.js';
import type { SqlClient, SqlQueryable } from '../../sql/src/sql-client.port.js';

interface ProcessorBase {
  /** The checkpoint's key: unique in the deployment, stable across releases (renaming replays). */
  readonly name: string;
  /** Which events it wants; the others still move its checkpoint. Default: every event. */
  readonly accepts?: (event: RecordedEvent) => boolean;
  /** Most events handed over in one call (default 500). */
  readonly batchSize?: number;
}

export interface SqlProjection extends ProcessorBase {
  readonly kind: 'projection';
  /** Idempotent DDL, run once under an advisory lock before the first batch. */
  readonly schema?: readonly string[];
  /** Folds `events` (after the checkpoint, in log order) into rows, inside the checkpoint's transaction. */
  readonly apply: (tx: SqlQueryable, events: readonly RecordedEvent[]) => Promise<void>;
  /**
   * Called once the transaction of an `apply` has committed (never after a rollback), e.g. to wake
   * a local worker that reads the new rows. Not an effect of its own: a crash may skip it.
   */
  readonly committed?: () => void;
}

/**
 * How the host snapshots a memory projection into `processor_snapshots` (one row per name) and
 * starts it from there plus the tail instead of the whole log.
 */
export interface MemorySnapshot {
  /** Names the shape and the fold: a stored snapshot of another format is ignored (the log is replayed). */
  readonly format: string;
  /** The state as of the last event applied, as text (called between batches, so state and position agree). */
  readonly save: () => string;
  /** Replaces the state with a saved one, before any event; throws (leaving the state untouched) when it cannot. */
  readonly load: (data: string) => void;
  /** Write a snapshot once this many events were applied since the last one (default 100,000)… */
  readonly everyEvents?: number;
  /** …or once this long has passed with at least one event applied (default 10 minutes). */
  readonly everyMs?: number;
}

export interface MemoryProjection extends ProcessorBase {
  readonly kind: 'memory';
  /** Position to resume after (from a snapshot), START for the whole log. */
  readonly restore?: () => Promise<Position>;
  /** Snapshots kept by the host (takes precedence over `restore`). */
  readonly snapshot?: MemorySnapshot;
  /** Folds events synchronously into process memory. */
  readonly apply: (events: readonly RecordedEvent[]) => void;
}

export interface ReactorContext {
  readonly sql: SqlClient;
  /** Aborted when the host stops or loses the lease: stop starting new effects. */
  readonly signal: AbortSignal;
}

export interface Reactor extends ProcessorBase {
  readonly kind: 'reactor';
  /** Run on a single instance of the deployment (lease held by the host). */
  readonly leader?: boolean;
  readonly schema?: readonly string[];
  /** Does the effect of `events`; the checkpoint moves when it resolves. Throwing retries the batch with backoff. */
  readonly react: (events: readonly RecordedEvent[], context: ReactorContext) => Promise<void>;
}

export type Processor = SqlProjection | MemoryProjection | Reactor;

/**
 * Event store → SQL read models. Subscribes from the stored checkpoint and applies events in
 * batches (up to `batchSize` events, or whatever arrived within `flushIntervalMs`). Each batch
 * and its checkpoint commit together (ReadModelStore), so a crash replays at most the batch in
 * flight and never skips. A failing batch is retried with backoff while the subscription waits.
 */
import { comparePositions, START, type EventStore, type Position, type RecordedEvent, type Subscription } from '../../../libs/event-store/src/event-store.port.js';
import { decodePosition } from '../../../libs/event-store/src/position.js';
import type { ReadModelStore } from '../../../libs/read-models/src/postgres/read-model.store.js';
import { projectorMetrics, type ProjectorMetrics } from './projector-metrics.js';

export interface ProjectorLogger {
  error(obj: object, msg: string): void;
}

export interface ProjectorOptions {
  readonly batchSize?: number;
  readonly flushIntervalMs?: number;
  readonly maxRetryDelayMs?: number;
  readonly logger?: ProjectorLogger;
}

/** The sequence part of a position as a number, for metrics only (positions stay opaque otherwise). */
const sequenceOf = (position: Position): number | null => {
  try {
    const value = Number(decodePosition(position)[1]);
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class Projector {
  private subscription: Subscription | null = null;
  private buffer: RecordedEvent[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private applied: Position = START;
  private lastRecordedAt: string | null = null;
  private caughtUp = false;
  private stopped = true;
  private readonly waiters = new Set<{ target: Position; resolve: (reached: boolean) => void }>();
  private readonly metrics: ProjectorMetrics = projectorMetrics();
  private readonly batchSize: number;
  private readonly flushIntervalMs: number;
  private readonly maxRetryDelayMs: number;

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadModelStore,
    private readonly options: ProjectorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.flushIntervalMs = options.flushIntervalMs ?? 50;
    // At most 1 s between retries: the read models catch up within about a second of the store's return.
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 1000;
  }

  /** Starts from the stored checkpoint; resolves once subscribed (not once caught up). */
  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.applied = await this.store.checkpoint();
    this.publishPosition();
    this.subscription = this.events.subscribeToAll({
      after: this.applied,
      batchSize: this.batchSize,
      onEvent: (event) => this.onEvent(event),
      onCaughtUp: () => {
        this.caughtUp = true;
        void this.flush();
      },
      onError: (error: unknown) => this.options.logger?.error({ err: error, projection: this.store.projection }, 'projector subscription failed'),
    });
  }

  /** Stops the subscription and applies what was buffered. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    await this.subscription?.stop();
    this.subscription = null;
    this.stopped = true;
    await this.flush();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    for (const waiter of this.waiters) waiter.resolve(false);
    this.waiters.clear();
  }

  /** Position of the last event the read models reflect (committed with its checkpoint). */
  position(): Position {
    return this.applied;
  }

  /** Whether the subscription has delivered the whole history at least once. */
  isCaughtUp(): boolean {
    return this.caughtUp && this.buffer.length === 0;
  }

  /** Compares the read side with the head of the log (for /health/ready and the lag gauges). */
  async lag(): Promise<{ readonly position: Position; readonly head: Position; readonly behind: boolean }> {
    const head = await this.events.headPosition();
    const behind = comparePositions(this.applied, head) < 0;
    const labels = { projection: this.store.projection };
    const headSequence = sequenceOf(head);
    const sequence = sequenceOf(this.applied) ?? 0;
    if (headSequence !== null) {
      this.metrics.head.set(labels, headSequence);
      this.metrics.lagEvents.set(labels, Math.max(0, headSequence - sequence));
    }
    const age = behind && this.lastRecordedAt !== null ? Math.max(0, (Date.now() - Date.parse(this.lastRecordedAt)) / 1000) : 0;
    this.metrics.lagSeconds.set(labels, age);
    return { position: this.applied, head, behind };
  }

  /** Resolves true once the read models reached `target`, false after `timeoutMs` (consistency tokens). */
  waitFor(target: Position, timeoutMs: number): Promise<boolean> {
    if (comparePositions(this.applied, target) >= 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = {
        target,
        resolve: (reached: boolean) => {
          clearTimeout(timeout);
          this.waiters.delete(waiter);
          resolve(reached);
        },
      };
      const timeout = setTimeout(() => waiter.resolve(false), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private async onEvent(event: RecordedEvent): Promise<void> {
    this.buffer.push(event);
    if (this.buffer.length >= this.batchSize) await this.flush();
    else if (this.timer === null) this.timer = setTimeout(() => void this.flush(), this.flushIntervalMs);
  }

  /** Serialised: one batch at a time, in order. */
  private flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.applyBuffered());
    return this.flushing;
  }

  private async applyBuffered(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length === 0) return;
    const labels = { projection: this.store.projection };
    for (let attempt = 0; ; attempt += 1) {
      const end = this.metrics.batchSeconds.startTimer(labels);
      try {
        this.applied = await this.store.apply(batch);
        end();
        break;
      } catch (error: unknown) {
        this.metrics.errors.inc(labels);
        this.options.logger?.error({ err: error, projection: this.store.projection, attempt }, 'applying a batch to the read models failed; retrying');
        // Stopping: the checkpoint did not move, so the next start replays this batch.
        if (this.stopped) return;
        await sleep(Math.min(this.maxRetryDelayMs, 50 * 2 ** attempt));
      }
    }
    this.lastRecordedAt = batch[batch.length - 1]?.recordedAt ?? this.lastRecordedAt;
    this.metrics.applied.inc(labels, batch.length);
    this.publishPosition();
    for (const waiter of [...this.waiters]) if (comparePositions(this.applied, waiter.target) >= 0) waiter.resolve(true);
  }

  private publishPosition(): void {
    const sequence = sequenceOf(this.applied);
    if (sequence !== null) this.metrics.position.set({ projection: this.store.projection }, sequence);
  }
}

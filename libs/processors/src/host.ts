/**
 * Runs every processor of a process from ONE catch-up subscription to the global log (issue 12).
 *
 * The subscription feeds a shared window of recent events (`windowEvents`, default 20,000). Each
 * processor has its own loop and checkpoint and takes the events after its position from the
 * window, in log order, as many as its `batchSize`: processors lag differently and a slow one
 * never slows the others. The subscription waits while the window is full and every processor is
 * still working through it (backpressure); when one processor has consumed everything and waits
 * for more, the oldest half of the window is dropped. A processor left behind by that (a fresh
 * projection replaying history, a reactor waiting out a Kafka outage) reads its own batches with
 * `readAll` until it reaches the window again — the only other read of the log, and only while
 * far behind.
 *
 * - SqlProjection: in one transaction, lock its checkpoint row, skip events at or before it, `apply`
 *   the rest, move the checkpoint. A replay is a no-op; a second instance serialises on the row lock.
 * - Reactor: `react`, then move the checkpoint (forward only). `leader: true`: the host holds a lease
 *   row (holder, expiry, renewed every `leaseRenewMs`); the checkpoint write is fenced by it, and a
 *   lost lease aborts the reactor's `signal` and puts it back in standby.
 * - MemoryProjection: `apply` in process memory; position from its snapshot (or `restore`) at start.
 *
 * A batch that throws is retried (the same events, from the same checkpoint) with exponential
 * backoff from `retryInitialMs` to `retryMaxMs`; the other processors go on meanwhile.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { comparePositions, START, type EventStore, type Position, type RecordedEvent, type Subscription } from '../../event-store/src/event-store.port.js';
import type { SqlClient } from '../../sql/src/sql-client.port.js';
import {
  acquireLease,
  advanceCheckpoint,
  advanceFenced,
  ensureCheckpoints,
  lockCheckpoint,
  readCheckpoint,
  readSnapshot,
  releaseLease,
  writeSnapshot,
} from './checkpoints.js';
import { processorMetrics, sequenceOf, type ProcessorMetrics } from './processor-metrics.js';
import type { MemoryProjection, Processor, Reactor, SqlProjection } from './processor.js';

export interface HostLogger {
  /** Per-processor chatter (caught up, took a lease); a terminal at start shows only the summary. */
  debug?(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface ProcessorHostOptions {
  readonly events: Pick<EventStore, 'subscribeToAll' | 'readAll' | 'headPosition'>;
  /** Checkpoints, leases, snapshots, and the transactions of SQL projections (the read store). */
  readonly sql: SqlClient;
  readonly processors?: readonly Processor[];
  /** Distinguishes this process in lease rows. */
  readonly holder?: string;
  readonly windowEvents?: number;
  /** Events per read of the subscription (default 2,000). */
  readonly readBatchSize?: number;
  readonly retryInitialMs?: number;
  /** At most this long between retries (default 1 s: a processor resumes within about a second of the store's return). */
  readonly retryMaxMs?: number;
  readonly leaseTtlMs?: number;
  readonly leaseRenewMs?: number;
  readonly logger?: HostLogger;
}

export type ProcessorState = 'idle' | 'running' | 'retrying' | 'standby' | 'stopped';

export interface ProcessorStatus {
  readonly name: string;
  readonly kind: Processor['kind'];
  readonly state: ProcessorState;
  readonly position: Position;
  /** Has reached the head of the log at least once since start (ready to answer). */
  readonly caughtUp: boolean;
  /** A leader reactor holding its lease (always true for the other kinds). */
  readonly leading: boolean;
  readonly failures: number;
  readonly lastError: string | null;
}

const silent: HostLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const after = (a: Position, b: Position): boolean => comparePositions(a, b) > 0;
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

class Stopped extends Error {}

/** A checkpoint moved only past ignored events is stored within this long while catching up… */
const CHECKPOINT_DEFER_MS = 1_000;
/** …and this soon once caught up (another process may be waiting on it). */
const CHECKPOINT_IDLE_MS = 50;

/**
 * One batch of a SQL projection, as the host applies it (also for rebuilds and one-off catch-ups
 * outside a host): in one transaction, lock the checkpoint row, skip events at or before it, apply
 * the accepted rest, move the checkpoint to the batch's last event; then `committed`, if it applied
 * any. Returns the checkpoint after.
 */
export async function applyProjection(sql: SqlClient, processor: SqlProjection, batch: readonly RecordedEvent[]): Promise<Position> {
  let applied = false;
  const reached = await sql.transaction(async (tx) => {
    const stored = await lockCheckpoint(tx, processor.name);
    const fresh = batch.filter((event) => after(event.position, stored));
    const last = fresh[fresh.length - 1];
    if (last === undefined) return stored;
    const accepted = processor.accepts === undefined ? fresh : fresh.filter(processor.accepts);
    if (accepted.length > 0) {
      await processor.apply(tx, accepted);
      applied = true;
    }
    await tx.query(
      `INSERT INTO processor_checkpoints (name, position, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = EXCLUDED.updated_at`,
      [processor.name, last.position],
    );
    return last.position;
  });
  if (applied) processor.committed?.();
  return reached;
}

class Runner {
  position: Position = START;
  state: ProcessorState = 'idle';
  caughtUp = false;
  leading: boolean;
  failures = 0;
  lastError: string | null = null;
  loop: Promise<void> = Promise.resolve();
  abort = new AbortController();
  /** Resolves the runner's current wait (new events, a lease gained, stop). */
  wake: (() => void) | null = null;
  readonly listeners = new Set<() => void>();
  leaseRenewedAt = 0;
  launched = false;
  /** A position skipped over (no accepted event) and not stored yet. */
  deferred: Position | null = null;
  flushTimer: NodeJS.Timeout | null = null;
  sinceSnapshot = 0;
  snapshotAt = Date.now();
  snapshotting: Promise<void> | null = null;
  readonly startedAt = performance.now();
  /** Events handled since start (for the caught-up line). */
  handled = 0;

  constructor(readonly processor: Processor) {
    this.leading = !(processor.kind === 'reactor' && processor.leader === true);
  }

  /** Taking events (launched, not stopped, holding its lease if it needs one). */
  get active(): boolean {
    return this.launched && this.state !== 'stopped' && this.leading;
  }

  accepts(event: RecordedEvent): boolean {
    return this.processor.accepts?.(event) ?? true;
  }
}

export class ProcessorHost {
  private readonly runners = new Map<string, Runner>();
  private readonly metrics: ProcessorMetrics = processorMetrics();
  private readonly log: HostLogger;
  private readonly holder: string;
  private readonly windowEvents: number;
  private readonly retryInitialMs: number;
  private readonly retryMaxMs: number;
  private readonly leaseTtlMs: number;
  private readonly leaseRenewMs: number;
  private window: RecordedEvent[] = [];
  /** Position just before `window[0]`: a runner at or after it reads from the window. */
  private windowStart: Position = START;
  private tail: Subscription | null = null;
  private tailCaughtUp: Position | null = null;
  private room: (() => void) | null = null;
  private wakeScheduled = false;
  private leaseTimer: NodeJS.Timeout | null = null;
  private started = false;
  private stopped = false;

  constructor(private readonly options: ProcessorHostOptions) {
    this.log = options.logger ?? silent;
    this.holder = options.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.windowEvents = options.windowEvents ?? 20_000;
    this.retryInitialMs = options.retryInitialMs ?? 50;
    this.retryMaxMs = options.retryMaxMs ?? 1_000;
    this.leaseTtlMs = options.leaseTtlMs ?? 10_000;
    this.leaseRenewMs = options.leaseRenewMs ?? Math.max(50, Math.floor(this.leaseTtlMs / 3));
    for (const processor of options.processors ?? []) this.register(processor);
  }

  /** Adds a processor; only before `start()`. Names are unique in a deployment. */
  register(processor: Processor): void {
    if (this.started) throw new Error(`processor ${processor.name}: register it before the host starts`);
    if (this.runners.has(processor.name)) throw new Error(`processor ${processor.name} is registered twice`);
    this.runners.set(processor.name, new Runner(processor));
  }

  names(): string[] {
    return [...this.runners.keys()];
  }

  /**
   * Creates the tables (copying legacy checkpoints once), loads every position, subscribes, and
   * resolves once every memory projection has caught up with the log (the process answers from
   * them); SQL projections and reactors go on in the background.
   */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    if (this.runners.size === 0) return;
    const durable = [...this.runners.values()].filter((r) => r.processor.kind !== 'memory');
    const ddl = durable.flatMap((r) => (r.processor.kind === 'memory' ? [] : (r.processor.schema ?? [])));
    await ensureCheckpoints(this.options.sql, durable.map((r) => r.processor.name), ddl);
    for (const runner of this.runners.values()) runner.position = await this.initialPosition(runner);
    if (durable.some((r) => !r.leading)) {
      await this.renewLeases();
      this.leaseTimer = setInterval(() => void this.renewLeases(), this.leaseRenewMs);
    }
    await this.subscribe();
    for (const runner of this.runners.values()) {
      runner.state = runner.leading ? 'running' : 'standby';
      this.publish(runner);
    }
    // The memory projections first (the process answers from them), alone on the store: the SQL
    // projections and reactors of the same process start once they have caught up.
    const memory = [...this.runners.values()].filter((r) => r.processor.kind === 'memory');
    for (const runner of memory) this.launch(runner);
    await Promise.all(memory.map((r) => this.untilCaughtUp(r)));
    for (const runner of this.runners.values()) if (runner.processor.kind !== 'memory') this.launch(runner);
  }

  private launch(runner: Runner): void {
    if (this.stopped) return;
    runner.launched = true;
    runner.loop = this.run(runner);
  }

  /** Stops the subscription, lets every processor finish the batch in flight, releases the leases. */
  async stop(): Promise<void> {
    if (!this.started || this.stopped) return;
    this.stopped = true;
    if (this.runners.size === 0) return;
    if (this.leaseTimer !== null) clearInterval(this.leaseTimer);
    this.room?.();
    for (const runner of this.runners.values()) {
      runner.abort.abort();
      runner.wake?.();
    }
    await this.tail?.stop();
    await Promise.all([...this.runners.values()].map((r) => r.loop));
    for (const runner of this.runners.values()) {
      await this.flushDeferred(runner);
      runner.state = 'stopped';
      for (const listener of runner.listeners) listener();
      await runner.snapshotting;
      if (runner.processor.kind === 'reactor' && runner.processor.leader === true && runner.leading) {
        await releaseLease(this.options.sql, runner.processor.name, this.holder).catch(() => undefined);
      }
    }
  }

  /** Position of the last event the processor has fully handled (START before any). */
  position(name: string): Position {
    return this.runner(name).position;
  }

  /** Calls `listener` whenever the processor's position moves (and once when the host stops); returns the disposer. */
  onAdvance(name: string, listener: () => void): () => void {
    const runner = this.runner(name);
    runner.listeners.add(listener);
    return () => runner.listeners.delete(listener);
  }

  status(): ProcessorStatus[] {
    return [...this.runners.values()].map((r) => ({
      name: r.processor.name,
      kind: r.processor.kind,
      state: r.state,
      position: r.position,
      caughtUp: r.caughtUp,
      leading: r.leading,
      failures: r.failures,
      lastError: r.lastError,
    }));
  }

  /**
   * For /health/ready and the lag gauges: ready once every processor that runs here (not a standby
   * reactor) has caught up with the log at least once and none is failing.
   */
  async readiness(): Promise<{ readonly ready: boolean; readonly head: Position; readonly processors: readonly (ProcessorStatus & { lagEvents: number | null })[] }> {
    const head = await this.options.events.headPosition();
    const headSequence = sequenceOf(head);
    const processors = this.status().map((s) => {
      const sequence = sequenceOf(s.position) ?? 0;
      const lagEvents = headSequence === null || !s.leading ? null : Math.max(0, headSequence - sequence);
      if (lagEvents !== null) this.metrics.lagEvents.set({ processor: s.name }, lagEvents);
      return { ...s, lagEvents };
    });
    const ready = processors.every((p) => !p.leading || (p.caughtUp && p.state !== 'retrying') || !after(head, p.position));
    return { ready, head, processors };
  }

  private runner(name: string): Runner {
    const runner = this.runners.get(name);
    if (runner === undefined) throw new Error(`no processor named ${name} in this host`);
    return runner;
  }

  private async initialPosition(runner: Runner): Promise<Position> {
    const processor = runner.processor;
    if (processor.kind !== 'memory') return readCheckpoint(this.options.sql, processor.name);
    if (processor.snapshot !== undefined) {
      try {
        const stored = await readSnapshot(this.options.sql, processor.name);
        if (stored !== null && stored.format === processor.snapshot.format) {
          processor.snapshot.load(stored.data);
          this.log.info({ processor: processor.name, position: stored.position }, 'restored from its snapshot');
          return stored.position;
        }
      } catch (error: unknown) {
        // A snapshot that cannot be read or loaded costs a replay, never a wrong answer.
        this.log.warn({ err: error, processor: processor.name }, 'snapshot not usable; replaying the log');
      }
      return START;
    }
    return processor.restore ? processor.restore() : START;
  }

  /** The one subscription, from the earliest position any processor needs. */
  private async subscribe(): Promise<void> {
    // The memory projections answer this process's requests: the tail starts where they are, and a
    // SQL projection or reactor further behind reads on its own until it reaches the window.
    const leading = [...this.runners.values()].filter((r) => r.leading);
    const memory = leading.filter((r) => r.processor.kind === 'memory');
    const positions = (memory.length > 0 ? memory : leading).map((r) => r.position);
    // Nothing runs here yet (every reactor standing by): follow the log from its head.
    const from = positions.length === 0 ? await this.options.events.headPosition() : positions.reduce((min, p) => (after(min, p) ? p : min));
    this.windowStart = from;
    this.tail = this.options.events.subscribeToAll({
      after: from,
      batchSize: this.options.readBatchSize ?? 2_000,
      onEvent: (event) => this.onTailEvent(event),
      onCaughtUp: (position) => {
        this.tailCaughtUp = position;
        this.scheduleWake();
      },
      onError: (error: unknown) => this.log.error({ err: error }, 'processor host: reading the log failed; retrying'),
    });
  }

  private onTailEvent(event: RecordedEvent): Promise<void> | void {
    const push = (): void => {
      this.window.push(event);
      this.scheduleWake();
    };
    if (this.window.length < this.windowEvents || this.stopped) return push();
    return new Promise<void>((resolve) => {
      this.room = () => {
        this.room = null;
        push();
        resolve();
      };
    });
  }

  /** One wake-up per turn of the event loop, after the subscription has delivered what it read. */
  private scheduleWake(): void {
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      for (const runner of this.runners.values()) runner.wake?.();
    });
  }

  private async run(runner: Runner): Promise<void> {
    const processor = runner.processor;
    const batchSize = processor.batchSize ?? 500;
    while (!this.stopped) {
      if (!runner.leading) {
        await this.sleepUntilWoken(runner);
        continue;
      }
      let batch: RecordedEvent[];
      if (after(this.windowStart, runner.position)) {
        try {
          batch = await this.options.events.readAll({ after: runner.position, limit: batchSize });
        } catch (error: unknown) {
          await this.failed(runner, error);
          continue;
        }
      } else {
        batch = this.fromWindow(runner.position, batchSize);
      }
      if (batch.length === 0 && after(this.windowStart, runner.position)) {
        await this.sleepUntilWoken(runner, this.retryMaxMs);
        continue;
      }
      if (batch.length === 0) {
        this.noteCaughtUp(runner);
        if (processor.kind === 'memory' && runner.sinceSnapshot > 0) this.maybeSnapshot(processor, runner, runner.position);
        if (this.window.length >= this.windowEvents && this.room !== null) this.dropOldestHalf();
        await this.sleepUntilWoken(runner);
        continue;
      }
      try {
        await this.deliver(runner, batch);
      } catch (error: unknown) {
        if (error instanceof Stopped || !runner.leading || this.stopped) continue;
        await this.failed(runner, error);
        continue;
      }
      if (runner.failures > 0) this.log.info({ processor: processor.name, failures: runner.failures }, 'processor resumed');
      runner.failures = 0;
      runner.state = 'running';
      this.trim();
      this.noteCaughtUp(runner);
    }
  }

  private async failed(runner: Runner, error: unknown): Promise<void> {
    runner.failures += 1;
    runner.lastError = message(error);
    runner.state = 'retrying';
    this.metrics.errors.inc({ processor: runner.processor.name });
    this.log.error({ err: error, processor: runner.processor.name, attempt: runner.failures }, 'processor batch failed; retrying');
    const delay = Math.min(this.retryMaxMs, this.retryInitialMs * 2 ** (runner.failures - 1));
    await this.sleepUntilWoken(runner, delay);
  }

  /** Events after `position` in the window, at most `limit`. */
  private fromWindow(position: Position, limit: number): RecordedEvent[] {
    let low = 0;
    let high = this.window.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (after((this.window[mid] as RecordedEvent).position, position)) high = mid;
      else low = mid + 1;
    }
    return this.window.slice(low, low + limit);
  }

  /** Drops what every processor reading the window has passed. */
  private trim(): void {
    let min: Position | null = null;
    for (const runner of this.runners.values()) {
      if (!runner.active || after(this.windowStart, runner.position)) continue;
      if (min === null || after(min, runner.position)) min = runner.position;
    }
    if (min === null) return;
    const keepFrom = this.indexAfter(min);
    if (keepFrom === 0) return;
    this.windowStart = (this.window[keepFrom - 1] as RecordedEvent).position;
    this.window = this.window.slice(keepFrom);
    if (this.window.length < this.windowEvents) this.room?.();
  }

  /** A processor waits for more while the window is full of what slower ones still need: they read on their own from now on. */
  private dropOldestHalf(): void {
    const keepFrom = Math.floor(this.window.length / 2);
    this.windowStart = (this.window[keepFrom - 1] as RecordedEvent).position;
    this.window = this.window.slice(keepFrom);
    this.room?.();
  }

  private indexAfter(position: Position): number {
    let low = 0;
    let high = this.window.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (after((this.window[mid] as RecordedEvent).position, position)) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  private noteCaughtUp(runner: Runner): void {
    if (runner.caughtUp || this.tailCaughtUp === null || after(this.tailCaughtUp, runner.position)) return;
    runner.caughtUp = true;
    const ms = Math.round(performance.now() - runner.startedAt);
    this.log.debug?.({ processor: runner.processor.name, events: runner.handled, ms }, `${runner.processor.name} caught up: ${runner.handled} events in ${ms} ms`);
    const runners = [...this.runners.values()];
    if (runners.every((each) => each.caughtUp)) {
      this.log.info({ processors: runners.length, ms }, `${runners.length} processors caught up with the log in ${ms} ms`);
    }
    for (const listener of runner.listeners) listener();
  }

  private untilCaughtUp(runner: Runner): Promise<void> {
    if (runner.caughtUp) return Promise.resolve();
    return new Promise((resolve) => {
      const dispose = this.onAdvance(runner.processor.name, () => {
        if (!runner.caughtUp && !this.stopped) return;
        dispose();
        resolve();
      });
    });
  }

  private sleepUntilWoken(runner: Runner, ms?: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = ms === undefined ? null : setTimeout(done, ms);
      function done(): void {
        if (timer !== null) clearTimeout(timer);
        runner.wake = null;
        resolve();
      }
      runner.wake = done;
    });
  }

  private async deliver(runner: Runner, batch: readonly RecordedEvent[]): Promise<void> {
    const processor = runner.processor;
    const end = this.metrics.batchSeconds.startTimer({ processor: processor.name });
    let reached: Position;
    const last = batch[batch.length - 1] as RecordedEvent;
    if (processor.kind !== 'memory' && processor.accepts !== undefined && !batch.some((e) => after(e.position, runner.position) && runner.accepts(e))) {
      // Nothing for it: no transaction per batch, the checkpoint is written soon after (or at stop);
      // a crash before that re-reads events it ignores again.
      end();
      runner.handled += batch.length;
      if (after(last.position, runner.position)) runner.position = last.position;
      this.deferCheckpoint(runner);
      this.publish(runner);
      return;
    }
    switch (processor.kind) {
      case 'projection':
        reached = await this.project(processor, runner, batch);
        break;
      case 'reactor':
        reached = await this.react(processor, runner, batch);
        break;
      case 'memory':
        reached = this.applyInMemory(processor, runner, batch);
        break;
      default: {
        const _exhaustive: never = processor;
        return _exhaustive;
      }
    }
    end();
    this.metrics.events.inc({ processor: processor.name }, batch.length);
    runner.handled += batch.length;
    if (after(reached, runner.position)) runner.position = reached;
    this.publish(runner);
  }

  /** Stores a skipped-over position within `CHECKPOINT_DEFER_MS` (sooner once caught up). */
  private deferCheckpoint(runner: Runner): void {
    runner.deferred = runner.position;
    if (runner.flushTimer !== null) return;
    const idle = this.tailCaughtUp !== null && !after(this.tailCaughtUp, runner.position);
    runner.flushTimer = setTimeout(() => void this.flushDeferred(runner), idle ? CHECKPOINT_IDLE_MS : CHECKPOINT_DEFER_MS);
  }

  private async flushDeferred(runner: Runner): Promise<void> {
    if (runner.flushTimer !== null) clearTimeout(runner.flushTimer);
    runner.flushTimer = null;
    const position = runner.deferred;
    if (position === null) return;
    runner.deferred = null;
    const processor = runner.processor;
    try {
      if (processor.kind === 'reactor' && processor.leader === true) {
        if (runner.leading) await advanceFenced(this.options.sql, processor.name, this.holder, position);
      } else {
        await advanceCheckpoint(this.options.sql, processor.name, position);
      }
    } catch (error: unknown) {
      // The next batch or flush stores a later one; a crash meanwhile re-reads ignored events only.
      this.log.warn({ err: error, processor: processor.name }, 'storing a checkpoint failed; retrying later');
      if (runner.deferred === null && !this.stopped) {
        runner.deferred = position;
        runner.flushTimer = setTimeout(() => void this.flushDeferred(runner), CHECKPOINT_DEFER_MS);
      }
    }
  }

  private project(processor: SqlProjection, _runner: Runner, batch: readonly RecordedEvent[]): Promise<Position> {
    return applyProjection(this.options.sql, processor, batch);
  }

  private async react(processor: Reactor, runner: Runner, batch: readonly RecordedEvent[]): Promise<Position> {
    const leader = processor.leader === true;
    // Another instance (or this one before a restart) may have handled part of it already.
    const stored = await readCheckpoint(this.options.sql, processor.name);
    const fresh = batch.filter((event) => after(event.position, stored));
    const last = fresh[fresh.length - 1];
    if (last === undefined) return stored;
    const accepted = fresh.filter((event) => runner.accepts(event));
    if (accepted.length > 0) await processor.react(accepted, { sql: this.options.sql, signal: runner.abort.signal });
    if (!leader) {
      await advanceCheckpoint(this.options.sql, processor.name, last.position);
      return last.position;
    }
    if (!(await advanceFenced(this.options.sql, processor.name, this.holder, last.position))) {
      this.loseLease(runner, 'the checkpoint write found the lease taken');
      throw new Stopped();
    }
    return last.position;
  }

  private applyInMemory(processor: MemoryProjection, runner: Runner, batch: readonly RecordedEvent[]): Position {
    const fresh = batch.filter((event) => after(event.position, runner.position));
    const last = fresh[fresh.length - 1];
    if (last === undefined) return runner.position;
    processor.apply(fresh.filter((event) => runner.accepts(event)));
    runner.sinceSnapshot += fresh.length;
    if (processor.snapshot !== undefined) this.maybeSnapshot(processor, runner, last.position);
    return last.position;
  }

  /** Every `everyEvents` events or `everyMs`, once caught up (a catch-up from far behind writes one when it reaches the head). */
  private maybeSnapshot(processor: MemoryProjection, runner: Runner, position: Position): void {
    const snapshot = processor.snapshot;
    if (snapshot === undefined || runner.snapshotting !== null) return;
    const caughtUp = this.tailCaughtUp !== null && !after(this.tailCaughtUp, position);
    if (!caughtUp) return;
    const due = runner.sinceSnapshot >= (snapshot.everyEvents ?? 100_000) || Date.now() - runner.snapshotAt >= (snapshot.everyMs ?? 600_000);
    if (!due) return;
    runner.sinceSnapshot = 0;
    runner.snapshotAt = Date.now();
    const started = performance.now();
    const data = snapshot.save();
    const serializedMs = performance.now() - started;
    runner.snapshotting = writeSnapshot(this.options.sql, processor.name, { position, format: snapshot.format, data })
      .then(() => this.log.info({ processor: processor.name, position, bytes: data.length, serializedMs: Math.round(serializedMs) }, 'snapshot written'))
      .catch((error: unknown) => this.log.warn({ err: error, processor: processor.name }, 'writing a snapshot failed; the next one is due later'))
      .finally(() => {
        runner.snapshotting = null;
      });
  }

  private publish(runner: Runner): void {
    const sequence = sequenceOf(runner.position);
    if (sequence !== null) this.metrics.position.set({ processor: runner.processor.name }, sequence);
    this.metrics.leader.set({ processor: runner.processor.name }, runner.leading ? 1 : 0);
    for (const listener of runner.listeners) listener();
  }

  /** Takes, renews or loses the lease of every leader reactor. */
  private async renewLeases(): Promise<void> {
    for (const runner of this.runners.values()) {
      const processor = runner.processor;
      if (processor.kind !== 'reactor' || processor.leader !== true || this.stopped) continue;
      try {
        const held = await acquireLease(this.options.sql, processor.name, this.holder, this.leaseTtlMs);
        if (held) {
          runner.leaseRenewedAt = Date.now();
          if (!runner.leading) await this.gainLease(runner);
        } else if (runner.leading) {
          this.loseLease(runner, 'another instance holds the lease');
        }
      } catch (error: unknown) {
        // The store does not answer: keep leading until the lease we hold would have expired.
        if (runner.leading && Date.now() - runner.leaseRenewedAt >= this.leaseTtlMs) this.loseLease(runner, message(error));
      }
    }
  }

  private async gainLease(runner: Runner): Promise<void> {
    // The previous leader moved the checkpoint: resume from the stored one.
    const stored = await readCheckpoint(this.options.sql, runner.processor.name);
    if (after(stored, runner.position) || !runner.leading) runner.position = stored;
    runner.abort = new AbortController();
    runner.leading = true;
    runner.state = 'running';
    this.log.debug?.({ processor: runner.processor.name, holder: this.holder, position: runner.position }, 'took the lease');
    this.publish(runner);
    runner.wake?.();
  }

  private loseLease(runner: Runner, why: string): void {
    if (!runner.leading) return;
    runner.leading = false;
    runner.caughtUp = false;
    runner.state = 'standby';
    runner.abort.abort();
    this.log.warn({ processor: runner.processor.name, holder: this.holder, why }, 'lost the lease; standing by');
    this.publish(runner);
    this.trim();
  }
}

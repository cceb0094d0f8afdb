import { Inject, Injectable, Logger, Optional, type BeforeApplicationShutdown, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Counter, Gauge } from 'prom-client';
import { START } from '../../../../libs/event-store/src/index.js';
import type { ProcessorHost } from '../../../../libs/processors/src/host.js';
import { PROCESSOR_HOST } from '../../../../libs/processors/src/processor-host.module.js';
import { hostedProcessor, storedCheckpoint, waitForPosition, type PositionSource } from '../../../../libs/processors/src/wait-for-position.js';
import { READ_MODELS_PROJECTION } from '../../../../libs/read-models/src/index.js';
import { insertDecisionRows, migrateKpiTables } from '../../../../libs/read-models/src/kpis/index.js';
import { SQL_CLIENT, type SqlClient } from '../../../../libs/sql/src/sql-client.port.js';
import { UnavailableError } from '../shared/application-errors.js';
import type { DecisionLog, RecordedDecision } from './decision-log.port.js';

export interface DecisionLogOptions {
  /** Longest a decision waits in memory before its batch is written (ms). */
  readonly flushIntervalMs: number;
  /** Rows per INSERT; a full batch is written at once without waiting for the interval. */
  readonly batchSize: number;
  /** Decisions held in memory at most; beyond it `record` refuses with 503. */
  readonly maxQueue: number;
  /**
   * Longest a decision waits, from when it was recorded, for the employee read model (where each
   * row's team is looked up) to reach the position its check was answered at; after it its batch is
   * written with what is there. Bounded per decision, not per batch: behind a stalled read model the
   * batches after the first are already that old and are written at once, not one wait each.
   */
  readonly teamWaitMs: number;
}

export const DEFAULT_DECISION_LOG_OPTIONS: DecisionLogOptions = { flushIntervalMs: 50, batchSize: 1000, maxQueue: 100_000, teamWaitMs: 2000 };
export const DECISION_LOG_OPTIONS = Symbol('DECISION_LOG_OPTIONS');

const written = new Counter({ name: 'authz_decision_log_written_total', help: 'Decisions written to the decision log' });
const refused = new Counter({ name: 'authz_decision_log_refused_total', help: 'Checks with record:true refused (503) because the decision-log queue was full' });
const failures = new Counter({ name: 'authz_decision_log_flush_failures_total', help: 'Failed decision-log batch writes (retried)' });
const queued = new Gauge({ name: 'authz_decision_log_queue', help: 'Decisions waiting to be written' });

/**
 * The decision log behind checks with `"record": true`. `record` pushes onto an in-memory queue
 * and returns; a flusher writes the queue with one multi-row INSERT per batch every
 * `flushIntervalMs`, or at once when a batch is full. A failed write keeps its batch at the head
 * of the queue and is retried; when the queue reaches `maxQueue`, `record` refuses (503
 * DECISION_LOG_BACKLOGGED) instead of dropping. A clean shutdown writes everything. A crash loses
 * the decisions not yet written: at most one interval's worth (≤ 50 ms by default) plus whatever a
 * failing store had backed up.
 */
/**
 * A UUIDv7 (RFC 9562): 48-bit millisecond time, version 7, then the random bits and variant of a
 * v4 from node:crypto. Time-ordered ids append to the primary-key index and order the log newest
 * first; built from randomUUID because the hot path cannot afford a microsecond per id.
 */
export function timeOrderedUuid(ms: number): string {
  const time = ms.toString(16).padStart(12, '0').slice(-12);
  const random = randomUUID();
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}

@Injectable()
export class BatchedDecisionLog implements DecisionLog, OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('DecisionLog');
  /** Serialised rows (see insertDecisionRows): one flat string per decision until it is written. */
  private queue: string[] = [];
  /** When each queued decision was recorded (ms), aligned with `queue`. */
  private recordedAt: number[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | null = null;
  private scheduled = false;
  private retryAt = 0;
  /** The highest position a queued check was answered at. */
  private answeredAt: string = START;
  private employees: PositionSource | null = null;

  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(DECISION_LOG_OPTIONS) private readonly options: DecisionLogOptions,
    @Optional() @Inject(PROCESSOR_HOST) private readonly host: ProcessorHost | null = null,
  ) {}

  async onModuleInit(): Promise<void> {
    await migrateKpiTables(this.sql);
    this.timer = setInterval(() => this.kick(), this.options.flushIntervalMs);
    this.timer.unref();
  }

  canAccept(count: number): boolean {
    return this.queue.length + count <= this.options.maxQueue;
  }

  record(decision: RecordedDecision, position?: string): void {
    if (this.queue.length >= this.options.maxQueue) {
      refused.inc();
      throw new UnavailableError('DECISION_LOG_BACKLOGGED', 'the decision log cannot keep up; the decision was not recorded, retry shortly');
    }
    this.queue.push(JSON.stringify({ id: timeOrderedUuid(Date.parse(decision.decidedAt)), ...decision }));
    this.recordedAt.push(Date.now());
    if (position !== undefined && position > this.answeredAt) this.answeredAt = position;
    if (this.queue.length >= this.options.batchSize && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.kick();
      });
    }
  }

  /** Resolves once everything queued before the call is written (throws if the store fails). */
  async flush(): Promise<void> {
    for (;;) {
      if (this.writing !== null) {
        await this.writing.catch(() => undefined);
        continue;
      }
      if (this.queue.length === 0) return;
      await this.writeNext(true);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  /** Checks answered while the HTTP server was closing (after the first flush) are written here. */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    try {
      await this.flush();
    } catch (error: unknown) {
      this.logger.error(`decision log: ${this.queue.length} decisions could not be written at shutdown: ${String(error)}`);
    }
  }

  private kick(): void {
    if (this.writing !== null || this.queue.length === 0 || Date.now() < this.retryAt) return;
    void this.writeNext(false).catch(() => undefined);
  }

  private writeNext(rethrow: boolean): Promise<void> {
    const batch = this.queue.length <= this.options.batchSize ? this.queue : this.queue.slice(0, this.options.batchSize);
    const times = batch === this.queue ? this.recordedAt : this.recordedAt.slice(0, batch.length);
    this.queue = batch === this.queue ? [] : this.queue.slice(batch.length);
    this.recordedAt = times === this.recordedAt ? [] : this.recordedAt.slice(times.length);
    queued.set(this.queue.length);
    const waitMs = Math.max(0, this.options.teamWaitMs - (Date.now() - (times[0] ?? Date.now())));
    const work = this.employeesAt(this.answeredAt, waitMs).then(() => insertDecisionRows(this.sql, batch)).then(
      () => {
        written.inc(batch.length);
        this.retryAt = 0;
      },
      (error: unknown) => {
        // Back at the head, in order: retried by the next tick after a short pause.
        this.queue = batch.concat(this.queue);
        this.recordedAt = times.concat(this.recordedAt);
        queued.set(this.queue.length);
        failures.inc();
        this.retryAt = Date.now() + 1000;
        this.logger.warn(`decision log: a batch of ${batch.length} failed, will retry: ${String(error)}`);
        if (rethrow) throw error;
      },
    );
    this.writing = work.finally(() => {
      this.writing = null;
      if (this.queue.length >= this.options.batchSize) this.kick();
    });
    return this.writing;
  }

  /**
   * Waits (bounded) until the employee read model has read as far as the checks were answered: a
   * check about someone hired a moment ago still logs their team. The read models are this
   * process's processor (the all-in-one) or the projector's stored checkpoint.
   */
  private async employeesAt(position: string, waitMs: number): Promise<void> {
    if (position === START) return;
    this.employees ??=
      this.host?.names().includes(READ_MODELS_PROJECTION) === true ? hostedProcessor(this.host, READ_MODELS_PROJECTION) : storedCheckpoint(this.sql, READ_MODELS_PROJECTION);
    await waitForPosition(this.employees, position, waitMs);
  }
}

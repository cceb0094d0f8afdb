import { v5 as uuidv5 } from 'uuid';
import {
  authorizationDecider,
  authorizationStream,
  isTerminal,
  type AuthorizationCommand,
  type EventMetadata,
} from '../../../libs/domain/src/index.js';
import { comparePositions, ConcurrencyError, type EventMetadataLike, type EventStore, type Position } from '../../../libs/event-store/src/event-store.port.js';
import { EVENT_ID_NAMESPACE, handleCommand } from '../../../libs/event-store/src/handle-command.js';
import type { SqlClient } from '../../../libs/sql/src/sql-client.port.js';
import type { DueRow } from './due-dates.projection.js';
import { DUE_DATES_DDL, DueDatesStore } from './due-dates.store.js';
import type { Reactor, SqlProjection } from '../../../libs/processors/src/processor.js';
import { fireTimer } from './timer-actions.js';
import type { DueHours, TimerRow } from './timers.projection.js';
import { TIMERS_DDL, TimersStore } from './timers.store.js';

/** Hours a workflow stage may stay open when the catalogue does not say (SPEC §11). */
export const DEFAULT_STAGE_DUE_HOURS = 48;

/** The subset of a pino logger the scheduler uses. */
export interface SchedulerLogger {
  warn(context: object, message: string): void;
  error(context: object, message: string): void;
}

export interface ExpirySchedulerOptions {
  readonly store: EventStore;
  /** Where the scheduler keeps its due-date table and checkpoint (the read store). */
  readonly sql: SqlClient;
  /** `version` is recorded as `policyVersion` on every event the scheduler writes; `stageDueHours` per matter sets deadlines. */
  readonly catalogue: { readonly version: string; readonly matters?: Readonly<Record<string, { readonly stageDueHours?: number }>> };
  /**
   * The ONLY source of business time: `tick()` in the loop asks it for `now`. Nothing is held in
   * memory between ticks, so a scheduler that was down catches up on its first tick. Default: system clock.
   */
  readonly clock?: () => Date;
  /** Pause between two ticks of the loop started by `start()` (default 1000 ms). Not business time. */
  readonly pollIntervalMs?: number;
  /** Events read per projection batch and rows per due-query page (default 500). */
  readonly batchSize?: number;
  /** Checkpoint name; instances sharing it share the due-date model (default `expiry-scheduler`). */
  readonly name?: string;
  readonly logger?: SchedulerLogger;
  /**
   * The tables are kept by the process's processor host (`processors()` registered there): `tick()`
   * then only fires what is due and never projects itself.
   */
  readonly hosted?: boolean;
}

export interface TickResult {
  /** Authorizations this tick wrote AuthorizationExpired for (not counting duplicates or lost races). */
  readonly expired: number;
  readonly reminded: number;
  readonly failed: number;
}

const ACTOR = { id: 'expiry-scheduler', kind: 'system' } as const;
const DAY_MS = 24 * 60 * 60 * 1000;
const CONFLICT_RETRIES = 3;

/**
 * Writes `AuthorizationExpired` once `validUntil` has passed and `ExpiryReminderIssued` 7 and 1
 * days ahead (SPEC §4, §8). Each tick first brings its due-date table up to the store's head
 * (checkpoint in the same transaction as the rows), then sends machine commands through
 * `handleCommand` with command ids derived from the authorization, so instances racing each other
 * or a retry after a crash write each event exactly once.
 */
export class ExpiryScheduler {
  private readonly dueDates: DueDatesStore;
  private readonly timers: TimersStore;
  private readonly hours: DueHours;
  private readonly clock: () => Date;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private running: Promise<void> | undefined;
  private stopped = true;
  /** Set by stop(): a tick in progress finishes the row at hand and returns. */
  private stopping = false;
  private wake: (() => void) | undefined;
  private schemaReady: Promise<void> | undefined;

  constructor(private readonly options: ExpirySchedulerOptions) {
    this.dueDates = new DueDatesStore(options.sql, options.name ?? 'expiry-scheduler');
    this.hours = (matter) => options.catalogue.matters?.[matter]?.stageDueHours ?? DEFAULT_STAGE_DUE_HOURS;
    this.timers = new TimersStore(options.sql, options.name ?? 'expiry-scheduler', this.hours);
    this.clock = options.clock ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.batchSize = options.batchSize ?? 500;
  }

  /** Creates the tables if missing, then ticks every `pollIntervalMs` until `stop()`. */
  async start(): Promise<void> {
    if (!this.stopped) return;
    await this.ensureSchema();
    this.stopped = false;
    this.stopping = false;
    this.running = this.loop();
  }

  /** Finishes the tick in progress, then returns. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
  }

  /** Catches the due-date table up (unless hosted), then expires and reminds everything due at `now`. */
  async tick(now: Date = this.clock()): Promise<TickResult> {
    await this.ensureSchema();
    if (this.options.hosted !== true) await this.catchUp();
    return this.fire(now);
  }

  /**
   * The scheduler on the processor contract (issue 12): its due-date and timer tables as one
   * SqlProjection (rows and the host's checkpoint in one transaction), and a leader Reactor that fires
   * what is due as soon as events arrive. Time also passes without events, so the loop of `start()`
   * keeps ticking (every instance may: each command id is derived, each event written once).
   */
  processors(): [SqlProjection, Reactor] {
    const name = this.options.name ?? 'expiry-scheduler';
    return [
      {
        kind: 'projection',
        name: `${name}:due-dates`,
        schema: [...DUE_DATES_DDL, ...TIMERS_DDL],
        apply: async (tx, events) => {
          await this.dueDates.applyIn(tx, events);
          await this.timers.applyIn(tx, events);
        },
      },
      {
        kind: 'reactor',
        name: `${name}:due`,
        leader: true,
        react: async () => {
          await this.fire(this.clock());
        },
      },
    ];
  }

  private async fire(now: Date): Promise<TickResult> {
    let expired = 0;
    let reminded = 0;
    let failed = 0;
    for await (const row of this.pages<DueRow>((after) => this.dueDates.dueForExpiry(now, this.batchSize, after))) {
      const outcome = await this.send(row, { type: 'ExpireAuthorization', data: { now: now.toISOString() } }, `expire:${row.authorizationId}`, now);
      if (outcome === 'failed') failed += 1;
      else if (outcome !== 'conflict' && outcome.events.some((e) => e.type === 'AuthorizationExpired') && !outcome.duplicate) expired += 1;
      if (outcome !== 'failed' && outcome !== 'conflict' && isTerminal(outcome.newState)) await this.dueDates.markEnded(row.authorizationId);
    }
    for await (const row of this.pages<DueRow>((after) => this.dueDates.dueForReminder(now, this.batchSize, after))) {
      const daysAhead: 7 | 1 = now.getTime() >= Date.parse(row.validUntil) - DAY_MS ? 1 : 7;
      const commandId = `remind:${row.authorizationId}:${daysAhead}:${row.validUntil}`;
      const outcome = await this.send(row, { type: 'IssueExpiryReminder', data: { daysAhead, now: now.toISOString() } }, commandId, now);
      if (outcome === 'failed' || outcome === 'conflict') {
        if (outcome === 'failed') failed += 1;
        continue;
      }
      if (outcome.events.length > 0 && !outcome.duplicate) reminded += 1;
      const state = outcome.newState;
      if (isTerminal(state)) await this.dueDates.markEnded(row.authorizationId);
      else if (state.status === 'active' && state.remindersIssued.some((r) => r.daysAhead === daysAhead && Date.parse(r.validUntil) === Date.parse(row.validUntil))) {
        await this.dueDates.markReminded(row.authorizationId, row.validUntil, daysAhead);
      }
    }
    const timers = await this.fireTimers(now);
    return { expired, reminded, failed: failed + timers.failed };
  }

  /**
   * Fires every timer due at `now` (SPEC §11): access reviews closed, stand-in periods ended,
   * workflow stages reminded and escalated. Part of `tick()`; callable alone (its table must be caught up).
   */
  async fireTimers(now: Date = this.clock()): Promise<{ readonly fired: number; readonly failed: number }> {
    let fired = 0;
    let failed = 0;
    for await (const timer of this.pages<TimerRow>((after) => this.timers.due(now, this.batchSize, after))) {
      try {
        const outcome = await fireTimer(timer, now, { store: this.options.store, hours: this.hours, metadata: (commandId, at) => this.metadata(commandId, at) });
        if (outcome === 'acted') fired += 1;
        // Done either way: the projection of what was written sets the next due time, if any.
        await this.timers.clear(timer);
      } catch (error: unknown) {
        if (error instanceof ConcurrencyError) continue;
        failed += 1;
        this.options.logger?.error({ err: error, timer: timer.key }, 'scheduler timer failed');
      }
    }
    return { fired, failed };
  }

  /** The due-date and timer tables' checkpoint: every event at or before it is projected into both. */
  async position(): Promise<Position> {
    await this.ensureSchema();
    const [dueDates, timers] = [await this.dueDates.checkpoint(), await this.timers.checkpoint()];
    return comparePositions(dueDates, timers) <= 0 ? dueDates : timers;
  }

  /** Projects every event after the checkpoint that a reader may see now into the due-date table. */
  async catchUp(): Promise<void> {
    await this.ensureSchema();
    for (;;) {
      const after = await this.dueDates.checkpoint();
      const batch = await this.options.store.readAll({ after, limit: this.batchSize });
      await this.dueDates.project(batch);
      if (batch.length < this.batchSize) break;
    }
    for (;;) {
      const after = await this.timers.checkpoint();
      const batch = await this.options.store.readAll({ after, limit: this.batchSize });
      await this.timers.project(batch);
      if (batch.length < this.batchSize) return;
    }
  }

  private ensureSchema(): Promise<void> {
    this.schemaReady ??= this.dueDates.ensureSchema().then(() => this.timers.ensureSchema()).catch((error: unknown) => {
      this.schemaReady = undefined;
      throw error;
    });
    return this.schemaReady;
  }

  /** Keyset pages; a row that stays due (a failed command) is retried on the next tick, not in a loop. */
  private async *pages<R>(page: (after?: R) => Promise<R[]>): AsyncGenerator<R> {
    let after: R | undefined;
    for (;;) {
      const rows = await page(after);
      for (const row of rows) {
        if (this.stopping) return;
        yield row;
      }
      after = rows[rows.length - 1];
      if (!after || rows.length < this.batchSize || this.stopping) return;
    }
  }

  /**
   * A lost race (ConcurrencyError) decides again on the new state, a few times: the winner may have
   * written the same event (then there is nothing left to do) or another one (a deadline reminder);
   * after that the next tick retries.
   */
  private async send(row: DueRow, command: AuthorizationCommand, commandId: string, now: Date) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await handleCommand(this.options.store, authorizationStream(row.authorizationId), authorizationDecider, command, {
          commandId,
          metadata: () => this.metadata(commandId, now),
        });
      } catch (error: unknown) {
        if (error instanceof ConcurrencyError) {
          if (attempt < CONFLICT_RETRIES) continue;
          return 'conflict' as const;
        }
        this.options.logger?.error({ err: error, authorizationId: row.authorizationId, commandId }, 'scheduler command failed');
        return 'failed' as const;
      }
    }
  }

  private metadata(commandId: string, now: Date): EventMetadataLike {
    const id = uuidv5(`scheduler:${commandId}`, EVENT_ID_NAMESPACE);
    const metadata: EventMetadata = { occurredAt: now.toISOString(), actor: ACTOR, correlationId: id, causationId: id, policyVersion: this.options.catalogue.version };
    return { ...metadata };
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.tick(this.clock());
      } catch (error: unknown) {
        this.options.logger?.error({ err: error }, 'expiry scheduler tick failed');
      }
      if (this.stopped) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, this.pollIntervalMs);
        function done(): void {
          clearTimeout(timer);
          resolve();
        }
        this.wake = done;
      });
      this.wake = undefined;
    }
  }
}


import { v5 as uuidv5 } from 'uuid';
import {
  authorizationDecider,
  authorizationStream,
  decodeEvent,
  isTerminal,
  type AuthorizationCommand,
  type EventMetadata,
} from '../../../libs/domain/src/index.js';
import { ConcurrencyError, type EventMetadataLike, type EventStore, type Position, type RecordedEvent } from '../../../libs/event-store/src/event-store.port.js';
import { EVENT_ID_NAMESPACE, handleCommand } from '../../../libs/event-store/src/handle-command.js';
import { ensureCheckpoints, readCheckpoint } from '../../../libs/processors/src/checkpoints.js';
import type { Reactor, SqlProjection } from '../../../libs/processors/src/processor.js';
import type { SqlClient } from '../../../libs/sql/src/sql-client.port.js';
import { dueAuthorizationId, type DueRow } from './due-dates.projection.js';
import { DUE_DATES_DDL, DueDatesStore } from './due-dates.store.js';
import { fireTimer } from './timer-actions.js';
import { timerKeyOf, type DueHours, type TimerRow } from './timers.projection.js';
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
  /** Where the scheduler's due-date and timer tables live (the read store, with the host's checkpoints). */
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
  /** Rows per due-query page (default 500). */
  readonly batchSize?: number;
  /** Prefix of the processors' names; instances sharing it share the tables (default `expiry-scheduler`). */
  readonly name?: string;
  /**
   * Whether this instance's loop ticks (default: always). Hosted, it ticks while its host holds the
   * lease of the scheduler's leader reactor: one instance fires, the others stand by.
   */
  readonly leading?: () => boolean;
  readonly logger?: SchedulerLogger;
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
 * days ahead (SPEC §4, §8), and fires the workflow, stand-in and access-review timers (SPEC §11).
 *
 * On the processor contract (issue 12): its due-date and timer tables are one SqlProjection (rows
 * and the host's checkpoint in one transaction), kept by the process's ProcessorHost; a leader
 * Reactor fires what an event made due at once. Time also passes without events: the loop of
 * `start()` ticks every `pollIntervalMs` (on the leader). Each command goes through `handleCommand`
 * with an id derived from the authorization or timer, so instances racing each other, or a retry
 * after a crash, write each event exactly once.
 */
export class ExpiryScheduler {
  /** The due-date and timer tables, folded by the host. */
  readonly projection: SqlProjection;
  /** Fires what is due once events arrive (one instance: the lease holder). */
  readonly reactor: Reactor;
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
  /** The tick in progress: the loop and the reactor of one instance never fire at once. */
  private firing: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ExpirySchedulerOptions) {
    this.dueDates = new DueDatesStore(options.sql);
    this.hours = (matter) => options.catalogue.matters?.[matter]?.stageDueHours ?? DEFAULT_STAGE_DUE_HOURS;
    this.timers = new TimersStore(options.sql, this.hours);
    this.clock = options.clock ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.batchSize = options.batchSize ?? 500;
    const name = options.name ?? 'expiry-scheduler';
    this.projection = {
      kind: 'projection',
      name: `${name}:due-dates`,
      schema: [...DUE_DATES_DDL, ...TIMERS_DDL],
      accepts: (event) => this.schedules(event),
      apply: async (tx, events) => {
        await this.dueDates.applyIn(tx, events);
        await this.timers.applyIn(tx, events);
      },
    };
    this.reactor = {
      kind: 'reactor',
      name: `${name}:due`,
      leader: true,
      accepts: (event) => this.schedules(event),
      react: async () => {
        await this.tick(this.clock());
      },
    };
  }

  processors(): [SqlProjection, Reactor] {
    return [this.projection, this.reactor];
  }

  /** Ticks every `pollIntervalMs` (while `leading`) until `stop()`; the tables are the host's to keep. */
  async start(): Promise<void> {
    if (!this.stopped) return;
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
    await this.firing.catch(() => undefined);
    this.running = undefined;
  }

  /**
   * Expires, reminds and fires every timer due at `now`, from the tables as the projection has them
   * (they must be caught up: the host's job). One tick at a time per instance.
   */
  tick(now: Date = this.clock()): Promise<TickResult> {
    const next = this.firing.catch(() => undefined).then(async () => {
      await this.ensureSchema();
      return this.fire(now);
    });
    this.firing = next;
    return next;
  }

  /** The tables' checkpoint: every event at or before it is folded into both. */
  position(): Promise<Position> {
    return readCheckpoint(this.options.sql, this.projection.name);
  }

  /** The tables and checkpoint rows, as the host creates them (same lock): a tick before the host's start finds them. */
  ensureSchema(): Promise<void> {
    this.schemaReady ??= ensureCheckpoints(this.options.sql, [this.projection.name, this.reactor.name], this.projection.schema).catch((error: unknown) => {
      this.schemaReady = undefined;
      throw error;
    });
    return this.schemaReady;
  }

  /** An event that moves a due date or a timer (the others only move the checkpoints). */
  private schedules(event: RecordedEvent): boolean {
    if (dueAuthorizationId(event) !== undefined) return true;
    const decoded = decodeEvent(event);
    return decoded !== null && timerKeyOf(decoded) !== undefined;
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
        if (this.options.leading?.() ?? true) await this.tick(this.clock());
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


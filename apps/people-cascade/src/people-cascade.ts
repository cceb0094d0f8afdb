import {
  authorizationStream,
  employeeDecider,
  employeeEvents,
  employeeStream,
  foldStored,
  toSnapshot,
  type Catalogue,
  type EventMetadata,
  type Role,
} from '../../../libs/domain/src/index.js';
import { ConcurrencyError, type EventMetadataLike, type EventStore, type Position, type RecordedEvent } from '../../../libs/event-store/src/event-store.port.js';
import { handleCommand } from '../../../libs/event-store/src/handle-command.js';
import type { Reactor } from '../../../libs/processors/src/processor.js';
import type { SqlClient } from '../../../libs/sql/src/sql-client.port.js';
import { CascadeAuthorizationsStore } from './cascade-authorizations.store.js';
import type { CascadeRow } from './cascade-authorizations.projection.js';
import { cascadeDecider, eligible, type CascadeCommand } from './cascade.decider.js';

export interface PeopleCascadeOptions {
  readonly store: EventStore;
  /** Where the cascade keeps its table and checkpoint (the read store). */
  readonly sql: SqlClient;
  /** Eligible roles per matter, and `version` recorded as `policyVersion`. */
  readonly catalogue: Catalogue;
  /** Time of the revocations and withdrawals it writes. Default: system clock. */
  readonly clock?: () => Date;
  /** Events per batch, hosted or catching up with `processPending()` (default 500). */
  readonly batchSize?: number;
  /** Processor (checkpoint) name (default `people-cascade`). */
  readonly name?: string;
}

/** A directory event that needs a cascade: a departure, or an update that changed the role. */
type Trigger = { readonly kind: 'left'; readonly employeeId: string } | { readonly kind: 'role'; readonly employeeId: string; readonly role: Role };

const ACTOR = { id: 'people-cascade', kind: 'system' } as const;
const MAX_CONFLICT_RETRIES = 5;

function triggerOf(stored: RecordedEvent): Trigger | null {
  const event = employeeEvents.decode(stored);
  if (event === null || typeof event.data.employeeId !== 'string') return null;
  const employeeId = event.data.employeeId;
  if (event.type === 'EmployeeLeft') return { kind: 'left', employeeId };
  if (event.type === 'EmployeeUpdated' && Array.isArray(event.data.changed) && event.data.changed.includes('role') && typeof event.data.role === 'string') {
    return { kind: 'role', employeeId, role: event.data.role };
  }
  return null;
}

/**
 * Joiner–mover–leaver (SPEC §4) as a process manager over the global log. A departure revokes
 * every active grant of the employee and withdraws every open application (reason
 * `employee-left`); a role change revokes the active grants the new role is not eligible for
 * (`role-changed`). The checkpoint of a directory event moves only after all its commands
 * succeeded, and each command's id is `cascade:<directory event id>:<authorizationId>`, so a
 * crash mid-cascade is resumed on restart without writing anything twice. It runs as a reactor of
 * the process's processor host (`reactor()`); `processPending()` drives the same code directly.
 */
export class PeopleCascade {
  private readonly table: CascadeAuthorizationsStore;
  private readonly clock: () => Date;
  private readonly batchSize: number;
  private readonly name: string;
  private schemaReady: Promise<void> | undefined;

  constructor(private readonly options: PeopleCascadeOptions) {
    this.name = options.name ?? 'people-cascade';
    this.table = new CascadeAuthorizationsStore(options.sql, this.name);
    this.clock = options.clock ?? (() => new Date());
    this.batchSize = options.batchSize ?? 500;
  }

  /**
   * The cascade as a reactor. It moves its checkpoint itself as it goes (rows with their events,
   * a trigger once its commands succeeded), so the host's checkpoint after the batch changes
   * nothing; a failing event is retried (with back-off) until it succeeds.
   */
  reactor(): Reactor {
    return {
      kind: 'reactor',
      name: this.name,
      batchSize: this.batchSize,
      react: async (events) => {
        await this.ensureSchema();
        await this.handle(events);
      },
    };
  }

  /** The checkpoint: every event at or before it has been fully handled. */
  async position(): Promise<Position> {
    await this.ensureSchema();
    return this.table.checkpoint();
  }

  /**
   * Handles everything after the checkpoint that a reader may see now, in batches (catch-up, tests,
   * CLI). Events of transactions still running elsewhere become visible later (see the store).
   */
  async processPending(): Promise<void> {
    await this.ensureSchema();
    for (;;) {
      const batch = await this.options.store.readAll({ after: await this.table.checkpoint(), limit: this.batchSize });
      await this.handle(batch);
      if (batch.length < this.batchSize) return;
    }
  }

  /** Events in global order: runs of plain events are projected in one transaction; each trigger cascades on its own. */
  async handle(events: readonly RecordedEvent[]): Promise<void> {
    let run: RecordedEvent[] = [];
    for (const event of events) {
      const trigger = triggerOf(event);
      if (trigger === null) {
        run.push(event);
        continue;
      }
      await this.table.project(run);
      run = [];
      if (await this.table.isDone(event.position)) continue;
      await this.cascade(event, trigger);
      await this.table.advanceTo(event.position);
    }
    await this.table.project(run);
  }

  private async cascade(cause: RecordedEvent, trigger: Trigger): Promise<void> {
    const candidates = await this.table.openOf(trigger.employeeId);
    const selected = trigger.kind === 'left' ? candidates : candidates.filter((row) => row.status === 'active' && !eligible(this.options.catalogue, row.matter, trigger.role));
    if (selected.length === 0) return;
    const grantee = await this.snapshotOf(trigger.employeeId);
    const now = this.clock().toISOString();
    const command: CascadeCommand =
      trigger.kind === 'left' ? { type: 'CascadeLeaver', data: { grantee, now } } : { type: 'CascadeRoleChange', data: { grantee, newRole: trigger.role, now } };
    for (const row of selected) await this.send(cause, row, command, now);
  }

  /** A concurrent write to the authorization re-reads it and decides again on its new state. */
  private async send(cause: RecordedEvent, row: CascadeRow, command: CascadeCommand, now: string): Promise<void> {
    const commandId = `cascade:${cause.id}:${row.authorizationId}`;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await handleCommand(this.options.store, authorizationStream(row.authorizationId), cascadeDecider(this.options.catalogue), command, {
          commandId,
          metadata: () => this.metadata(cause, now),
        });
        return;
      } catch (error: unknown) {
        if (!(error instanceof ConcurrencyError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
      }
    }
  }

  private async snapshotOf(employeeId: string) {
    const history = await this.options.store.readStream(employeeStream(employeeId));
    const state = foldStored(employeeDecider, history);
    const snapshot = toSnapshot(state);
    if (snapshot === null) throw new Error(`people cascade: employee ${employeeId} is not registered`);
    return snapshot;
  }

  private metadata(cause: RecordedEvent, now: string): EventMetadataLike {
    const correlationId = typeof cause.metadata['correlationId'] === 'string' ? cause.metadata['correlationId'] : cause.id;
    const metadata: EventMetadata = { occurredAt: now, actor: ACTOR, correlationId, causationId: cause.id, policyVersion: this.options.catalogue.version };
    return { ...metadata };
  }

  private ensureSchema(): Promise<void> {
    this.schemaReady ??= this.table.ensureSchema().catch((error: unknown) => {
      this.schemaReady = undefined;
      throw error;
    });
    return this.schemaReady;
  }
}

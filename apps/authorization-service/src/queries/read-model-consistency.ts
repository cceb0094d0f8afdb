import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/index.js';
import { EVENT_STORE, type EventStore, isPosition, START } from '../../../../libs/event-store/src/index.js';
import type { ProcessorHost } from '../../../../libs/processors/src/host.js';
import { PROCESSOR_HOST } from '../../../../libs/processors/src/processor-host.module.js';
import { hostedProcessor, storedCheckpoint, waitForPosition, type PositionSource } from '../../../../libs/processors/src/wait-for-position.js';
import { READ_MODELS_PROJECTION, ReadModelQueries } from '../../../../libs/read-models/src/index.js';
import type { RecordQueries } from '../../../../libs/read-models/src/records/record.queries.js';
import { RecordsReader } from '../../../../libs/read-models/src/records/records.module.js';
import { SQL_CLIENT, type SqlClient } from '../../../../libs/sql/src/sql-client.port.js';
import type { ReadinessProbe } from '../health/readiness.js';
import { InvalidRequestError, UnavailableError } from '../shared/application-errors.js';
import { freshRecords } from '../shared/fresh-records.js';

const invalidToken = (why: string): InvalidRequestError => InvalidRequestError.fields(`the consistency token ${why}`, { consistency: [why] });

/** Reads X-Consistency-Token (or a body's `consistency.atLeast`): a position by the store's grammar, else 400. */
export function consistencyToken(header: unknown, body?: { consistency?: { atLeast?: unknown } } | null): string | null {
  // Both are checked: a malformed header is refused even when the body's token is the one that counts.
  const fromHeader = parseToken(header);
  return parseToken(body?.consistency?.atLeast) ?? fromHeader;
}

function parseToken(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !isPosition(value)) throw invalidToken('is not one this service issued');
  return value;
}

/**
 * A token ahead of what this replica has read is worth waiting for only if the store has written
 * that far: every token the service issues is at or behind the store's head. One beyond it was made
 * up (or comes from another store) and would only hold a connection for the whole wait: 400 at once.
 */
export async function refuseUnwritten(store: Pick<EventStore, 'writtenPosition'>, token: string): Promise<void> {
  // The store's written position only grows: a token at or before one seen already needs no query.
  if (token <= (writtenSeen.get(store) ?? START)) return;
  const written = await store.writtenPosition();
  if (written > (writtenSeen.get(store) ?? START)) writtenSeen.set(store, written);
  if (token > written) throw invalidToken('is beyond anything the store has written');
}

/** Per store, the highest written position `refuseUnwritten` has read. */
const writtenSeen = new WeakMap<object, string>();

/**
 * Read-your-writes, the one way: `token` null or already reached passes; one beyond anything the
 * store has written is 400 at once; otherwise waits (`waitForPosition`) up to `timeoutMs`, then
 * 503 CONSISTENCY_TIMEOUT naming `what`.
 */
export async function awaitConsistency(
  store: Pick<EventStore, 'writtenPosition'>,
  source: PositionSource,
  token: string | null,
  timeoutMs: number,
  what: string,
): Promise<void> {
  if (token === null || token <= (await source.current())) return;
  await refuseUnwritten(store, token);
  if (!(await waitForPosition(source, token, timeoutMs))) throw new UnavailableError('CONSISTENCY_TIMEOUT', `${what} has not reached position ${token} yet; retry`);
}

/**
 * Read-your-writes for the SQL read models: waits until the read models' checkpoint has reached the
 * token — woken by this process's host when it runs the projection (the all-in-one), else polling
 * the stored checkpoint (the projector is another process) — then 503 after the bounded wait.
 */
@Injectable()
export class ReadModelConsistency implements ReadinessProbe {
  readonly name = 'readModels';
  private last = '0';
  private readonly stored: PositionSource;

  constructor(
    private readonly queries: ReadModelQueries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) sql: SqlClient,
    @Optional() @Inject(PROCESSOR_HOST) private readonly host: ProcessorHost | null,
    private readonly records: RecordsReader,
  ) {
    const polled = storedCheckpoint(sql, READ_MODELS_PROJECTION);
    this.stored = { current: async () => (this.last = await polled.current()) };
  }

  async waitFor(token: string | null): Promise<void> {
    if (token === null || token <= this.last) return;
    const local = this.host?.names().includes(READ_MODELS_PROJECTION) === true ? hostedProcessor(this.host, READ_MODELS_PROJECTION) : null;
    await awaitConsistency(this.store, local ?? this.stored, token, this.config.consistencyWaitMs, 'the read models');
  }

  /** Waits until the read models have read the log as far as its head is now: 503 CONSISTENCY_TIMEOUT after the bounded wait. */
  async waitForHead(): Promise<void> {
    await this.waitFor(await this.store.headPosition());
  }

  /**
   * The record read models (SPEC §11 read-backs) for a reader who sent `header` (X-Consistency-Token):
   * as of the head of the log when the request came, or the token where it is further (a write through
   * another replica). A malformed token, or one beyond anything the store has written, is 400; 503
   * CONSISTENCY_TIMEOUT after the bounded wait.
   */
  async recordsAt(header: unknown): Promise<RecordQueries> {
    const token = consistencyToken(header);
    if (token !== null) await refuseUnwritten(this.store, token);
    return freshRecords(this.records, token);
  }

  /**
   * The same for a projection of this process's host (`processor`, e.g. the access-review list): it
   * has reached the head of the log as the request found it, or the token where that is further.
   */
  async hostedAt(processor: string, header: unknown, what: string): Promise<void> {
    const token = consistencyToken(header);
    if (token !== null) await refuseUnwritten(this.store, token);
    if (this.host === null) throw new UnavailableError('CONSISTENCY_TIMEOUT', `${what} is not read in this process`);
    const head = await this.store.headPosition();
    const target = token !== null && token > head ? token : head;
    if (!(await waitForPosition(hostedProcessor(this.host, processor), target, this.config.consistencyWaitMs))) {
      throw new UnavailableError('CONSISTENCY_TIMEOUT', `${what} has not reached position ${target} yet; retry`);
    }
  }

  /** For a read of the event store itself (always current): the token is only checked, 400 when malformed or beyond anything written. */
  async checked(header: unknown): Promise<void> {
    const token = consistencyToken(header);
    if (token !== null) await refuseUnwritten(this.store, token);
  }

  /** The read models' checkpoint as stored now (the projector may run in another process). */
  async check(head: string | null): Promise<{ ready: boolean; position: string | null; lagging: boolean }> {
    this.last = await this.queries.checkpoint();
    return { ready: true, position: this.last, lagging: head !== null && head > this.last };
  }
}

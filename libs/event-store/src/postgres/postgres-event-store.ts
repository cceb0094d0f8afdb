import type { SqlClient, SqlQueryable } from '../../../sql/src/index.js';
import {
  ConcurrencyError,
  START,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port.js';
import { pollingSubscription } from '../polling-subscription.js';
import { decodePosition, encodePosition } from '../position.js';
import { ensureEventStoreSchema, NOTIFY_CHANNEL } from './schema.js';

export interface PostgresEventStoreOptions {
  /** Live-tail poll interval once caught up (default 25 ms). */
  readonly pollIntervalMs?: number;
  /**
   * Wake subscribers early with LISTEN/NOTIFY. Polling alone guarantees delivery. Default: on for
   * PGlite (one process, cheap), off for PostgreSQL, where NOTIFY takes a cluster-wide lock at
   * commit and halved concurrent append throughput in bench/event-store.bench.mjs.
   */
  readonly notify?: boolean;
  /** Close the SqlClient with the store (default false: the caller owns it). */
  readonly ownsClient?: boolean;
}

export interface PostgresEventStore extends EventStore {
  readonly sql: SqlClient;
  ensureSchema(): Promise<void>;
}

interface EventRow {
  gp: string;
  tx: string;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: unknown;
  metadata: Record<string, unknown> | null;
  recorded_at: Date | string;
}

const COLUMNS = `global_position::text AS gp, transaction_id::text AS tx, event_id::text AS id, stream_id,
  revision, type, data, metadata, recorded_at`;

/** Only transactions older than every running one: their rows are final (see schema.ts). */
const VISIBLE = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())';

const toRecorded = (row: EventRow): RecordedEvent => ({
  id: row.id,
  type: row.type,
  streamId: row.stream_id,
  revision: Number(row.revision),
  position: encodePosition(row.tx, row.gp),
  data: row.data,
  metadata: row.metadata ?? {},
  recordedAt: (row.recorded_at instanceof Date ? row.recorded_at : new Date(row.recorded_at)).toISOString(),
});

/** A retry or a lost race: resolved after the statement by looking at what is stored. */
class AppendRejected extends Error {}

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/**
 * Appends in ONE statement (atomic without an explicit transaction, one round trip): the CTE claims
 * the stream revision (insert for `no_stream`, compare-and-set otherwise) and the events are inserted
 * only when the claim returned a row. Under concurrency the losing statement re-checks the updated
 * row and claims nothing. Usable inside a caller's transaction. Throws AppendRejected when nothing
 * was written because of the expected revision or an event id already stored.
 */
export const appendToStream = async (
  db: SqlQueryable,
  streamId: string,
  events: readonly NewEvent[],
  expectedRevision: ExpectedRevision,
  notify = false,
): Promise<AppendResult> => {
  if (events.length === 0) throw new RangeError('append needs at least one event');
  const first = expectedRevision === 'no_stream' ? 0 : expectedRevision + 1;
  const last = first + events.length - 1;
  const params: unknown[] = [streamId, last];
  const claim =
    expectedRevision === 'no_stream'
      ? `INSERT INTO event_streams (stream_id, revision) VALUES ($1, $2) ON CONFLICT (stream_id) DO NOTHING RETURNING stream_id`
      : `UPDATE event_streams SET revision = $2 WHERE stream_id = $1 AND revision = $3 RETURNING stream_id`;
  if (expectedRevision !== 'no_stream') params.push(expectedRevision);
  const values = events.map((event, index) => {
    const base = params.length;
    params.push(event.id, first + index, event.type, JSON.stringify(event.data ?? null), JSON.stringify(event.metadata ?? {}));
    return `($${base + 1}::uuid, $${base + 2}::int, $${base + 3}::text, $${base + 4}::jsonb, $${base + 5}::jsonb)`;
  });
  const wake = notify ? `CROSS JOIN (SELECT pg_notify('${NOTIFY_CHANNEL}', '')) AS n` : '';
  const text = `WITH claim AS (${claim})
    INSERT INTO events (event_id, stream_id, revision, type, data, metadata)
    SELECT v.event_id, claim.stream_id, v.revision, v.type, v.data, v.metadata
    FROM claim CROSS JOIN (VALUES ${values.join(', ')}) AS v(event_id, revision, type, data, metadata) ${wake}
    ORDER BY v.revision
    RETURNING global_position::text AS gp, transaction_id::text AS tx, revision`;
  let rows: { gp: string; tx: string; revision: number }[];
  try {
    ({ rows } = await db.query<{ gp: string; tx: string; revision: number }>(text, params));
  } catch (error: unknown) {
    if (isUniqueViolation(error)) throw new AppendRejected('event id already stored', { cause: error });
    throw error;
  }
  const sorted = rows.map((r) => ({ ...r, revision: Number(r.revision) })).sort((a, b) => a.revision - b.revision);
  const lastRow = sorted[sorted.length - 1];
  if (!lastRow) throw new AppendRejected('expected revision not met');
  return {
    nextRevision: lastRow.revision,
    position: encodePosition(lastRow.tx, lastRow.gp),
    duplicate: false,
    positions: sorted.map((r) => encodePosition(r.tx, r.gp)),
  };
};

/** The EventStore on PostgreSQL or PGlite (same SQL). Call `ensureSchema()` once before use. */
export const createPostgresEventStore = (sql: SqlClient, options: PostgresEventStoreOptions = {}): PostgresEventStore => {
  const notify = options.notify ?? sql.dialect === 'pglite';
  const pollIntervalMs = options.pollIntervalMs ?? 25;

  /** After a rejected append: an idempotent retry (every id already in this stream) or a conflict. */
  const resolveRejected = async (streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> => {
    const { rows } = await sql.query<{ stream_id: string; revision: number; gp: string; tx: string }>(
      `SELECT stream_id, revision, global_position::text AS gp, transaction_id::text AS tx
       FROM events WHERE event_id = ANY($1::uuid[]) ORDER BY revision`,
      [events.map((e) => e.id)],
    );
    const lastRow = rows[rows.length - 1];
    if (lastRow && rows.length === new Set(events.map((e) => e.id)).size && rows.every((r) => r.stream_id === streamId)) {
      return { nextRevision: Number(lastRow.revision), position: encodePosition(lastRow.tx, lastRow.gp), duplicate: true };
    }
    const current = await sql.query<{ revision: number }>('SELECT revision FROM event_streams WHERE stream_id = $1', [streamId]);
    const actual = current.rows[0];
    throw new ConcurrencyError(streamId, expected, actual ? Number(actual.revision) : 'no_stream');
  };

  // One LISTEN per store, fanned out to its subscriptions (on pg a listener holds a connection).
  const wakers = new Set<() => void>();
  let unlisten: Promise<() => Promise<void>> | undefined;
  const addWaker = async (wake: () => void): Promise<() => Promise<void>> => {
    wakers.add(wake);
    unlisten ??= sql.listen?.(NOTIFY_CHANNEL, () => wakers.forEach((w) => w()));
    try {
      await unlisten;
    } catch (error: unknown) {
      // Polling still delivers; let the next subscription try LISTEN again.
      unlisten = undefined;
      wakers.delete(wake);
      throw error;
    }
    return async () => {
      wakers.delete(wake);
      if (wakers.size > 0 || !unlisten) return;
      const stop = unlisten;
      unlisten = undefined;
      await (await stop)();
    };
  };

  const readAll = async (readOptions: ReadAllOptions = {}): Promise<RecordedEvent[]> => {
    const [tx, gp] = decodePosition(readOptions.after ?? START);
    const { rows } = await sql.query<EventRow>(
      `SELECT ${COLUMNS} FROM events
       WHERE ${VISIBLE} AND (transaction_id, global_position) > ($1::xid8, $2::bigint)
       ORDER BY transaction_id, global_position LIMIT $3`,
      [tx, gp, readOptions.limit ?? 1000],
    );
    return rows.map(toRecorded);
  };

  return {
    sql,
    ensureSchema: () => ensureEventStoreSchema(sql),

    async append(streamId, events, { expectedRevision }): Promise<AppendResult> {
      try {
        return await appendToStream(sql, streamId, events, expectedRevision, notify);
      } catch (error: unknown) {
        if (error instanceof AppendRejected) return resolveRejected(streamId, events, expectedRevision);
        throw error;
      }
    },

    async readStream(streamId: string): Promise<RecordedEvent[]> {
      const { rows } = await sql.query<EventRow>(`SELECT ${COLUMNS} FROM events WHERE stream_id = $1 ORDER BY revision`, [streamId]);
      return rows.map(toRecorded);
    },

    async readStreams(streamIds: readonly string[]): Promise<Map<string, RecordedEvent[]>> {
      const found = new Map<string, RecordedEvent[]>(streamIds.map((id) => [id, []]));
      if (streamIds.length === 0) return found;
      const { rows } = await sql.query<EventRow>(`SELECT ${COLUMNS} FROM events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, revision`, [[...new Set(streamIds)]]);
      for (const row of rows) found.get(row.stream_id)?.push(toRecorded(row));
      return found;
    },

    readAll,

    subscribeToAll(subscribeOptions: SubscribeOptions): Subscription {
      return pollingSubscription((after, limit) => readAll({ after, limit }), subscribeOptions, {
        pollIntervalMs,
        ...(notify && sql.listen ? { onWake: addWaker } : {}),
      });
    },

    async headPosition(): Promise<Position> {
      const { rows } = await sql.query<{ gp: string; tx: string }>(
        `SELECT global_position::text AS gp, transaction_id::text AS tx FROM events WHERE ${VISIBLE}
         ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
      );
      const head = rows[0];
      return head ? encodePosition(head.tx, head.gp) : START;
    },

    async writtenPosition(): Promise<Position> {
      const { rows } = await sql.query<{ gp: string; tx: string }>(
        'SELECT global_position::text AS gp, transaction_id::text AS tx FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1',
      );
      const last = rows[0];
      return last ? encodePosition(last.tx, last.gp) : START;
    },

    async ping(): Promise<void> {
      await sql.query('SELECT 1');
    },

    async close(): Promise<void> {
      if (options.ownsClient) await sql.close();
    },
  };
};

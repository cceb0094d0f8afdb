import { START, type EventStore, type Position, type RecordedEvent } from '../../event-store/src/event-store.port.js';
import { createPostgresEventStore } from '../../event-store/src/postgres/postgres-event-store.js';
import { createPgClient } from '../../sql/src/index.js';
import type { SqlClient, SqlQueryable } from '../../sql/src/sql-client.port.js';
import { createTestDatabase, type TestDatabase } from '../../sql/src/testing/test-database.js';
import { WAIT_BOUND_MS } from '../../../test/support/timeouts.js';
import { readCheckpoint } from './checkpoints.js';
import { ProcessorHost } from './host.js';
import type { MemoryProjection, Reactor, SqlProjection } from './processor.js';
import { hostedProcessor, storedCheckpoint, waitForPosition } from './wait-for-position.js';

const until = async (what: string, predicate: () => boolean | Promise<boolean>): Promise<void> => {
  const deadline = Date.now() + WAIT_BOUND_MS;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** Counts events per stream. */
const streamCounts = (name = 'test-stream-counts'): SqlProjection => ({
  kind: 'projection',
  name,
  batchSize: 37,
  schema: ['CREATE TABLE IF NOT EXISTS t_stream_counts (stream_id text PRIMARY KEY, n int NOT NULL)'],
  apply: async (tx, events) => {
    for (const event of events) {
      await tx.query('INSERT INTO t_stream_counts (stream_id, n) VALUES ($1, 1) ON CONFLICT (stream_id) DO UPDATE SET n = t_stream_counts.n + 1', [event.streamId]);
    }
  },
});

/** Keeps the last revision per type; fails once (a database hiccup) when `failOnce` is set. */
const lastByType = (hiccup: { failOnce: boolean }): SqlProjection => ({
  kind: 'projection',
  name: 'test-last-by-type',
  batchSize: 11,
  accepts: (event) => event.type !== 'Ignored',
  schema: ['CREATE TABLE IF NOT EXISTS t_last_by_type (type text PRIMARY KEY, stream_id text NOT NULL, revision int NOT NULL, seen int NOT NULL)'],
  apply: async (tx, events) => {
    if (hiccup.failOnce) {
      hiccup.failOnce = false;
      throw new Error('database hiccup');
    }
    for (const event of events) {
      await tx.query(
        `INSERT INTO t_last_by_type (type, stream_id, revision, seen) VALUES ($1, $2, $3, 1)
         ON CONFLICT (type) DO UPDATE SET stream_id = EXCLUDED.stream_id, revision = EXCLUDED.revision, seen = t_last_by_type.seen + 1`,
        [event.type, event.streamId, event.revision],
      );
    }
  },
});

/** An effect per event with an id derived from the event (idempotent), counting deliveries; crashes once after an effect when asked. */
const effects = (options: { name?: string; leader?: boolean; crashAfterEffectAt?: Set<string>; holder?: string } = {}): Reactor => ({
  kind: 'reactor',
  name: options.name ?? 'test-effects',
  batchSize: 25,
  ...(options.leader === undefined ? {} : { leader: options.leader }),
  schema: ['CREATE TABLE IF NOT EXISTS t_effects (id text PRIMARY KEY, event_position text NOT NULL, deliveries int NOT NULL, holder text NOT NULL)'],
  react: async (events, { sql }) => {
    for (const event of events) {
      await sql.query(
        `INSERT INTO t_effects (id, event_position, deliveries, holder) VALUES ($1, $2, 1, $3)
         ON CONFLICT (id) DO UPDATE SET deliveries = t_effects.deliveries + 1`,
        [`effect:${event.id}`, event.position, options.holder ?? 'any'],
      );
      if (options.crashAfterEffectAt?.delete(event.id)) throw new Error('crashed after the effect, before the checkpoint');
    }
  },
});

const dump = async (sql: SqlQueryable): Promise<unknown> => ({
  counts: (await sql.query('SELECT * FROM t_stream_counts ORDER BY stream_id')).rows,
  last: (await sql.query('SELECT * FROM t_last_by_type ORDER BY type')).rows,
});

describe('ProcessorHost (PostgreSQL event store and read store)', () => {
  let db: TestDatabase;
  let sql: SqlClient;
  let store: EventStore;
  let written = 0;

  const append = async (n: number, streams = 7): Promise<Position> => {
    let position: Position = START;
    for (let i = 0; i < n; i += 1) {
      const stream = `s-${(written + i) % streams}`;
      const current = await store.readStream(stream);
      const result = await store.append(stream, [{ id: crypto.randomUUID(), type: i % 5 === 0 ? 'Ignored' : `T${i % 3}`, data: { i }, metadata: {} }], {
        expectedRevision: current.length === 0 ? 'no_stream' : current.length - 1,
      });
      position = result.position;
    }
    written += n;
    return position;
  };

  /**
   * The log as readers see it once `n` events are visible: the store's high-water mark holds back what
   * a transaction still open anywhere on the server might precede (another suite's held-open append).
   */
  const visible = async (n: number): Promise<RecordedEvent[]> => {
    const deadline = Date.now() + WAIT_BOUND_MS;
    for (;;) {
      const events = await store.readAll({ limit: 10_000 });
      if (events.length >= n || Date.now() > deadline) return events;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('processors');
    sql = createPgClient(db.url);
    const events = createPostgresEventStore(sql, { pollIntervalMs: 10 });
    await events.ensureSchema();
    store = events;
  });
  afterAll(async () => {
    await store.close();
    await sql.close();
    await db.drop();
  });

  it('two projections and a reactor survive a stop mid-stream: the rows equal a rebuild, every effect is done at least once under a stable id', async () => {
    await append(200);
    const hiccup = { failOnce: true };
    const crashes = new Set<string>();
    const first = new ProcessorHost({ events: store, sql, processors: [streamCounts(), lastByType(hiccup), effects({ crashAfterEffectAt: crashes })], retryInitialMs: 5 });
    const all = await visible(200);
    crashes.add((all[60] as RecordedEvent).id);
    await first.start();
    // Writes go on while the first host runs and while it is stopped mid-stream.
    const writing = append(150);
    await until('the first host to be mid-stream', () => first.position('test-stream-counts') > (all[100] as RecordedEvent).position && first.position('test-effects') > (all[60] as RecordedEvent).position);
    await first.stop();
    await writing;
    expect(hiccup.failOnce).toBe(false);
    expect(crashes.size).toBe(0);

    const second = new ProcessorHost({ events: store, sql, processors: [streamCounts(), lastByType(hiccup), effects()] });
    await second.start();
    const head = await store.headPosition();
    for (const name of second.names()) expect(await waitForPosition(hostedProcessor(second, name), head, WAIT_BOUND_MS)).toBe(true);
    await second.stop();
    for (const name of second.names()) expect(await readCheckpoint(sql, name)).toBe(head);

    const resumed = await dump(sql);
    const counted = (resumed as { counts: { n: number }[] }).counts.reduce((sum, row) => sum + row.n, 0);
    expect(counted).toBe(350);
    const { rows: effectRows } = await sql.query<{ id: string; deliveries: number }>('SELECT id, deliveries FROM t_effects');
    const everyEvent = (await store.readAll({ limit: 1000 })).map((event) => `effect:${event.id}`).sort();
    expect(effectRows.map((row) => row.id).sort()).toEqual(everyEvent);
    expect(effectRows.some((row) => row.deliveries > 1)).toBe(true);

    // A rebuild: empty the rows, checkpoints back to START, replay everything.
    await sql.query('TRUNCATE t_stream_counts, t_last_by_type');
    await sql.query(`UPDATE processor_checkpoints SET position = '0' WHERE name IN ('test-stream-counts', 'test-last-by-type')`);
    const rebuild = new ProcessorHost({ events: store, sql, processors: [streamCounts(), lastByType({ failOnce: false })] });
    await rebuild.start();
    for (const name of rebuild.names()) expect(await waitForPosition(hostedProcessor(rebuild, name), head, WAIT_BOUND_MS)).toBe(true);
    await rebuild.stop();
    expect(await dump(sql)).toEqual(resumed);
  });

  it('two hosts: one leader runs the reactor, a projection in both is applied once, and the other host takes over when the leader stops', async () => {
    await sql.query('TRUNCATE t_stream_counts');
    await sql.query(`DELETE FROM processor_checkpoints WHERE name = 'test-stream-counts'`);
    const lease = { leaseTtlMs: 1_000, leaseRenewMs: 100 };
    const a = new ProcessorHost({ events: store, sql, holder: 'host-a', ...lease, processors: [streamCounts(), effects({ name: 'test-leader', leader: true, holder: 'host-a' })] });
    const b = new ProcessorHost({ events: store, sql, holder: 'host-b', ...lease, processors: [streamCounts(), effects({ name: 'test-leader', leader: true, holder: 'host-b' })] });
    await sql.query('TRUNCATE t_effects');
    await Promise.all([a.start(), b.start()]);
    const head = await append(60);
    await until('the leader to reach the head', async () => (await readCheckpoint(sql, 'test-leader')) === head);
    await until('the projection to reach the head', async () => (await readCheckpoint(sql, 'test-stream-counts')) === head);
    const leading = [a, b].filter((host) => host.status().find((s) => s.name === 'test-leader')?.leading);
    expect(leading).toHaveLength(1);
    const { rows: counts } = await sql.query<{ total: string }>('SELECT sum(n)::text AS total FROM t_stream_counts');
    expect(Number(counts[0]?.total)).toBe(written);
    const leader = leading[0] as ProcessorHost;
    const follower = leader === a ? b : a;
    const { rows: holders } = await sql.query<{ holder: string }>('SELECT DISTINCT holder FROM t_effects');
    expect(holders.map((row) => row.holder)).toEqual([leader === a ? 'host-a' : 'host-b']);

    await leader.stop();
    const later = await append(20);
    await until('the other host to take over', async () => (await readCheckpoint(sql, 'test-leader')) === later);
    expect(follower.status().find((s) => s.name === 'test-leader')?.leading).toBe(true);
    const { rows: byFollower } = await sql.query<{ n: string }>('SELECT count(*)::text AS n FROM t_effects WHERE holder = $1', [follower === a ? 'host-a' : 'host-b']);
    expect(Number(byFollower[0]?.n)).toBeGreaterThanOrEqual(20);
    const { rows: total } = await sql.query<{ n: string }>('SELECT count(*)::text AS n FROM t_effects');
    expect(Number(total[0]?.n)).toBe(written);
    await follower.stop();
  });

  it('a failing reactor retries with backoff while the projections and a memory projection reach the head; it catches up on its own reads afterwards', async () => {
    let failing = true;
    let attempts = 0;
    const reactor: Reactor = {
      kind: 'reactor',
      name: 'test-flaky',
      react: async () => {
        attempts += 1;
        if (failing) throw new Error('kafka is down');
      },
    };
    const seen: RecordedEvent[] = [];
    const memory: MemoryProjection = { kind: 'memory', name: 'test-memory', batchSize: 40, apply: (events) => void seen.push(...events) };
    const host = new ProcessorHost({ events: store, sql, windowEvents: 50, retryInitialMs: 5, retryMaxMs: 50, processors: [streamCounts(), reactor, memory] });
    await host.start();
    const before = await store.headPosition();
    // start() resolves once the memory projection has caught up.
    expect(host.position('test-memory') >= before).toBe(true);
    const head = await append(120);
    expect(await waitForPosition(hostedProcessor(host, 'test-stream-counts'), head, WAIT_BOUND_MS)).toBe(true);
    expect(await waitForPosition(hostedProcessor(host, 'test-memory'), head, WAIT_BOUND_MS)).toBe(true);
    expect(host.status().find((s) => s.name === 'test-flaky')).toMatchObject({ state: 'retrying', position: START });
    expect(attempts).toBeGreaterThan(1);
    expect((await host.readiness()).ready).toBe(false);
    failing = false;
    expect(await waitForPosition(storedCheckpoint(sql, 'test-flaky'), head, WAIT_BOUND_MS)).toBe(true);
    expect(seen.map((e) => e.position)).toEqual((await store.readAll({ limit: 10_000 })).map((e) => e.position));
    await until('ready', async () => (await host.readiness()).ready);
    await host.stop();
  });

  it("calls a projection's committed() once per batch whose transaction committed, never after one that rolled back", async () => {
    let failNext = true;
    let applies = 0;
    let applying = 0;
    const committed: number[] = [];
    const projection: SqlProjection = {
      kind: 'projection',
      name: 'test-committed',
      schema: ['CREATE TABLE IF NOT EXISTS t_committed (id text PRIMARY KEY)'],
      apply: async (tx, events) => {
        applies += 1;
        for (const event of events) await tx.query('INSERT INTO t_committed (id) VALUES ($1)', [event.id]);
        applying = events.length;
        if (failNext) {
          failNext = false;
          throw new Error('rolled back');
        }
      },
      committed: () => {
        committed.push(applying);
      },
    };
    const target = await append(12);
    const host = new ProcessorHost({ events: store, sql, processors: [projection], retryInitialMs: 5 });
    await host.start();
    try {
      expect(await waitForPosition(hostedProcessor(host, 'test-committed'), target, WAIT_BOUND_MS)).toBe(true);
      const { rows } = await sql.query<{ n: string }>('SELECT count(*)::text AS n FROM t_committed');
      // Every event once (the rolled-back batch left nothing); committed() after each batch that stayed, not the first.
      expect(Number(rows[0]?.n)).toBe((await store.readAll({ limit: 10_000 })).length);
      expect(committed.reduce((sum, n) => sum + n, 0)).toBe(Number(rows[0]?.n));
      expect(committed).toHaveLength(applies - 1);
    } finally {
      await host.stop();
    }
  });

  it('copies a legacy checkpoint once, so an upgraded consumer does not redo what it did', async () => {
    const all = await store.readAll({ limit: 10_000 });
    const legacy = (all[all.length - 5] as RecordedEvent).position;
    await sql.query('CREATE TABLE IF NOT EXISTS cascade_checkpoint (name text PRIMARY KEY, position text NOT NULL)');
    await sql.query(`INSERT INTO cascade_checkpoint (name, position) VALUES ('test-upgraded', $1)`, [legacy]);
    const handled: string[] = [];
    const reactor: Reactor = { kind: 'reactor', name: 'test-upgraded', react: async (events) => void handled.push(...events.map((e) => e.position)) };
    const host = new ProcessorHost({ events: store, sql, processors: [reactor] });
    await host.start();
    const head = await store.headPosition();
    expect(await waitForPosition(hostedProcessor(host, 'test-upgraded'), head, WAIT_BOUND_MS)).toBe(true);
    await host.stop();
    expect(handled).toEqual(all.slice(-4).map((e) => e.position));
  });

  it('writes a memory projection\'s snapshot once caught up, and a later host starts from it plus the tail', async () => {
    const counting = (applied: RecordedEvent[], restoredFrom: string[]): MemoryProjection => {
      let count = 0;
      return {
        kind: 'memory',
        name: 'test-snapshots',
        apply: (events) => {
          count += events.length;
          applied.push(...events);
        },
        snapshot: { format: 'count/1', everyEvents: 10, save: () => JSON.stringify({ count }), load: (data) => {
          restoredFrom.push(data);
          count = (JSON.parse(data) as { count: number }).count;
        } },
      };
    };
    const firstApplied: RecordedEvent[] = [];
    const first = new ProcessorHost({ events: store, sql, processors: [counting(firstApplied, [])] });
    await first.start();
    await until('a snapshot', async () => (await sql.query(`SELECT 1 FROM processor_snapshots WHERE name = 'test-snapshots'`)).rows.length === 1);
    await first.stop();
    const { rows } = await sql.query<{ position: string; format: string; data: string }>(`SELECT position, format, data FROM processor_snapshots WHERE name = 'test-snapshots'`);
    expect(rows[0]).toEqual({ position: first.position('test-snapshots'), format: 'count/1', data: JSON.stringify({ count: firstApplied.length }) });

    const tail = await append(5);
    const applied: RecordedEvent[] = [];
    const restoredFrom: string[] = [];
    const second = new ProcessorHost({ events: store, sql, processors: [counting(applied, restoredFrom)] });
    await second.start();
    expect(second.position('test-snapshots')).toBe(tail);
    expect(restoredFrom).toEqual([JSON.stringify({ count: firstApplied.length })]);
    expect(applied).toHaveLength(5);
    await second.stop();
  });

  it('waitForPosition answers false after its timeout for a position not reached', async () => {
    const host = new ProcessorHost({ events: store, sql, processors: [{ kind: 'memory', name: 'test-wait', apply: () => undefined }] });
    await host.start();
    const beyond = '99999999999999999999.99999999999999999999';
    const started = Date.now();
    expect(await waitForPosition(hostedProcessor(host, 'test-wait'), beyond, 100)).toBe(false);
    expect(await waitForPosition(storedCheckpoint(sql, 'test-stream-counts'), beyond, 100)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
    await host.stop();
  });
});

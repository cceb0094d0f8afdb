import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createPgClient, type SqlClient } from '../../../sql/src/index.js';
import { createTestDatabase, type TestDatabase } from '../../../sql/src/testing/test-database.js';
import { START, type EventStore } from '../event-store.port.js';
import { collect, newEvent, runEventStoreContract, stopOpenSubscriptions, waitFor } from '../testing/event-store.contract.js';
import { postgresStore } from '../testing/sql-stores.js';
import { appendToStream, createPostgresEventStore, type PostgresEventStore } from './postgres-event-store.js';

runEventStoreContract('PostgreSQL', () => postgresStore('es_contract', { max: 20 }));

describe('PostgreSQL event store', () => {
  let db: TestDatabase;
  let sql: SqlClient;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase('es_pg');
    sql = createPgClient(db.url);
    store = createPostgresEventStore(sql);
    // Two processes starting together: both create the schema without failing.
    const other = createPostgresEventStore(createPgClient(db.url), { ownsClient: true });
    await Promise.all([store.ensureSchema(), other.ensureSchema(), store.ensureSchema()]);
    await other.close();
  });
  afterEach(stopOpenSubscriptions);
  afterAll(async () => {
    await sql?.close();
    await db?.drop();
  });

  describe('when a transaction commits after later ones (late commit)', () => {
    it('holds back later events until the early one commits, then delivers all in commit-safe order', async () => {
      const prefix = `late${randomUUID().slice(0, 8)}-`;
      const head = await store.headPosition();
      const watcher = collect(store, head, prefix);
      await waitFor(watcher.isCaughtUp, 'subscriber caught up');

      const raw = new pg.Client({ connectionString: db.url });
      await raw.connect();
      const early = newEvent('Early');
      try {
        await raw.query('BEGIN');
        // Takes its xid and a lower global_position than everything appended below.
        await raw.query(
          `INSERT INTO events (event_id, stream_id, revision, type, data, metadata) VALUES ($1, $2, 0, 'Early', '{}', '{}')`,
          [early.id, `${prefix}early`],
        );
        const later: string[] = [];
        let lastPosition = head;
        for (let i = 0; i < 5; i += 1) {
          const event = newEvent('Later');
          lastPosition = (await store.append(`${prefix}later-${i}`, [event], { expectedRevision: 'no_stream' })).position;
          later.push(event.id);
        }
        // A consistency token of these appends is real although the head holds it back: the written position covers it.
        expect(await store.writtenPosition()).toBe(lastPosition);
        // The later events are committed and readable per stream...
        expect(await store.readStream(`${prefix}later-4`)).toHaveLength(1);
        // ...but a subscriber that took them now would have passed the early event's position for good.
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(watcher.delivered).toEqual([]);
        expect((await store.readAll({ after: head })).filter((e) => e.streamId.startsWith(prefix))).toEqual([]);
        expect(await store.headPosition()).toBe(head);

        await raw.query('COMMIT');
        await waitFor(() => watcher.delivered.length === 6, 'all six events');
        expect(watcher.delivered.map((e) => e.id)).toEqual([early.id, ...later]);
      } finally {
        await raw.end();
      }
    });
  });

  describe('when the transaction of an append is rolled back mid-way', () => {
    it('leaves neither the events nor the stream revision behind', async () => {
      const stream = `rollback-${randomUUID()}`;
      const crash = new Error('crash after append');
      await expect(
        sql.transaction(async (tx) => {
          await appendToStream(tx, stream, [newEvent(), newEvent()], 'no_stream');
          throw crash;
        }),
      ).rejects.toBe(crash);
      expect(await store.readStream(stream)).toEqual([]);
      const { rows } = await sql.query('SELECT 1 FROM event_streams WHERE stream_id = $1', [stream]);
      expect(rows).toEqual([]);
      await expect(store.append(stream, [newEvent()], { expectedRevision: 'no_stream' })).resolves.toMatchObject({ nextRevision: 0 });
    });
  });

  it('reports positions that sort after START and match readAll', async () => {
    const event = newEvent();
    const result = await store.append(`pos-${randomUUID()}`, [event], { expectedRevision: 'no_stream' });
    expect(result.position > START).toBe(true);
    await waitFor(async () => (await store.headPosition()) >= result.position, 'visible');
    const found = (await (store as EventStore).readAll({ after: START, limit: 10_000 })).find((e) => e.id === event.id);
    expect(found?.position).toBe(result.position);
  });
});

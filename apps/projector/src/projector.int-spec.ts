import type { EventStore, RecordedEvent } from '../../../libs/event-store/src/event-store.port.js';
import { createPostgresEventStore } from '../../../libs/event-store/src/postgres/postgres-event-store.js';
import { ReadModelQueries } from '../../../libs/read-models/src/postgres/read-model.queries.js';
import { ReadModelStore } from '../../../libs/read-models/src/postgres/read-model.store.js';
import { rebuildReadModels } from '../../../libs/read-models/src/postgres/rebuild.js';
import { migrateReadModels, READ_MODEL_TABLES } from '../../../libs/read-models/src/postgres/schema.js';
import { applyThrough, EventLog, seedDirectory } from '../../../libs/read-models/src/testing/event-log.js';
import { createPgliteClient } from '../../../libs/sql/src/pglite-client.js';
import type { SqlClient } from '../../../libs/sql/src/sql-client.port.js';
import { Projector } from './projector.js';

/** Appends the log's events stream by stream, in log order. */
const appendAll = async (store: EventStore, events: readonly RecordedEvent[]): Promise<void> => {
  for (const e of events) {
    await store.append(e.streamId, [{ id: e.id, type: e.type, data: e.data, metadata: e.metadata }], { expectedRevision: e.revision === 0 ? 'no_stream' : e.revision - 1 });
  }
};

const dump = async (sql: SqlClient): Promise<unknown[]> => {
  const out: unknown[] = [];
  for (const table of READ_MODEL_TABLES) out.push((await sql.query(`SELECT * FROM ${table} ORDER BY 1, 2`)).rows);
  return out;
};

class FlakyStore extends ReadModelStore {
  failures = 1;
  override async apply(events: readonly RecordedEvent[]): ReturnType<ReadModelStore['apply']> {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('database hiccup');
    }
    return super.apply(events);
  }
}

describe('Projector (PGlite event store and read models)', () => {
  let sql: SqlClient;
  let events: EventStore;

  beforeAll(async () => {
    sql = await createPgliteClient('memory');
    const store = createPostgresEventStore(sql, { pollIntervalMs: 10 });
    await store.ensureSchema();
    events = store;
    await migrateReadModels(sql);
  });
  afterAll(async () => {
    await events.close();
    await sql.close();
  });

  it('catches up from the checkpoint, resumes after a restart, and equals a rebuild', async () => {
    const log = new EventLog();
    seedDirectory(log);
    applyThrough(log, 'A1', 'approved');
    await appendAll(events, log.events);
    const first = new Projector(events, new ReadModelStore(sql), { batchSize: 5, flushIntervalMs: 5 });
    await first.start();
    expect(await first.waitFor(await events.headPosition(), 10_000)).toBe(true);
    expect(first.position()).toBe(await events.headPosition());
    expect(await new ReadModelQueries(sql).getAuthorization('A1')).toMatchObject({ status: 'pending_final_approval' });
    await first.stop();

    const before = log.events.length;
    applyThrough(log, 'A2', 'acknowledged', { applicant: 'E2' });
    await appendAll(events, log.events.slice(before));
    const second = new Projector(events, new ReadModelStore(sql), { batchSize: 500, flushIntervalMs: 5 });
    await second.start();
    expect(await second.waitFor(await events.headPosition(), 10_000)).toBe(true);
    expect((await second.lag()).behind).toBe(false);
    expect(await new ReadModelQueries(sql).getAuthorization('A2')).toMatchObject({ status: 'active' });
    await second.stop();

    const resumed = await dump(sql);
    await rebuildReadModels(new ReadModelStore(sql), events);
    expect(await dump(sql)).toEqual(resumed);
  });

  it('retries a batch that failed instead of skipping it', async () => {
    const log = new EventLog();
    log.addRaw('employee-R9', 'EmployeeRegistered', { employeeId: 'R9', name: 'R9', role: 'agent', team: null, reportsTo: null, department: null });
    await appendAll(events, log.events);
    const flaky = new FlakyStore(sql);
    const projector = new Projector(events, flaky, { flushIntervalMs: 5 });
    await projector.start();
    expect(await projector.waitFor(await events.headPosition(), 10_000)).toBe(true);
    expect(flaky.failures).toBe(0);
    expect(await new ReadModelQueries(sql).getEmployee('R9')).toMatchObject({ role: 'agent' });
    await projector.stop();
  });
});

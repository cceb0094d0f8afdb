import type { EventStore, RecordedEvent } from '../../../libs/event-store/src/event-store.port.js';
import { createPostgresEventStore } from '../../../libs/event-store/src/postgres/postgres-event-store.js';
import { ProcessorHost } from '../../../libs/processors/src/host.js';
import type { SqlProjection } from '../../../libs/processors/src/processor.js';
import { hostedProcessor, waitForPosition } from '../../../libs/processors/src/wait-for-position.js';
import { ReadModelQueries } from '../../../libs/read-models/src/postgres/read-model.queries.js';
import { READ_MODELS_PROJECTION, ReadModelStore, readModelsProjection } from '../../../libs/read-models/src/postgres/read-model.store.js';
import { rebuildReadModels } from '../../../libs/read-models/src/postgres/rebuild.js';
import { migrateReadModels, READ_MODEL_TABLES } from '../../../libs/read-models/src/postgres/schema.js';
import { applyThrough, EventLog, seedDirectory } from '../../../libs/read-models/src/testing/event-log.js';
import { createPgliteClient } from '../../../libs/sql/src/pglite-client.js';
import type { SqlClient } from '../../../libs/sql/src/sql-client.port.js';

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

/** The read models' projection, failing its first batch. */
const flaky = (): SqlProjection & { failures: number } => {
  const projection = readModelsProjection();
  const wrapper = {
    ...projection,
    failures: 1,
    apply: async (tx: Parameters<SqlProjection['apply']>[0], events: readonly RecordedEvent[]) => {
      if (wrapper.failures > 0) {
        wrapper.failures -= 1;
        throw new Error('database hiccup');
      }
      return projection.apply(tx, events);
    },
  };
  return wrapper;
};

describe('Projector (PGlite event store and read models)', () => {
  let sql: SqlClient;
  let events: EventStore;
  const projector = (processor: SqlProjection = readModelsProjection(), batchSize?: number): ProcessorHost =>
    new ProcessorHost({ events, sql, retryInitialMs: 5, processors: [batchSize === undefined ? processor : { ...processor, batchSize }] });

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
    const first = projector(readModelsProjection(), 5);
    await first.start();
    expect(await waitForPosition(hostedProcessor(first, READ_MODELS_PROJECTION), await events.headPosition(), 10_000)).toBe(true);
    expect(first.position(READ_MODELS_PROJECTION)).toBe(await events.headPosition());
    expect(await new ReadModelQueries(sql).getAuthorization('A1')).toMatchObject({ status: 'pending_final_approval' });
    await first.stop();

    const before = log.events.length;
    applyThrough(log, 'A2', 'acknowledged', { applicant: 'E2' });
    await appendAll(events, log.events.slice(before));
    const second = projector(readModelsProjection(), 500);
    await second.start();
    expect(await waitForPosition(hostedProcessor(second, READ_MODELS_PROJECTION), await events.headPosition(), 10_000)).toBe(true);
    expect((await second.readiness()).ready).toBe(true);
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
    const failing = flaky();
    const host = projector(failing);
    await host.start();
    expect(await waitForPosition(hostedProcessor(host, READ_MODELS_PROJECTION), await events.headPosition(), 10_000)).toBe(true);
    expect(failing.failures).toBe(0);
    expect(await new ReadModelQueries(sql).getEmployee('R9')).toMatchObject({ role: 'agent' });
    await host.stop();
  });
});

import { authorizationStream } from '../../../libs/domain/src/index.js';
import { catalogue } from '../../../libs/domain/src/testing/default-catalogue.js';
import { people } from '../../../libs/domain/src/testing/fixtures.js';
import type { EventStore, Position } from '../../../libs/event-store/src/event-store.port.js';
import { createPostgresEventStore, type PostgresEventStore } from '../../../libs/event-store/src/postgres/index.js';
import { createPgClient } from '../../../libs/sql/src/pg-client.js';
import { createPgliteClient } from '../../../libs/sql/src/pglite-client.js';
import type { SqlClient } from '../../../libs/sql/src/sql-client.port.js';
import { createTestDatabase } from '../../../libs/sql/src/testing/test-database.js';
import { ProcessorHost } from '../../../libs/processors/src/host.js';
import { PeopleCascade } from './people-cascade.js';
import { directory, eventsOfType, grant, register, settle, type Stage } from '../../../test/support/authorization-fixture.js';
import { HOOK_TIMEOUT_MS, WAIT_BOUND_MS } from '../../../test/support/timeouts.js';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2030-03-01T00:00:00.000Z');
const iso = (ms: number): string => new Date(T0 + ms).toISOString();
const NOW = new Date(T0 + 2 * DAY);

const backends: [string, () => Promise<{ sql: SqlClient; dispose: () => Promise<void> }>][] = [
  ['PGlite', async () => { const sql = await createPgliteClient('memory'); return { sql, dispose: () => sql.close() }; }],
  [
    'PostgreSQL',
    async () => {
      const db = await createTestDatabase('cascade');
      const sql = createPgClient(db.url, { max: 4 });
      return { sql, dispose: async () => { await sql.close(); await db.drop(); } };
    },
  ],
];

/** Fails every append after the first `allowed` successful ones: a process dying mid-cascade. */
const crashingAfter = (store: EventStore, allowed: number): EventStore => {
  let appended = 0;
  return {
    append: async (streamId, events, options) => {
      if (appended >= allowed) throw new Error('simulated crash');
      const result = await store.append(streamId, events, options);
      appended += 1;
      return result;
    },
    readStream: (streamId) => store.readStream(streamId),
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    headPosition: () => store.headPosition(),
    writtenPosition: () => store.writtenPosition(),
    ping: () => store.ping(),
    close: () => store.close(),
  };
};

describe.each(backends)('PeopleCascade on %s', (_name, makeBackend) => {
  let sql: SqlClient;
  let dispose: () => Promise<void>;
  let store: PostgresEventStore;
  const cascade = (eventStore: EventStore = store): PeopleCascade => new PeopleCascade({ store: eventStore, sql, catalogue, clock: () => NOW, batchSize: 4 });
  /** Handles everything up to `target` (waiting for it to become visible). */
  const process = (target: Position, worker: PeopleCascade = cascade()): Promise<void> => settle(worker, () => worker.processPending(), target);
  const give = (id: string, stage: Stage, matter = 'compensation.issue', applicant = people.agent): Promise<Position> =>
    grant(store, { id, stage, matter, applicant, now: iso(0), validFrom: iso(0), validUntil: iso(20 * DAY) });
  const depart = (employeeId = 'E1'): Promise<Position> =>
    directory(store, { type: 'RecordDeparture', data: { employeeId, reason: 'resigned', now: iso(DAY) } }, `leave:${employeeId}`, iso(DAY));

  beforeAll(async () => {
    ({ sql, dispose } = await makeBackend());
    store = createPostgresEventStore(sql);
    await store.ensureSchema();
    await cascade().processPending();
  }, HOOK_TIMEOUT_MS);
  beforeEach(async () => {
    await sql.query('TRUNCATE events, event_streams, cascade_authorizations');
    await sql.query(`UPDATE processor_checkpoints SET position = '0' WHERE name = 'people-cascade'`);
    for (const employee of [people.agent, people.agent2, people.supervisor]) await register(store, employee, iso(0));
  });
  afterAll(async () => {
    await dispose();
  }, HOOK_TIMEOUT_MS);

  describe('when an employee leaves', () => {
    it('revokes their active grants and withdraws their open applications with reason employee-left', async () => {
      await give('G1', 'active');
      await give('G2', 'active', 'complaint.plan.review');
      await give('P1', 'pending_review');
      await give('P2', 'pending_acknowledgement', 'team.schedule.adjust');
      await give('OTHER', 'active', 'compensation.issue', people.agent2);
      const target = await depart();

      await process(target);

      const left = (await store.readStream('employee-E1')).find((e) => e.type === 'EmployeeLeft');
      for (const id of ['G1', 'G2']) {
        const revoked = await eventsOfType(store, id, 'AuthorizationRevoked');
        expect(revoked.map((e) => e.data)).toEqual([{ authorizationId: id, revokedBy: 'people-cascade', reason: 'employee-left', cause: 'employee-left', revokedAt: NOW.toISOString() }]);
        expect(revoked[0]?.metadata).toMatchObject({ actor: { id: 'people-cascade', kind: 'system' }, causationId: left?.id, correlationId: 'corr-leave:E1', policyVersion: catalogue.version });
      }
      for (const id of ['P1', 'P2']) {
        const withdrawn = await eventsOfType(store, id, 'ApplicationWithdrawn');
        expect(withdrawn.map((e) => e.data)).toEqual([{ authorizationId: id, withdrawnBy: 'people-cascade', reason: 'employee-left', withdrawnAt: NOW.toISOString() }]);
      }
      expect(await eventsOfType(store, 'OTHER', 'AuthorizationRevoked')).toHaveLength(0);
    });

    it('acts from its live subscription once started', async () => {
      await give('G1', 'active');
      const running = new ProcessorHost({ events: store, sql, processors: [cascade().reactor()] });
      await running.start();
      try {
        await depart();
        await waitFor(async () => (await eventsOfType(store, 'G1', 'AuthorizationRevoked')).length === 1);
      } finally {
        await running.stop();
      }
    });

    it('resumes a cascade that crashed after its first command, writing nothing twice', async () => {
      await give('G1', 'active');
      await give('G2', 'active', 'complaint.plan.review');
      await give('P1', 'pending_approval');
      const target = await depart();

      await expect(process(target, cascade(crashingAfter(store, 1)))).rejects.toThrow('simulated crash');
      const ended = async (): Promise<number[]> =>
        Promise.all(['G1', 'G2', 'P1'].map(async (id) => (await eventsOfType(store, id, 'AuthorizationRevoked')).length + (await eventsOfType(store, id, 'ApplicationWithdrawn')).length));
      expect((await ended()).reduce((a, b) => a + b, 0)).toBe(1);

      const restarted = cascade();
      await process(target, restarted);
      expect(await ended()).toEqual([1, 1, 1]);
      // Counted per stream (always current): the log's readAll may hold back events behind a transaction
      // open elsewhere on the server, which would make the two counts differ with nothing written.
      const written = async (): Promise<number> => (await Promise.all(['G1', 'G2', 'P1'].map(async (id) => (await store.readStream(authorizationStream(id))).length))).reduce((a, b) => a + b, 0);
      const count = await written();
      await restarted.processPending();
      await cascade().processPending();
      expect(await written()).toBe(count);
    });
  });

  describe('when an employee changes role', () => {
    it('revokes only the active grants the new role is not eligible for', async () => {
      await give('COMP', 'active');
      await give('PLAN', 'active', 'complaint.plan.review');
      await give('PENDING', 'pending_notice', 'team.schedule.adjust');
      const target = await directory(store, { type: 'UpdateEmployee', data: { employeeId: 'E1', role: 'supervisor' } }, 'promote:E1', iso(DAY));

      await process(target);

      const revoked = await eventsOfType(store, 'PLAN', 'AuthorizationRevoked');
      expect(revoked.map((e) => e.data)).toEqual([{ authorizationId: 'PLAN', revokedBy: 'people-cascade', reason: 'role-changed', cause: 'role-changed', revokedAt: NOW.toISOString() }]);
      expect(await eventsOfType(store, 'COMP', 'AuthorizationRevoked')).toHaveLength(0);
      expect(await eventsOfType(store, 'PENDING', 'ApplicationWithdrawn')).toHaveLength(0);
    });

    it('does nothing for an update that keeps the role', async () => {
      await give('PLAN', 'active', 'complaint.plan.review');
      const target = await directory(store, { type: 'UpdateEmployee', data: { employeeId: 'E1', team: 'team-b' } }, 'move:E1', iso(DAY));
      await process(target);
      expect(await eventsOfType(store, 'PLAN', 'AuthorizationRevoked')).toHaveLength(0);
      expect((await store.readStream('authorization-PLAN')).length).toBe(5);
    });
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = WAIT_BOUND_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

import { createPostgresEventStore, type PostgresEventStore } from '../../../libs/event-store/src/postgres/index.js';
import { createPgClient } from '../../../libs/sql/src/pg-client.js';
import { createPgliteClient } from '../../../libs/sql/src/pglite-client.js';
import type { SqlClient } from '../../../libs/sql/src/sql-client.port.js';
import { createTestDatabase, type TestDatabase } from '../../../libs/sql/src/testing/test-database.js';
import { ExpiryScheduler } from './expiry-scheduler.js';
import { projectOnce } from './testing/project-once.js';
import { eventsOfType, grant, settle } from '../../../test/support/authorization-fixture.js';
import { HOOK_TIMEOUT_MS, WAIT_BOUND_MS } from '../../../test/support/timeouts.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2030-03-01T00:00:00.000Z');
const at = (ms: number): Date => new Date(T0 + ms);
const iso = (ms: number): string => at(ms).toISOString();
const catalogue = { version: 'sha256:test' };

interface Backend {
  /** A second client on the same database, as a second process would have. */
  readonly open: () => Promise<SqlClient>;
  readonly dispose: () => Promise<void>;
}

const backends: [string, () => Promise<Backend>][] = [
  [
    'PGlite',
    async () => {
      const sql = await createPgliteClient('memory');
      return { open: async () => sql, dispose: () => sql.close() };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const db: TestDatabase = await createTestDatabase('scheduler');
      const clients: SqlClient[] = [];
      return {
        open: async () => {
          const client = createPgClient(db.url, { max: 4 });
          clients.push(client);
          return client;
        },
        dispose: async () => {
          for (const client of clients) await client.close();
          await db.drop();
        },
      };
    },
  ],
];

describe.each(backends)('ExpiryScheduler on %s', (_name, makeBackend) => {
  let backend: Backend;
  let sql: SqlClient;
  let store: PostgresEventStore;
  const scheduler = (sqlClient: SqlClient = sql, eventStore: PostgresEventStore = store): ExpiryScheduler =>
    new ExpiryScheduler({ store: eventStore, sql: sqlClient, catalogue, clock: () => at(0), batchSize: 3 });
  /** Brings the shared due-date table up to `target` (waiting for it to become visible). */
  const caughtUp = async (target: string): Promise<void> => {
    const worker = scheduler();
    await settle(worker, () => projectOnce(store, sql, worker, 3), target);
  };

  beforeAll(async () => {
    backend = await makeBackend();
    sql = await backend.open();
    store = createPostgresEventStore(sql);
    await store.ensureSchema();
    await scheduler().ensureSchema();
  }, HOOK_TIMEOUT_MS);
  beforeEach(async () => {
    await sql.query('TRUNCATE events, event_streams, scheduler_due');
    await sql.query(`UPDATE processor_checkpoints SET position = '0'`);
  });
  afterAll(async () => {
    await backend.dispose();
  }, HOOK_TIMEOUT_MS);

  describe('when validUntil has passed', () => {
    it('writes AuthorizationExpired exactly once while two instances tick concurrently', async () => {
      const ids = ['A1', 'A2', 'A3', 'A4', 'A5'];
      let last = '0';
      for (const [i, id] of ids.entries()) {
        last = await grant(store, { id, stage: i % 2 === 0 ? 'active' : 'pending_notice', now: iso(-10 * DAY), validFrom: iso(-10 * DAY), validUntil: iso(i * HOUR) });
      }
      await caughtUp(last);
      const otherSql = await backend.open();
      const otherStore = createPostgresEventStore(otherSql);
      const first = scheduler();
      const second = scheduler(otherSql, otherStore);
      const now = at(5 * HOUR);
      const results = await Promise.all([first.tick(now), second.tick(now), first.tick(now), second.tick(now)]);

      for (const id of ids) {
        const expired = await eventsOfType(store, id, 'AuthorizationExpired');
        expect(expired).toHaveLength(1);
        expect(expired[0]?.metadata).toMatchObject({ actor: { id: 'expiry-scheduler', kind: 'system' }, policyVersion: 'sha256:test', occurredAt: now.toISOString() });
      }
      expect(results.reduce((n, r) => n + r.expired, 0)).toBe(ids.length);
      await expect(first.tick(at(6 * HOUR))).resolves.toEqual({ expired: 0, reminded: 0, failed: 0 });
    });

    it('catches up on its first tick everything that fell due while it was down', async () => {
      await grant(store, { id: 'OLD', stage: 'active', now: iso(-40 * DAY), validFrom: iso(-40 * DAY), validUntil: iso(-20 * DAY) });
      await grant(store, { id: 'PENDING', stage: 'pending_review', now: iso(-3 * DAY), validFrom: iso(-3 * DAY), validUntil: iso(-1 * HOUR) });
      await caughtUp(await grant(store, { id: 'LIVE', stage: 'active', now: iso(-3 * DAY), validFrom: iso(-3 * DAY), validUntil: iso(30 * DAY) }));

      const result = await scheduler().tick(at(0));

      expect(result.expired).toBe(2);
      expect(await eventsOfType(store, 'OLD', 'AuthorizationExpired')).toHaveLength(1);
      expect((await eventsOfType(store, 'PENDING', 'AuthorizationExpired'))[0]?.data).toMatchObject({ previousStatus: 'pending_review' });
      expect(await eventsOfType(store, 'LIVE', 'AuthorizationExpired')).toHaveLength(0);
    });

    it('expires from the loop, reading time only from the injected clock', async () => {
      await caughtUp(await grant(store, { id: 'A1', stage: 'active', now: iso(-3 * DAY), validFrom: iso(-3 * DAY), validUntil: iso(2 * HOUR) }));
      let now = at(0);
      const running = new ExpiryScheduler({ store, sql, catalogue, clock: () => now, pollIntervalMs: 5 });
      await running.start();
      try {
        await running.tick(at(HOUR));
        expect(await eventsOfType(store, 'A1', 'AuthorizationExpired')).toHaveLength(0);
        now = at(2 * HOUR);
        await waitFor(async () => (await eventsOfType(store, 'A1', 'AuthorizationExpired')).length === 1);
      } finally {
        await running.stop();
      }
      expect((await eventsOfType(store, 'A1', 'AuthorizationExpired'))[0]?.data).toMatchObject({ expiredAt: iso(2 * HOUR) });
    });
  });

  describe('when an active grant nears validUntil', () => {
    it('issues the 7-day and the 1-day reminder once each', async () => {
      await caughtUp(await grant(store, { id: 'G', stage: 'active', now: iso(-20 * DAY), validFrom: iso(-20 * DAY), validUntil: iso(10 * DAY) }));
      const a = scheduler();
      const b = scheduler();

      await a.tick(at(2 * DAY));
      expect(await eventsOfType(store, 'G', 'ExpiryReminderIssued')).toHaveLength(0);
      await Promise.all([a.tick(at(3 * DAY)), b.tick(at(3 * DAY))]);
      await a.tick(at(5 * DAY));
      await Promise.all([a.tick(at(9 * DAY)), b.tick(at(9 * DAY + HOUR))]);
      await a.tick(at(9 * DAY + 2 * HOUR));

      const reminders = await eventsOfType(store, 'G', 'ExpiryReminderIssued');
      expect(reminders.map((e) => e.data)).toEqual([
        { authorizationId: 'G', daysAhead: 7, validUntil: iso(10 * DAY) },
        { authorizationId: 'G', daysAhead: 1, validUntil: iso(10 * DAY) },
      ]);
      expect(reminders[0]?.metadata).toMatchObject({ actor: { id: 'expiry-scheduler', kind: 'system' }, occurredAt: iso(3 * DAY) });
    });

    it('sends only the 1-day reminder when it was down through the 7-day window', async () => {
      await caughtUp(await grant(store, { id: 'G', stage: 'active', now: iso(-20 * DAY), validFrom: iso(-20 * DAY), validUntil: iso(10 * DAY) }));
      await scheduler().tick(at(9 * DAY + HOUR));
      const reminders = await eventsOfType(store, 'G', 'ExpiryReminderIssued');
      expect(reminders.map((e) => (e.data as { daysAhead: number }).daysAhead)).toEqual([1]);
    });

    it('does not remind an application that is not in force', async () => {
      await caughtUp(await grant(store, { id: 'P', stage: 'pending_acknowledgement', now: iso(-2 * DAY), validFrom: iso(-2 * DAY), validUntil: iso(3 * DAY) }));
      await scheduler().tick(at(2 * DAY + 12 * HOUR));
      expect(await eventsOfType(store, 'P', 'ExpiryReminderIssued')).toHaveLength(0);
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

/**
 * The scheduler on the processor host (issue 12): its tables as a SqlProjection and a leader Reactor,
 * two hosts (two processes) on one PostgreSQL database: each expiry and each stage reminder is written once.
 */
import { createPostgresEventStore } from '../../../libs/event-store/src/postgres/index.js';
import { ProcessorHost } from '../../../libs/processors/src/host.js';
import { createPgClient } from '../../../libs/sql/src/pg-client.js';
import type { SqlClient } from '../../../libs/sql/src/sql-client.port.js';
import { createTestDatabase, type TestDatabase } from '../../../libs/sql/src/testing/test-database.js';
import { eventsOfType, grant } from '../../../test/support/authorization-fixture.js';
import { HOOK_TIMEOUT_MS, WAIT_BOUND_MS } from '../../../test/support/timeouts.js';
import { ExpiryScheduler } from './expiry-scheduler.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2032-01-01T00:00:00.000Z');
const iso = (ms: number): string => new Date(T0 + ms).toISOString();

describe('ExpiryScheduler hosted by the processor host (PostgreSQL, two hosts)', () => {
  let db: TestDatabase;
  const clients: SqlClient[] = [];
  const hosts: ProcessorHost[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('scheduler_hosted');
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => {
    for (const host of hosts) await host.stop();
    for (const client of clients) await client.close();
    await db.drop();
  }, HOOK_TIMEOUT_MS);

  it('expires and reminds once from the hosted projection and leader reactor', async () => {
    const now = T0 + 100 * HOUR;
    for (let i = 0; i < 2; i += 1) {
      const sql = createPgClient(db.url, { max: 4 });
      clients.push(sql);
      const store = createPostgresEventStore(sql);
      await store.ensureSchema();
      const scheduler = new ExpiryScheduler({ store, sql, catalogue: { version: 'sha256:test' }, clock: () => new Date(now) });
      const host = new ProcessorHost({ events: store, sql, processors: scheduler.processors(), holder: `host-${i}`, retryMaxMs: 200 });
      hosts.push(host);
      await host.start();
    }
    const store = createPostgresEventStore(clients[0]!);
    await grant(store, { id: 'H1', stage: 'active', now: iso(-10 * 24 * HOUR), validFrom: iso(-10 * 24 * HOUR), validUntil: iso(50 * HOUR) });
    await grant(store, { id: 'H2', stage: 'pending_review', now: iso(0), validFrom: iso(0), validUntil: iso(500 * HOUR) });

    const deadline = Date.now() + WAIT_BOUND_MS;
    while ((await eventsOfType(store, 'H1', 'AuthorizationExpired')).length === 0 || (await eventsOfType(store, 'H2', 'ApprovalEscalated')).length === 0) {
      if (Date.now() > deadline) throw new Error('the hosted scheduler did not act in time');
      // Another event wakes the leader reactor again (the projection may have lagged the first time).
      await grant(store, { id: `W${Date.now()}`, stage: 'pending_review', now: new Date(now).toISOString(), validFrom: new Date(now).toISOString(), validUntil: iso(900 * HOUR) });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await eventsOfType(store, 'H1', 'AuthorizationExpired')).toHaveLength(1);
    expect((await eventsOfType(store, 'H2', 'ApprovalReminderIssued')).map((e) => (e.data as { stage: string }).stage)).toEqual(['review']);
    expect(await eventsOfType(store, 'H2', 'ApprovalEscalated')).toHaveLength(1);
    const statuses = hosts.flatMap((host) => host.status()).filter((s) => s.name === 'expiry-scheduler:due');
    expect(statuses.filter((s) => s.leading)).toHaveLength(1);
  }, 2 * HOOK_TIMEOUT_MS);
});

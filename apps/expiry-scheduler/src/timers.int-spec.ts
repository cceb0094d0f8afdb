/**
 * The scheduler's timers (SPEC §11) with two instances ticking at once, on PGlite and PostgreSQL:
 * approval reminders at stageDueHours and escalation at twice, one acknowledgement reminder and no
 * escalation, stand-in periods ended at `until`, access reviews closed at dueAt with their revocations.
 */
import { accessReviewDecider, accessReviewStream, employeeStream, type AccessReviewCommand } from '../../../libs/domain/src/index.js';
import { people } from '../../../libs/domain/src/testing/fixtures.js';
import { createPostgresEventStore, type PostgresEventStore } from '../../../libs/event-store/src/postgres/index.js';
import { handleCommand } from '../../../libs/event-store/src/handle-command.js';
import { createPgClient } from '../../../libs/sql/src/pg-client.js';
import { createPgliteClient } from '../../../libs/sql/src/pglite-client.js';
import type { SqlClient } from '../../../libs/sql/src/sql-client.port.js';
import { createTestDatabase } from '../../../libs/sql/src/testing/test-database.js';
import { directory, eventsOfType, grant, register, settle } from '../../../test/support/authorization-fixture.js';
import { HOOK_TIMEOUT_MS } from '../../../test/support/timeouts.js';
import { ExpiryScheduler } from './expiry-scheduler.js';
import { projectOnce } from './testing/project-once.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2031-05-01T00:00:00.000Z');
const at = (ms: number): Date => new Date(T0 + ms);
const iso = (ms: number): string => at(ms).toISOString();
/** complaint.plan.review stages are due after 6.5 hours; compensation.issue takes the default 48. */
const catalogue = { version: 'sha256:test', matters: { 'complaint.plan.review': { stageDueHours: 6.5 } } };

interface Backend {
  readonly open: () => Promise<SqlClient>;
  readonly dispose: () => Promise<void>;
}
const backends: [string, () => Promise<Backend>][] = [
  ['PGlite', async () => {
    const sql = await createPgliteClient('memory');
    return { open: async () => sql, dispose: () => sql.close() };
  }],
  ['PostgreSQL', async () => {
    const db = await createTestDatabase('scheduler_timers');
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
  }],
];

describe.each(backends)('scheduler timers on %s', (_name, makeBackend) => {
  let backend: Backend;
  let store: PostgresEventStore;
  let sql: SqlClient;
  let first: ExpiryScheduler;
  let second: ExpiryScheduler;
  /**
   * Both instances tick at `ms` at the same time, twice (a retry of a tick finds nothing to do),
   * after the tables took in what the store shows (a host keeps them so while time passes).
   */
  const tickBoth = async (ms: number): Promise<void> => {
    await projectOnce(store, sql, first, 4);
    await Promise.all([first.tick(at(ms)), second.tick(at(ms))]);
    await Promise.all([first.tick(at(ms)), second.tick(at(ms))]);
  };
  const caughtUp = async (target: string): Promise<void> => settle(first, () => projectOnce(store, sql, first, 4), target);

  beforeAll(async () => {
    backend = await makeBackend();
    sql = await backend.open();
    store = createPostgresEventStore(sql);
    await store.ensureSchema();
    const otherSql = await backend.open();
    first = new ExpiryScheduler({ store, sql, catalogue, batchSize: 4 });
    second = new ExpiryScheduler({ store: createPostgresEventStore(otherSql), sql: otherSql, catalogue, batchSize: 4 });
    for (const employee of [people.agent, people.agent2, people.supervisor, people.manager, people.manager2]) await register(store, employee, iso(-30 * DAY));
  }, HOOK_TIMEOUT_MS);
  afterAll(() => backend.dispose(), HOOK_TIMEOUT_MS);

  describe('when a workflow stage stays open', () => {
    it('reminds once at stageDueHours and escalates once at twice, with deterministic ids', async () => {
      await caughtUp(await grant(store, { id: 'R1', stage: 'pending_review', now: iso(0), validFrom: iso(0), validUntil: iso(60 * DAY) }));
      await tickBoth(47 * HOUR);
      expect(await eventsOfType(store, 'R1', 'ApprovalReminderIssued')).toHaveLength(0);
      await tickBoth(48 * HOUR);
      await tickBoth(95 * HOUR);
      expect(await eventsOfType(store, 'R1', 'ApprovalEscalated')).toHaveLength(0);
      await tickBoth(96 * HOUR);
      await tickBoth(200 * HOUR);

      const reminders = await eventsOfType(store, 'R1', 'ApprovalReminderIssued');
      expect(reminders.map((e) => e.data)).toEqual([{ authorizationId: 'R1', stage: 'review', dueAt: iso(48 * HOUR), remindedAt: iso(48 * HOUR) }]);
      expect(reminders[0]?.metadata).toMatchObject({ actor: { id: 'expiry-scheduler', kind: 'system' }, occurredAt: iso(48 * HOUR) });
      const escalations = await eventsOfType(store, 'R1', 'ApprovalEscalated');
      expect(escalations.map((e) => e.data)).toEqual([{ authorizationId: 'R1', stage: 'review', dueAt: iso(48 * HOUR), escalatedAt: iso(96 * HOUR) }]);
    });

    it("takes the matter's fractional stageDueHours and starts the clock again at the next stage", async () => {
      await caughtUp(await grant(store, { id: 'R2', stage: 'pending_approval', matter: 'complaint.plan.review', now: iso(0), validFrom: iso(0), validUntil: iso(20 * DAY) }));
      // Applied at 0, reviewed one minute later: the approval stage opened at +1 min.
      await tickBoth(6.5 * HOUR);
      expect(await eventsOfType(store, 'R2', 'ApprovalReminderIssued')).toHaveLength(0);
      await tickBoth(6.5 * HOUR + 60_000);
      expect((await eventsOfType(store, 'R2', 'ApprovalReminderIssued')).map((e) => e.data)).toEqual([
        { authorizationId: 'R2', stage: 'approval', dueAt: iso(6.5 * HOUR + 60_000), remindedAt: iso(6.5 * HOUR + 60_000) },
      ]);
    });

    it('reminds the applicant once to acknowledge and never escalates it', async () => {
      await caughtUp(await grant(store, { id: 'R3', stage: 'pending_acknowledgement', now: iso(0), validFrom: iso(0), validUntil: iso(60 * DAY) }));
      await tickBoth(49 * HOUR);
      await tickBoth(30 * DAY);
      expect((await eventsOfType(store, 'R3', 'ApprovalReminderIssued')).map((e) => (e.data as { stage: string }).stage)).toEqual(['acknowledgement']);
      expect(await eventsOfType(store, 'R3', 'ApprovalEscalated')).toHaveLength(0);
    });
  });

  describe('when a stand-in period ends', () => {
    it('writes StandInEnded once at until', async () => {
      const position = await directory(
        store,
        { type: 'AppointStandIn', data: { employeeId: 'S1', actor: people.supervisor, standIn: people.manager2, from: iso(0), until: iso(5 * DAY), reason: 'leave', now: iso(0) } },
        'appoint:S1:M2',
        iso(0),
      );
      await caughtUp(position);
      await tickBoth(5 * DAY - 1);
      const ended = async () => (await store.readStream(employeeStream('S1'))).filter((e) => e.type === 'StandInEnded');
      expect(await ended()).toHaveLength(0);
      await tickBoth(5 * DAY);
      await tickBoth(6 * DAY);
      expect((await ended()).map((e) => e.data)).toEqual([{ employeeId: 'S1', standInId: 'M2', endedAt: iso(5 * DAY), endedBy: 'expiry-scheduler', cause: 'period-ended' }]);
    });
  });

  describe('when an access review reaches dueAt', () => {
    it('defaults the undecided items, closes once and revokes every revoke outcome once', async () => {
      for (const id of ['G1', 'G2', 'G3']) await grant(store, { id, stage: 'active', now: iso(-2 * DAY), validFrom: iso(-2 * DAY), validUntil: iso(60 * DAY) });
      const items = ['G1', 'G2', 'G3'].map((authorizationId) => ({ authorizationId, employeeId: 'E1', matter: 'compensation.issue', reviewerId: 'S1' }));
      const run = (command: AccessReviewCommand, id: string) =>
        handleCommand(store, accessReviewStream('AR1'), accessReviewDecider, command, {
          commandId: id,
          metadata: () => ({ occurredAt: iso(0), actor: { id: 'M1', kind: 'employee' }, correlationId: id, causationId: id, policyVersion: 'sha256:test' }),
        });
      await run({ type: 'StartAccessReview', data: { accessReviewId: 'AR1', actor: people.manager, title: 'Q2', team: null, matters: null, knownMatters: ['compensation.issue'], dueAt: iso(7 * DAY), defaultDecision: 'revoke', items, now: iso(0) } }, 'ar-start');
      await run({ type: 'DecideAccessReviewItem', data: { authorizationId: 'G1', actor: people.supervisor, decision: 'keep', note: '', now: iso(DAY) } }, 'ar-g1');
      // G2's revocation by the API "was lost": the scheduler writes it at dueAt with the same command id.
      const { position } = await run({ type: 'DecideAccessReviewItem', data: { authorizationId: 'G2', actor: people.supervisor, decision: 'revoke', note: 'left the VIP desk', now: iso(DAY) } }, 'ar-g2');
      await caughtUp(position);

      await tickBoth(7 * DAY - 1);
      const campaign = async (type: string) => (await store.readStream(accessReviewStream('AR1'))).filter((e) => e.type === type);
      expect(await campaign('AccessReviewClosed')).toHaveLength(0);
      await tickBoth(7 * DAY);
      await tickBoth(8 * DAY);

      expect((await campaign('AccessReviewItemDefaulted')).map((e) => e.data)).toEqual([{ accessReviewId: 'AR1', authorizationId: 'G3', decision: 'revoke', defaultedAt: iso(7 * DAY) }]);
      const closed = await campaign('AccessReviewClosed');
      expect(closed).toHaveLength(1);
      expect(closed[0]?.data).toMatchObject({ counts: { kept: 1, revoked: 1, unreviewed: 0, revokedByDefault: 1 } });
      expect(await eventsOfType(store, 'G1', 'AuthorizationRevoked')).toHaveLength(0);
      for (const id of ['G2', 'G3']) {
        const revoked = await eventsOfType(store, id, 'AuthorizationRevoked');
        expect(revoked).toHaveLength(1);
        expect(revoked[0]?.data).toMatchObject({ cause: 'access-review', revokedBy: 'access-review:AR1', reason: 'access review "Q2" (AR1)' });
      }
    });
  });
});

/**
 * SPEC §11 access reviews on Kafka: when a campaign closes at its dueAt, compliance receives
 * `access-review-closed.v1` with what became of every grant, and a grant revoked by the campaign's
 * default reaches the departments it was copied to as `revoked.v1` with cause `access-review`.
 * From the running service (scheduler and relay in process) over a real broker.
 */
import { randomUUID } from 'node:crypto';
import { ExpirySchedulerModule } from '../../apps/expiry-scheduler/src/expiry-scheduler.module.js';
import { NoticeRelayModule } from '../../apps/notice-relay/src/notice-relay.module.js';
import { ensureBroker, readTopic } from '../../apps/notice-relay/src/testing/kafka-test-broker.js';
import { act, DAY, get, grantActive, iso, seedDirectory } from '../support/call-center.js';
import { freshDatabase, startTestApp, WAIT_BOUND_MS, type TestApp } from '../support/test-app.js';

describe('a closed access review on Kafka, from the running service (PostgreSQL)', () => {
  let t: TestApp;
  let brokers: string;
  let schedulerNow = Date.now();
  const dueAt = Date.now() + 7 * DAY;
  const topic = `e2e.compliance.${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    brokers = process.env['TEST_KAFKA_BROKERS'] ?? (await ensureBroker());
    t = await startTestApp(
      { EVENT_STORE_URL: await freshDatabase('e2e_compliance'), KAFKA_BROKERS: brokers, KAFKA_TOPIC_NOTICES: topic },
      { modules: [NoticeRelayModule, ExpirySchedulerModule.forRoot({ pollIntervalMs: 100, clock: () => new Date(schedulerNow) })] },
    );
    await seedDirectory(t);
  });
  afterAll(() => t.close());

  it('tells compliance the outcome of every item, and the departments of the grant it revoked by default', async () => {
    const kept = await grantActive(t, 'E101');
    const defaulted = await grantActive(t, 'E102');
    const deadline = Date.now() + WAIT_BOUND_MS;
    // The campaign takes the grants active in the read model: start it once both are there.
    const active = await get(t, 'M01', '/v1/authorizations?status=active&limit=500', { 'x-consistency-token': defaulted.position });
    expect((active.body.items as { id: string }[]).map((i) => i.id)).toEqual(expect.arrayContaining([kept.id, defaulted.id]));
    const started = await act(t, 'M01', '/v1/access-reviews', { title: 'Team A', team: 'A', matters: ['compensation.issue'], dueAt: iso(dueAt), defaultDecision: 'revoke' });
    expect(started.status).toBe(201);
    const id = started.body.id as string;
    const decided = await act(t, 'S01', `/v1/access-reviews/${id}/items/${kept.id}/decision`, { decision: 'keep', note: '' });
    expect(decided.status).toBe(200);
    schedulerNow = dueAt + 1_000;

    const reader = await readTopic(brokers, topic);
    try {
      const closed = () => reader.received.filter((m) => m.headers['ce_type'] === 'com.callcenter.authorization.access-review-closed.v1' && m.key === id);
      const revoked = () => reader.received.filter((m) => m.headers['ce_type'] === 'com.callcenter.authorization.revoked.v1' && m.key === defaulted.id);
      while ((closed().length === 0 || revoked().length === 0) && Date.now() < deadline + WAIT_BOUND_MS) await new Promise((r) => setTimeout(r, 100));
      expect(closed()[0]).toMatchObject({
        headers: { ce_subject: id, ce_departments: 'compliance' },
        value: {
          accessReviewId: id, title: 'Team A', team: 'A', matters: ['compensation.issue'], defaultDecision: 'revoke', startedBy: 'M01',
          counts: { kept: 1, revokedByDefault: 1 },
          outcomes: expect.arrayContaining([
            { authorizationId: kept.id, employeeId: 'E101', matter: 'compensation.issue', outcome: 'kept' },
            { authorizationId: defaulted.id, employeeId: 'E102', matter: 'compensation.issue', outcome: 'revoked-by-default' },
          ]),
        },
      });
      expect(revoked()[0]).toMatchObject({ headers: { ce_departments: 'finance,quality' }, value: { cause: 'access-review', copiesTo: ['finance', 'quality'] } });
    } finally {
      await reader.close();
    }
  });
});

import { randomUUID } from 'node:crypto';
import { NoticeRelayModule } from '../../apps/notice-relay/src/notice-relay.module.js';
import { ensureBroker, readTopic } from '../../apps/notice-relay/src/testing/kafka-test-broker.js';
import { act, grantActive, seedDirectory } from '../support/call-center.js';
import { freshDatabase, startTestApp, type TestApp } from '../support/test-app.js';

describe('notices to departments over a real Kafka broker, from the running service (PostgreSQL)', () => {
  let t: TestApp;
  let brokers: string;
  const topic = `e2e.notices.${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    brokers = process.env['TEST_KAFKA_BROKERS'] ?? (await ensureBroker());
    t = await startTestApp({ EVENT_STORE_URL: await freshDatabase('e2e_notices'), KAFKA_BROKERS: brokers, KAFKA_TOPIC_NOTICES: topic }, { modules: [NoticeRelayModule] });
    await seedDirectory(t);
  });
  afterAll(() => t.close());

  it('publishes notice-issued, acknowledged and revoked in order, keyed by the authorization, with CloudEvents headers', async () => {
    const { id } = await grantActive(t, 'E101');
    const revoked = await act(t, 'M01', `/v1/authorizations/${id}/revocation`, { reason: 'no longer needed' });
    expect(revoked.status).toBe(200);

    const reader = await readTopic(brokers, topic);
    try {
      const messages = await reader.waitFor(3, 30_000);
      const mine = messages.filter((m) => m.key === id);
      expect(mine.map((m) => m.headers['ce_type'])).toEqual([
        'com.callcenter.authorization.notice-issued.v1',
        'com.callcenter.authorization.acknowledged.v1',
        'com.callcenter.authorization.revoked.v1',
      ]);
      const issued = mine[0]!;
      expect(issued.headers).toMatchObject({ ce_specversion: '1.0', ce_subject: id, ce_departments: 'finance,quality', 'content-type': 'application/json' });
      expect(issued.headers['ce_id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(issued.value).toMatchObject({ authorizationId: id, employee: { id: 'E101', role: 'agent', team: 'A' }, copiesTo: ['finance', 'quality'] });
      expect(new Set(mine.map((m) => m.headers['ce_id'])).size).toBe(3);
    } finally {
      await reader.close();
    }
  });
});

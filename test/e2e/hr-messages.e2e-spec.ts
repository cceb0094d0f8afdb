/**
 * SPEC §11 "Consequences that act": an assessment's consequences commendation, promotion, raise,
 * fine, demotion and dismissal go to HR as Kafka `assessment-recorded.v1` (`ce_departments: hr`).
 * From the running service over a real broker, as HR's consumer sees the topic.
 */
import { randomUUID } from 'node:crypto';
import { NoticeRelayModule } from '../../apps/notice-relay/src/notice-relay.module.js';
import { ensureBroker, readTopic } from '../../apps/notice-relay/src/testing/kafka-test-broker.js';
import { act, seedDirectory } from '../support/call-center.js';
import { freshDatabase, startTestApp, WAIT_BOUND_MS, type TestApp } from '../support/test-app.js';

describe('assessment consequences for HR over a real Kafka broker (PostgreSQL)', () => {
  let t: TestApp;
  let brokers: string;
  const topic = `e2e.hr.${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    brokers = process.env['TEST_KAFKA_BROKERS'] ?? (await ensureBroker());
    t = await startTestApp({ EVENT_STORE_URL: await freshDatabase('e2e_hr'), KAFKA_BROKERS: brokers, KAFKA_TOPIC_NOTICES: topic }, { modules: [NoticeRelayModule] });
    await seedDirectory(t);
  });
  afterAll(() => t.close());

  it('tells HR of the consequences HR applies, without the notes, and nothing of an assessment with none of them', async () => {
    const none = await act(t, 'M01', '/v1/assessments', { employeeId: 'E102', period: '2026-Q3', teamworkScore: 3, result: 'satisfactory', consequences: ['training'], notes: 'keep going' });
    expect(none.status).toBe(201);
    const hr = await act(t, 'M01', '/v1/assessments', { employeeId: 'E101', period: '2026-Q3', teamworkScore: 5, result: 'excellent', consequences: ['commendation', 'raise'], notes: 'private remark' });
    expect(hr.status).toBe(201);

    const reader = await readTopic(brokers, topic);
    try {
      const forHr = () => reader.received.filter((m) => m.headers['ce_departments']?.split(',').includes('hr'));
      const deadline = Date.now() + WAIT_BOUND_MS;
      while (forHr().length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      // Nothing else is on the topic yet: the assessment without an HR consequence sent nothing.
      await new Promise((r) => setTimeout(r, 500));
      expect(reader.received).toHaveLength(forHr().length);
      const [message] = forHr();
      expect(message).toMatchObject({
        key: 'E101',
        headers: { ce_type: 'com.callcenter.authorization.assessment-recorded.v1', ce_subject: 'E101', ce_departments: 'hr' },
        value: { employee: { id: 'E101', name: 'Agent A1', role: 'agent', team: 'A' }, period: '2026-Q3', result: 'excellent', consequences: ['commendation', 'raise'], assessorId: 'M01' },
      });
      expect(JSON.stringify(message)).not.toContain('private remark');
    } finally {
      await reader.close();
    }
  });
});

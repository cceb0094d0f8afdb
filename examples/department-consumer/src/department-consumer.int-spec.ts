import { jest } from '@jest/globals';
import { KafkaNoticePublisher, type NoticeMessage } from '../../../libs/messaging/src/index.js';
import { ensureBroker, uniqueTopic } from '../../../apps/notice-relay/src/testing/kafka-test-broker.js';
import { runDepartmentConsumer, type DepartmentNotice } from './department-consumer.js';

jest.setTimeout(60_000);

const notice = (id: string, departments: string): NoticeMessage => ({
  key: 'A1',
  value: JSON.stringify({ authorizationId: 'A1', n: id }),
  headers: {
    ce_specversion: '1.0', ce_id: id, ce_source: '/callcenter/authorization-service', ce_type: 'com.callcenter.authorization.notice-issued.v1',
    ce_time: '2026-01-01T00:00:00.000Z', ce_subject: 'A1', ce_departments: departments, 'content-type': 'application/json',
  },
});

describe('the department consumer example', () => {
  it('handles each notice copied to its department once, however often it is delivered', async () => {
    const brokers = await ensureBroker();
    const topic = uniqueTopic('department');
    const publisher = new KafkaNoticePublisher({ brokers: [brokers], topic, clientId: 'department-test' });
    await publisher.ensureTopic();
    // A relay that crashed before storing its position sends the batch again.
    await publisher.publish([notice('e1', 'finance,quality'), notice('e2', 'it'), notice('e3', 'finance')]);
    await publisher.publish([notice('e1', 'finance,quality'), notice('e3', 'finance'), notice('e4', 'finance')]);
    await publisher.close();

    const handled: DepartmentNotice[] = [];
    const consumer = await runDepartmentConsumer({ brokers: [brokers], department: 'finance', groupId: `finance-${topic}`, topic, handle: async (n) => void handled.push(n) });
    try {
      for (let i = 0; i < 300 && handled.length < 3; i++) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 300));
      expect(handled.map((n) => n.id)).toEqual(['e1', 'e3', 'e4']);
      expect(handled[0]).toMatchObject({ authorizationId: 'A1', departments: ['finance', 'quality'], data: { n: 'e1' } });
    } finally {
      await consumer.stop();
    }
  });
});

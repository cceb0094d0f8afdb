import { jest } from '@jest/globals';
import { KafkaNoticePublisher, toReportNoticeMessage, type NoticeMessage } from '../../../libs/messaging/src/index.js';
import { REPORT_CONCLUDED_TYPE } from '../../../libs/contracts/src/index.js';
import { reportLifeOf } from '../../../libs/messaging/testing/notice-fixtures.js';
import { ensureBroker, readTopic, uniqueTopic } from '../../../apps/notice-relay/src/testing/kafka-test-broker.js';
import { HOOK_TIMEOUT_MS, WAIT_BOUND_MS } from '../../../test/support/timeouts.js';
import { REPORT_CONCLUDED, runDepartmentConsumer, type DepartmentConsumerOptions, type DepartmentNotice } from './department-consumer.js';

jest.setTimeout(HOOK_TIMEOUT_MS);

const notice = (id: string, departments: string): NoticeMessage => ({
  key: 'A1',
  value: JSON.stringify({ authorizationId: 'A1', n: id }),
  headers: {
    ce_specversion: '1.0', ce_id: id, ce_source: '/callcenter/authorization-service', ce_type: 'com.callcenter.authorization.notice-issued.v1',
    ce_time: '2026-01-01T00:00:00.000Z', ce_subject: 'A1', ce_departments: departments, 'content-type': 'application/json',
  },
});

/** What the relay publishes for a concluded report (the real mapper), copied to quality. */
const reportConcluded = (): NoticeMessage => {
  const concluded = reportLifeOf('R1', 'E1', 'A1')[2]!;
  const stored = { id: 'r1', type: concluded.type, streamId: 'report-R1', revision: 2, position: '9', data: concluded.data, metadata: { ...concluded.metadata }, recordedAt: '2026-01-04T10:00:00.000Z' };
  const message = toReportNoticeMessage(stored, {
    report: { reportId: 'R1', subjectEmployeeId: 'E1', authorizationId: 'A1', category: 'out_of_scope' },
    subject: { id: 'E1', name: 'Lin Mei', role: 'agent', team: 'T1' },
  });
  if (message === null) throw new Error('no report notice');
  return message;
};

async function consume(brokers: string, topic: string, department: string, expected: number, options: Partial<DepartmentConsumerOptions> = {}): Promise<DepartmentNotice[]> {
  const handled: DepartmentNotice[] = [];
  const consumer = await runDepartmentConsumer({ brokers: [brokers], department, groupId: `${department}-${topic}`, topic, handle: async (n) => void handled.push(n), ...options });
  try {
    const deadline = Date.now() + WAIT_BOUND_MS;
    while (handled.length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
    return handled;
  } finally {
    await consumer.stop();
  }
}

describe('the department consumer example', () => {
  it('handles each notice copied to its department once, however often it is delivered', async () => {
    const brokers = await ensureBroker();
    const topic = uniqueTopic('department');
    const publisher = new KafkaNoticePublisher({ brokers: [brokers], topic, clientId: 'department-test' });
    await publisher.ensureTopic();
    // A relay that crashed before storing its position sends the batch again.
    await publisher.publish([notice('e1', 'finance,quality'), notice('e2', 'it'), reportConcluded(), notice('e3', 'finance')]);
    await publisher.publish([notice('e1', 'finance,quality'), notice('e3', 'finance'), notice('e4', 'finance')]);
    await publisher.close();

    const handled = await consume(brokers, topic, 'finance', 3);
    expect(handled.map((n) => n.id)).toEqual(['e1', 'e3', 'e4']);
    expect(handled[0]).toMatchObject({ subject: 'A1', authorizationId: 'A1', departments: ['finance', 'quality'], data: { n: 'e1' } });
  });

  it('hands quality the report conclusions, whose subject is the report and not an authorization', async () => {
    expect(REPORT_CONCLUDED).toBe(REPORT_CONCLUDED_TYPE);
    const brokers = await ensureBroker();
    const topic = uniqueTopic('quality');
    const publisher = new KafkaNoticePublisher({ brokers: [brokers], topic, clientId: 'department-test' });
    await publisher.ensureTopic();
    await publisher.publish([notice('e1', 'finance,quality'), reportConcluded(), notice('e3', 'finance'), reportConcluded()]);
    await publisher.close();

    const handled = await consume(brokers, topic, 'quality', 2);
    expect(handled.map((n) => [n.id, n.type])).toEqual(expect.arrayContaining([['e1', 'com.callcenter.authorization.notice-issued.v1'], ['r1', REPORT_CONCLUDED]]));
    expect(handled).toHaveLength(2);
    expect(handled.find((n) => n.id === 'r1')).toMatchObject({ subject: 'R1', authorizationId: 'A1', departments: ['quality'], data: { reportId: 'R1', finding: 'substantiated' } });
  });

  /** Records no relay would write: no CloudEvents headers at all, another spec version, data that is not JSON. */
  const strays = (): NoticeMessage[] => [
    { key: 'A1', value: '{"hello":"no headers"}', headers: {} },
    { ...notice('x2', 'finance'), headers: { ...notice('x2', 'finance').headers, ce_specversion: '0.3' } },
    { ...notice('x3', 'finance'), value: 'not json' },
  ];

  it('logs and skips a record that is not a notice, and goes on with the partition', async () => {
    const brokers = await ensureBroker();
    const topic = uniqueTopic('department-stray');
    const publisher = new KafkaNoticePublisher({ brokers: [brokers], topic, clientId: 'department-test', numPartitions: 1 });
    await publisher.ensureTopic();
    await publisher.publish([notice('e1', 'finance'), ...strays(), notice('e2', 'finance')]);
    await publisher.close();

    const warnings: Record<string, unknown>[] = [];
    const handled = await consume(brokers, topic, 'finance', 2, { log: (msg, extra) => void warnings.push({ msg, ...extra }) });
    expect(handled.map((n) => n.id)).toEqual(['e1', 'e2']);
    expect(warnings).toEqual([
      expect.objectContaining({ msg: 'record is not a notice: skipped', topic, partition: 0, offset: '1', key: 'A1', reason: 'notice without header ce_specversion' }),
      expect.objectContaining({ offset: '2', reason: 'unsupported CloudEvents version 0.3' }),
      expect.objectContaining({ offset: '3', reason: 'notice data is not JSON' }),
    ]);
  });

  it('copies a record that is not a notice to the dead-letter topic, unchanged and saying why, then goes on', async () => {
    const brokers = await ensureBroker();
    const topic = uniqueTopic('department-dlq');
    const deadLetterTopic = `${topic}.dead-letters`;
    const publisher = new KafkaNoticePublisher({ brokers: [brokers], topic, clientId: 'department-test', numPartitions: 1 });
    const deadLetterAdmin = new KafkaNoticePublisher({ brokers: [brokers], topic: deadLetterTopic, clientId: 'department-test', numPartitions: 1 });
    await publisher.ensureTopic();
    await deadLetterAdmin.ensureTopic();
    await deadLetterAdmin.close();
    await publisher.publish([...strays().slice(0, 1), notice('e1', 'finance')]);
    await publisher.close();

    const handled = await consume(brokers, topic, 'finance', 1, { deadLetterTopic, log: () => undefined });
    expect(handled.map((n) => n.id)).toEqual(['e1']);
    const reader = await readTopic(brokers, deadLetterTopic);
    try {
      const [dead] = await reader.waitFor(1);
      expect(dead).toMatchObject({
        key: 'A1',
        value: { hello: 'no headers' },
        headers: { dlq_reason: 'notice without header ce_specversion', dlq_topic: topic, dlq_partition: '0', dlq_offset: '0' },
      });
    } finally {
      await reader.close();
    }
  });
});

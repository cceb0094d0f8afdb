/**
 * Prints the notices copied to one department.
 * KAFKA_BROKERS=127.0.0.1:59092 DEPARTMENT=finance node dist/examples/department-consumer/src/main.js
 * DEAD_LETTER_TOPIC (optional, the topic must exist): where records that are not notices are copied
 * before they are skipped; without it they are logged and skipped.
 */
import { runDepartmentConsumer } from './department-consumer.js';

const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:59092').split(',');
const department = process.env['DEPARTMENT'] ?? null;

const consumer = await runDepartmentConsumer({
  brokers,
  department,
  groupId: `department-${department ?? 'all'}`,
  deadLetterTopic: process.env['DEAD_LETTER_TOPIC'] || null,
  handle: async (notice) => {
    process.stdout.write(`${notice.time} ${notice.type} ${notice.subject} ${JSON.stringify(notice.data)}\n`);
  },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void consumer.stop());

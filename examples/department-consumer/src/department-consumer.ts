/**
 * A department's consumer of the authorization notices (SPEC §8), to copy and adapt.
 *
 * Delivery is at-least-once: after a relay restart or a broker failover the same notice may come
 * twice. De-duplicate on `ce_id` (the id of the stored event), in the same transaction as your own
 * side effect when you can; the in-memory set below stands for that table. One authorization's
 * notices arrive in order (they share the key), so a state machine per `ce_subject` is safe.
 * `report-concluded.v1` (SPEC §10, copied to quality) has the report id as its subject and key.
 */
import { Kafka, logLevel, type EachMessagePayload } from 'kafkajs';

export const NOTICE_TOPIC = process.env['KAFKA_TOPIC_NOTICES'] ?? 'callcenter.authorization.notices.v1';
/** The one notice whose subject is not an authorization (libs/contracts `REPORT_CONCLUDED_TYPE`). */
export const REPORT_CONCLUDED = 'com.callcenter.authorization.report-concluded.v1';

export interface DepartmentNotice {
  readonly id: string;
  readonly type: string;
  readonly time: string;
  /** `ce_subject`: the authorization id, or the report id for `report-concluded.v1`. */
  readonly subject: string;
  /** The authorization concerned; for a report, the one it named (null when it named none). */
  readonly authorizationId: string | null;
  readonly departments: readonly string[];
  readonly data: Record<string, unknown>;
}

/** Reads the CloudEvents binary-mode headers and the JSON data of one Kafka record. */
export function parseNotice(message: EachMessagePayload['message']): DepartmentNotice {
  const header = (name: string): string => {
    const value = message.headers?.[name];
    if (value === undefined) throw new Error(`notice without header ${name}`);
    return Array.isArray(value) ? String(value[0]) : String(value);
  };
  if (header('ce_specversion') !== '1.0') throw new Error(`unsupported CloudEvents version ${header('ce_specversion')}`);
  const departments = header('ce_departments');
  const type = header('ce_type');
  const subject = header('ce_subject');
  const data = JSON.parse(String(message.value)) as Record<string, unknown>;
  const named = data['authorizationId'];
  return {
    id: header('ce_id'),
    type,
    time: header('ce_time'),
    subject,
    authorizationId: type === REPORT_CONCLUDED ? (typeof named === 'string' ? named : null) : subject,
    departments: departments === '' ? [] : departments.split(','),
    data,
  };
}

export interface DepartmentConsumerOptions {
  readonly brokers: readonly string[];
  /** Your department as named in notices' copy lists, e.g. `finance`; null to receive every notice. */
  readonly department: string | null;
  readonly groupId: string;
  readonly topic?: string;
  readonly handle: (notice: DepartmentNotice) => Promise<void>;
  /** Remembers processed `ce_id`s; replace with a table in your database. */
  readonly seen?: { has(id: string): Promise<boolean> | boolean; add(id: string): Promise<unknown> | unknown };
}

export async function runDepartmentConsumer(options: DepartmentConsumerOptions): Promise<{ stop: () => Promise<void> }> {
  const kafka = new Kafka({ clientId: options.groupId, brokers: [...options.brokers], logLevel: logLevel.WARN });
  const consumer = kafka.consumer({ groupId: options.groupId });
  const seen = options.seen ?? new Set<string>();
  await consumer.connect();
  await consumer.subscribe({ topic: options.topic ?? NOTICE_TOPIC, fromBeginning: true });
  await consumer.run({
    // The offset is committed after `handle` resolved: a crash in between redelivers, never skips.
    eachMessage: async ({ message }) => {
      const notice = parseNotice(message);
      if (options.department !== null && !notice.departments.includes(options.department)) return;
      if (await seen.has(notice.id)) return;
      await options.handle(notice);
      await seen.add(notice.id);
    },
  });
  return { stop: () => consumer.disconnect() };
}

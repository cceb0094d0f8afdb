/**
 * A department's consumer of the authorization notices (SPEC §8), to copy and adapt.
 *
 * Delivery is at-least-once: after a relay restart or a broker failover the same notice may come
 * twice. De-duplicate on `ce_id` (the id of the stored event), in the same transaction as your own
 * side effect when you can; the in-memory set below stands for that table. One authorization's
 * notices arrive in order (they share the key), so a state machine per `ce_subject` is safe.
 * `report-concluded.v1` (SPEC §10, copied to quality) has the report id as its subject and key.
 *
 * A record that is not a notice (no CloudEvents headers, another spec version, data that is not
 * JSON) can never be handled: it is logged and skipped, or copied to a dead-letter topic first
 * when one is configured, and the partition goes on. A failing `handle` is retried instead (it
 * throws: the offset is not committed), since that failure may be transient.
 */
import { Kafka, logLevel, Partitioners, type EachMessagePayload, type IHeaders, type Producer } from 'kafkajs';

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

/** A Kafka record that is not a notice of SPEC §8; no retry can change that. */
export class MalformedNoticeError extends Error {
  override readonly name = 'MalformedNoticeError';
}

/** Reads the CloudEvents binary-mode headers and the JSON data of one Kafka record. */
export function parseNotice(message: EachMessagePayload['message']): DepartmentNotice {
  const header = (name: string): string => {
    const value = message.headers?.[name];
    if (value === undefined) throw new MalformedNoticeError(`notice without header ${name}`);
    return Array.isArray(value) ? String(value[0]) : String(value);
  };
  if (header('ce_specversion') !== '1.0') throw new MalformedNoticeError(`unsupported CloudEvents version ${header('ce_specversion')}`);
  const departments = header('ce_departments');
  const type = header('ce_type');
  const subject = header('ce_subject');
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(String(message.value)) as Record<string, unknown>;
  } catch {
    throw new MalformedNoticeError('notice data is not JSON');
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new MalformedNoticeError('notice data is not a JSON object');
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
  /**
   * Where records that are not notices go (unchanged, plus `dlq_*` headers saying why and where
   * from); null or absent: they are only logged and skipped. `main.ts` reads `DEAD_LETTER_TOPIC`.
   */
  readonly deadLetterTopic?: string | null;
  /** Receives the warning for each skipped record (default: one JSON line on stderr). */
  readonly log?: (message: string, extra: Record<string, unknown>) => void;
}

const stderrLog = (message: string, extra: Record<string, unknown>): void => {
  process.stderr.write(`${JSON.stringify({ level: 'warn', msg: message, ...extra })}\n`);
};

export async function runDepartmentConsumer(options: DepartmentConsumerOptions): Promise<{ stop: () => Promise<void> }> {
  const kafka = new Kafka({ clientId: options.groupId, brokers: [...options.brokers], logLevel: logLevel.WARN });
  const consumer = kafka.consumer({ groupId: options.groupId });
  const seen = options.seen ?? new Set<string>();
  const log = options.log ?? stderrLog;
  const deadLetterTopic = options.deadLetterTopic ?? null;
  let deadLetters: Producer | null = null;
  if (deadLetterTopic !== null) {
    deadLetters = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    await deadLetters.connect();
  }
  await consumer.connect();
  await consumer.subscribe({ topic: options.topic ?? NOTICE_TOPIC, fromBeginning: true });
  await consumer.run({
    // The offset is committed after `handle` resolved: a crash in between redelivers, never skips.
    eachMessage: async ({ topic, partition, message }) => {
      let notice: DepartmentNotice;
      try {
        notice = parseNotice(message);
      } catch (error: unknown) {
        if (!(error instanceof MalformedNoticeError)) throw error;
        const where = { topic, partition, offset: message.offset, key: message.key?.toString() ?? null, reason: error.message };
        if (deadLetters !== null && deadLetterTopic !== null) {
          // Resolves once the dead-letter topic has it; if that fails, the record is delivered again.
          await deadLetters.send({
            topic: deadLetterTopic,
            acks: -1,
            messages: [{ key: message.key, value: message.value, headers: deadLetterHeaders(message.headers, where) }],
          });
          log('record is not a notice: copied to the dead-letter topic and skipped', { ...where, deadLetterTopic });
        } else {
          log('record is not a notice: skipped', where);
        }
        return;
      }
      if (options.department !== null && !notice.departments.includes(options.department)) return;
      if (await seen.has(notice.id)) return;
      await options.handle(notice);
      await seen.add(notice.id);
    },
  });
  return {
    stop: async () => {
      await consumer.disconnect();
      await deadLetters?.disconnect();
    },
  };
}

function deadLetterHeaders(headers: IHeaders | undefined, where: { topic: string; partition: number; offset: string; reason: string }): IHeaders {
  return {
    ...(headers ?? {}),
    dlq_reason: where.reason,
    dlq_topic: where.topic,
    dlq_partition: String(where.partition),
    dlq_offset: where.offset,
  };
}

/**
 * Kafka adapter of NoticePublisher (kafkajs; the only folder that imports it).
 * Ordering per key: the caller sends one batch at a time and waits for it, the producer keeps one
 * request in flight per broker (`maxInFlightRequests: 1`, so a retried request is never overtaken)
 * and asks for acks from all in-sync replicas. A failed send leaves the producer to be rebuilt on
 * the next call, so a broker that went away and came back is found again without restarting.
 *
 * Not kafkajs' idempotent producer: its guarantee needs unbounded internal retries (kafkajs warns
 * "Limiting retries for the idempotent producer may invalidate EoS guarantees" otherwise), a send
 * that could then never be cancelled, fail over, report the outage or let the relay stop; and it
 * would not span the producer rebuilt after a failure anyway. Delivery is at-least-once by
 * contract (SPEC §8): a retried request may write a message twice, consumers de-duplicate on
 * `ce_id`, and the order of first appearances per key is kept.
 */
import kafkajs, { type Admin, type Producer, type LogEntry } from 'kafkajs';
import { NoticeRejectedError, type NoticeMessage, type NoticePublisher } from '../notice-publisher.port.js';

// kafkajs is CommonJS: Node's ESM loader exposes only some of its exports by name.
const { Kafka, Partitioners, logLevel } = kafkajs;

/** A broker error with its Kafka protocol code name (kafkajs' KafkaJSProtocolError). */
const protocolErrorType = (error: unknown): string | null =>
  error instanceof Error && error.name === 'KafkaJSProtocolError' && typeof (error as { type?: unknown }).type === 'string' ? (error as unknown as { type: string }).type : null;

export interface KafkaNoticePublisherOptions {
  readonly brokers: readonly string[];
  readonly topic: string;
  readonly clientId: string;
  readonly numPartitions?: number;
  readonly replicationFactor?: number;
  /** Per request; a send that takes longer fails and is retried by the caller. */
  readonly requestTimeoutMs?: number;
  /** Receives the client's own warnings and errors (kafkajs logs to the console otherwise). */
  readonly log?: (level: 'warn' | 'error', message: string, extra: Record<string, unknown>) => void;
}

/** Broker error codes that no retry can cure (Kafka protocol). */
const PERMANENT_ERRORS = new Set([
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'INVALID_RECORD',
  'CORRUPT_MESSAGE',
  'INVALID_TOPIC_EXCEPTION',
  'TOPIC_AUTHORIZATION_FAILED',
  'CLUSTER_AUTHORIZATION_FAILED',
  'UNSUPPORTED_FOR_MESSAGE_FORMAT',
]);

const permanentCause = (error: unknown): string | null => {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const type = protocolErrorType(current);
    if (type !== null && PERMANENT_ERRORS.has(type)) return type;
    const errors = (current as { errors?: unknown[] }).errors;
    if (Array.isArray(errors)) for (const inner of errors) { const found = permanentCause(inner); if (found) return found; }
    current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return null;
};

export class KafkaNoticePublisher implements NoticePublisher {
  private readonly kafka: kafkajs.Kafka;
  private producer: Producer | null = null;
  private connecting: Promise<Producer> | null = null;
  private readonly ensured = new Set<string>();

  constructor(private readonly options: KafkaNoticePublisherOptions) {
    const log = options.log;
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      connectionTimeout: 3000,
      requestTimeout: options.requestTimeoutMs ?? 10_000,
      // Short client-side retries: the relay owns the long backoff and keeps its batch.
      retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2000 },
      logLevel: log ? logLevel.WARN : logLevel.NOTHING,
      logCreator: () => (entry: LogEntry) => {
        if (!log) return;
        const { message, ...extra } = entry.log;
        log(entry.level === logLevel.ERROR ? 'error' : 'warn', `kafkajs ${entry.namespace}: ${message}`, extra);
      },
    });
  }

  async ensureTopic(): Promise<void> {
    await this.createTopic(this.options.topic, this.options.numPartitions ?? 3);
  }

  /** Creates a topic when it does not exist (idempotent); a message's own topic (`topic`) is created on its first send. */
  private async createTopic(topic: string, numPartitions: number): Promise<void> {
    const admin: Admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = await admin.listTopics();
      if (existing.includes(topic)) return;
      await admin.createTopics({
        waitForLeaders: true,
        topics: [{ topic, numPartitions, replicationFactor: this.options.replicationFactor ?? -1 }],
      });
    } catch (error: unknown) {
      // Created concurrently by another relay instance: fine.
      if (protocolErrorType(error) !== 'TOPIC_ALREADY_EXISTS') throw error;
    } finally {
      await admin.disconnect();
    }
  }

  async publish(messages: readonly NoticeMessage[]): Promise<void> {
    if (messages.length === 0) return;
    // Per topic, in the batch's order (the order per key is what consumers rely on).
    const byTopic = new Map<string, NoticeMessage[]>();
    for (const message of messages) {
      const topic = message.topic ?? this.options.topic;
      const batch = byTopic.get(topic);
      if (batch) batch.push(message);
      else byTopic.set(topic, [message]);
    }
    for (const topic of byTopic.keys()) {
      // A topic of its own (the audit anchors): one partition, since all its messages share one key.
      if (topic !== this.options.topic && !this.ensured.has(topic)) {
        await this.createTopic(topic, 1);
        this.ensured.add(topic);
      }
    }
    const producer = await this.connectedProducer();
    try {
      await producer.sendBatch({
        acks: -1,
        timeout: this.options.requestTimeoutMs ?? 10_000,
        topicMessages: [...byTopic].map(([topic, batch]) => ({
          topic,
          messages: batch.map((m) => ({ key: m.key, value: m.value, headers: { ...m.headers } })),
        })),
      });
    } catch (error: unknown) {
      const permanent = permanentCause(error);
      if (permanent) throw new NoticeRejectedError(`Kafka refused the batch: ${permanent}`, permanent, error);
      await this.dropProducer();
      throw error;
    }
  }

  async reachable(): Promise<void> {
    // One attempt: the caller probes periodically and must learn of an outage promptly.
    const admin: Admin = this.kafka.admin({ retry: { retries: 0 } });
    try {
      await admin.connect();
      await admin.describeCluster();
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.dropProducer();
  }

  private async connectedProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    this.connecting ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: false,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
        retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2000 },
      });
      try {
        await producer.connect();
      } catch (error: unknown) {
        await producer.disconnect().catch(() => undefined);
        throw error;
      }
      this.producer = producer;
      return producer;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async dropProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = null;
    if (producer) await producer.disconnect().catch(() => undefined);
  }
}

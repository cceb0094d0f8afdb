/**
 * Test helpers around a real broker started by deploy/local/kafka.sh (tests only; the only kafkajs
 * import outside libs/messaging/src/kafka, because a test must read what departments would read).
 */
import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { WAIT_BOUND_MS } from '../../../../test/support/timeouts.js';

const SCRIPT = fileURLToPath(new URL('../../../../deploy/local/kafka.sh', import.meta.url));

export interface BrokerEnv {
  readonly port: number;
  readonly controllerPort: number;
  readonly dir?: string;
}

export const SHARED_BROKER: BrokerEnv = { port: Number(process.env['AUTHZ_KAFKA_PORT'] ?? 59092), controllerPort: Number(process.env['AUTHZ_KAFKA_CONTROLLER_PORT'] ?? 59093) };

const env = (broker: BrokerEnv): NodeJS.ProcessEnv => ({
  ...process.env,
  AUTHZ_KAFKA_PORT: String(broker.port),
  AUTHZ_KAFKA_CONTROLLER_PORT: String(broker.controllerPort),
  ...(broker.dir ? { AUTHZ_KAFKA_DIR: broker.dir } : {}),
});

export const answers = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });

/** Starts the broker through deploy/local/kafka.sh unless it already answers. */
export async function ensureBroker(broker: BrokerEnv = SHARED_BROKER): Promise<string> {
  if (!(await answers(broker.port))) execFileSync('bash', [SCRIPT, 'start'], { env: env(broker), stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
  return `127.0.0.1:${broker.port}`;
}

/** Kills the broker by its recorded pid (SIGKILL: a crash, not a shutdown). */
export function killBroker(broker: BrokerEnv): void {
  execFileSync('bash', [SCRIPT, 'kill'], { env: env(broker), stdio: ['ignore', 'ignore', 'pipe'] });
}

export function stopBroker(broker: BrokerEnv): void {
  execFileSync('bash', [SCRIPT, 'stop'], { env: env(broker), stdio: ['ignore', 'ignore', 'pipe'] });
}

export interface ReceivedNotice {
  readonly key: string;
  readonly value: unknown;
  readonly headers: Record<string, string>;
  readonly partition: number;
  readonly offset: string;
}

/**
 * Resolves once the relay has created `topic` (it does on start, which may come after the test's
 * first writes: a relay in an HTTP process starts once the server listens). Bounded by WAIT_BOUND_MS.
 */
async function topicCreated(kafka: Kafka, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const deadline = Date.now() + WAIT_BOUND_MS;
    while (!(await admin.listTopics()).includes(topic)) {
      if (Date.now() > deadline) throw new Error(`topic ${topic} was not created within ${WAIT_BOUND_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await admin.disconnect();
  }
}

/** Reads a topic from the beginning, as a department would; `waitFor(n)` resolves with the first n (as soon as they are there). */
export async function readTopic(brokers: string, topic: string): Promise<{ received: ReceivedNotice[]; waitFor: (n: number, timeoutMs?: number) => Promise<ReceivedNotice[]>; close: () => Promise<void> }> {
  const kafka = new Kafka({ clientId: 'relay-test-reader', brokers: [brokers], logLevel: logLevel.NOTHING, retry: { retries: 30, initialRetryTime: 200, maxRetryTime: 2000 } });
  const consumer: Consumer = kafka.consumer({ groupId: `reader-${topic}`, sessionTimeout: 10_000, heartbeatInterval: 1000, maxWaitTimeInMs: 100 });
  const received: ReceivedNotice[] = [];
  await topicCreated(kafka, topic);
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message, partition }) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = String(value);
      received.push({ key: String(message.key), value: JSON.parse(String(message.value)), headers, partition, offset: message.offset });
    },
  });
  const waitFor = async (n: number, timeoutMs = WAIT_BOUND_MS): Promise<ReceivedNotice[]> => {
    const deadline = Date.now() + timeoutMs;
    while (received.length < n) {
      if (Date.now() > deadline) throw new Error(`expected ${n} messages on ${topic}, got ${received.length}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return received.slice(0, n);
  };
  return { received, waitFor, close: () => consumer.disconnect() };
}

export const uniqueTopic = (label: string): string => `test.notices.${label}.${Date.now()}.${Math.floor(Math.random() * 1e6)}`;

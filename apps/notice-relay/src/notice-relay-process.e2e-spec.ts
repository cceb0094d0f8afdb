/**
 * The notice relay as its own OS process (`node dist/apps/notice-relay/src/main.js`) on PostgreSQL
 * and the shared broker: what /health/ready and /metrics say when Kafka does not answer, that a
 * process that cannot bind its port never takes the lease, and that a start logs no client warning.
 */
import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { createEventStore } from '../../../libs/event-store/src/index.js';
import type { EventStore } from '../../../libs/event-store/src/event-store.port.js';
import { openSqlClient } from '../../../libs/sql/src/index.js';
import { lifeOf, registered, toNew } from '../../../libs/messaging/testing/notice-fixtures.js';
import { AppProcess, ensureBuilt, freePort, freshDatabase, SECRET, sleep } from '../../../test/production/support/processes.js';
import { ensureBroker, readTopic, uniqueTopic } from './testing/kafka-test-broker.js';

// Starting processes on a loaded machine is slow: generous bounds, every wait ends on readiness.
jest.setTimeout(240_000);

const processes: AppProcess[] = [];
let url: string;
let brokers: string;
let store: EventStore;

beforeAll(async () => {
  ensureBuilt(['notice-relay']);
  brokers = await ensureBroker();
  url = await freshDatabase('relay_process');
  store = await createEventStore(url);
  await store.append('employee-E1', [toNew(registered('E1', 'Lin Mei'))], { expectedRevision: 'no_stream' });
  await store.append('employee-M1', [toNew(registered('M1', 'Chen Wei', 'manager'))], { expectedRevision: 'no_stream' });
  const id = randomUUID();
  await store.append(`authorization-${id}`, lifeOf(id).map(toNew), { expectedRevision: 'no_stream' });
}, 240_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop(10_000)));
  await store?.close();
}, 120_000);

async function relayProcess(label: string, env: Record<string, string>): Promise<AppProcess> {
  const started = new AppProcess(label, 'notice-relay', { EVENT_STORE_URL: url, READ_STORE_URL: url, AUTH_JWT_SECRET: SECRET, PORT: String(await freePort()), ...env }).start();
  processes.push(started);
  return started;
}

async function get(target: AppProcess, path: string): Promise<{ status: number; text: string }> {
  const res = await fetch(target.url(path));
  return { status: res.status, text: await res.text() };
}

/** Polls until `check` holds (the process must stay alive); fails with the last answer and the log tail. */
async function eventually<T>(target: AppProcess, probe: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    if (!target.running) throw new Error(`${target.label} exited:\n${target.tail()}`);
    last = await probe().catch(() => undefined);
    if (last !== undefined && check(last)) return last;
    if (Date.now() > deadline) throw new Error(`${target.label}: condition not met after ${timeoutMs} ms, last ${JSON.stringify(last)}:\n${target.tail()}`);
    await sleep(200);
  }
}

const sample = (metrics: string, name: string, topic: string): number | undefined => {
  const line = metrics.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(`topic="${topic}"`));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
};

async function leaseOwners(topic: string): Promise<string[]> {
  const sql = await openSqlClient(url);
  try {
    // The processor host holds the relay's lease (one row per leader processor).
    const { rows: tables } = await sql.query<{ exists: boolean }>(`SELECT to_regclass('processor_leases') IS NOT NULL AS exists`);
    if (!tables[0]?.exists) return [];
    const { rows } = await sql.query<{ holder: string }>('SELECT holder FROM processor_leases WHERE name = $1', [`notice-relay:${topic}`]);
    return rows.map((r) => r.holder);
  } finally {
    await sql.close();
  }
}

describe('the notice relay process', () => {
  it('is ready while Kafka answers, publishes, and logs no warning from the Kafka client', async () => {
    const topic = uniqueTopic('process');
    const relay = await relayProcess('relay-ok', { KAFKA_BROKERS: brokers, KAFKA_TOPIC_NOTICES: topic });
    await relay.waitReady('/health/ready', 120_000);
    await eventually(relay, () => get(relay, '/metrics'), (m) => (sample(m.text, 'notice_relay_published_total', topic) ?? 0) >= 3);
    const reader = await readTopic(brokers, topic);
    try {
      expect((await reader.waitFor(3, 60_000)).map((m) => m.headers['ce_type'])).toHaveLength(3);
    } finally {
      await reader.close();
    }
    const ready = await eventually(relay, () => get(relay, '/health/ready'), (r) => r.status === 200 && r.text.includes('"reachable":true'));
    expect(JSON.parse(ready.text)).toMatchObject({ status: 'ok', relay: 'leading', kafka: { reachable: true } });
    expect(sample((await get(relay, '/metrics')).text, 'notice_relay_lag_seconds', topic)).toBe(0);
    expect(await relay.stop(15_000)).toEqual({ code: 0, signal: null });
    expect(relay.output.join('')).not.toMatch(/idempotent|EoS|kafkajs/i);
  });

  it('answers /health/ready 503 while Kafka does not answer, with a lag that keeps growing', async () => {
    const topic = uniqueTopic('process-down');
    // Nothing listens on this port: a broker that is down.
    const relay = await relayProcess('relay-kafka-down', { KAFKA_BROKERS: `127.0.0.1:${await freePort()}`, KAFKA_TOPIC_NOTICES: topic });
    await relay.waitReady('/health/live', 120_000);
    const notReady = await eventually(relay, () => get(relay, '/health/ready'), (r) => r.status === 503 && r.text.includes('"reachable":false'));
    expect(JSON.parse(notReady.text)).toMatchObject({ status: 'unavailable', relay: 'leading', kafka: { reachable: false } });
    expect((await get(relay, '/health/live')).status).toBe(200);

    const first = await eventually(relay, async () => sample((await get(relay, '/metrics')).text, 'notice_relay_lag_seconds', topic), (lag) => lag !== undefined && lag > 0);
    await sleep(2000);
    const later = sample((await get(relay, '/metrics')).text, 'notice_relay_lag_seconds', topic);
    expect(first).toBeGreaterThan(0);
    expect(later).toBeGreaterThanOrEqual(first! + 1.5);
    expect((await get(relay, '/health/ready')).status).toBe(503);
    expect(await relay.stop(15_000)).toEqual({ code: 0, signal: null });
  });

  it('exits without taking the lease when it cannot bind its port', async () => {
    const topic = uniqueTopic('process-port');
    const taken: Server = createServer();
    const port = await new Promise<number>((resolve) => taken.listen(0, '127.0.0.1', () => resolve((taken.address() as { port: number }).port)));
    try {
      const relay = await relayProcess('relay-port-taken', { KAFKA_BROKERS: brokers, KAFKA_TOPIC_NOTICES: topic, PORT: String(port) });
      const exit = await relay.exit();
      expect(exit.code).not.toBe(0);
      expect(relay.tail()).toMatch(/EADDRINUSE/);
      expect(await leaseOwners(topic)).toEqual([]);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }

    // The next relay takes the lease at once, not after a dead owner's lease ran out.
    const next = await relayProcess('relay-next', { KAFKA_BROKERS: brokers, KAFKA_TOPIC_NOTICES: topic });
    const ready = await eventually(next, () => get(next, '/health/ready'), (r) => r.status === 200 && r.text.includes('"relay":"leading"'));
    expect(JSON.parse(ready.text)).toMatchObject({ relay: 'leading' });
    expect(await leaseOwners(topic)).toHaveLength(1);
  });
});

import { jest } from '@jest/globals';
import { register } from 'prom-client';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgliteClient } from '../../../libs/sql/src/index.js';
import type { SqlClient } from '../../../libs/sql/src/sql-client.port.js';
import { KafkaNoticePublisher } from '../../../libs/messaging/src/index.js';
import { NoticeTypes } from '../../../libs/contracts/src/index.js';
import { lifeOf, registered, toNew } from '../../../libs/messaging/testing/notice-fixtures.js';
import { NoticeRelay } from './notice-relay.js';
import { InMemoryEventStore } from './testing/in-memory-event-store.js';
import { ensureBroker, killBroker, readTopic, uniqueTopic, type BrokerEnv } from './testing/kafka-test-broker.js';
import { HOOK_TIMEOUT_MS, WAIT_BOUND_MS } from '../../../test/support/timeouts.js';

// Starts and restarts a broker: on a loaded machine that alone can take a minute or two.
jest.setTimeout(2 * HOOK_TIMEOUT_MS);

/** A private broker: this suite kills it, which must not disturb suites using the shared one. */
const broker: BrokerEnv = {
  port: Number(process.env['AUTHZ_KAFKA_OUTAGE_PORT'] ?? 59392),
  controllerPort: Number(process.env['AUTHZ_KAFKA_OUTAGE_CONTROLLER_PORT'] ?? 59393),
  dir: mkdtempSync(join(tmpdir(), 'authz-kafka-outage-')),
};
let brokers: string;
let sql: SqlClient;
const relays: NoticeRelay[] = [];

const lagOf = async (topic: string): Promise<number | undefined> =>
  (await register.getSingleMetric('notice_relay_lag_seconds')?.get())?.values.find((v) => v.labels['topic'] === topic)?.value;

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

beforeAll(async () => {
  brokers = await ensureBroker(broker);
  sql = await createPgliteClient('memory');
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  for (const relay of relays) await relay.stop();
  // A throwaway broker: no need to wait for a clean shutdown.
  killBroker(broker);
  rmSync(broker.dir!, { recursive: true, force: true });
  await sql.close();
}, HOOK_TIMEOUT_MS);

describe('NoticeRelay when Kafka goes away', () => {
  it('delivers every notice appended while the broker was down, each authorization in order', async () => {
    const store = new InMemoryEventStore();
    const topic = uniqueTopic('outage');
    await store.appendAny('employee-E1', [toNew(registered('E1', 'Lin Mei'))]);
    await store.appendAny('employee-M1', [toNew(registered('M1', 'Chen Wei', 'manager'))]);
    const publisher = new KafkaNoticePublisher({ brokers: [brokers], topic, clientId: 'outage-test', requestTimeoutMs: 2000 });
    const relay = new NoticeRelay(store, sql, publisher, { topic, leaseTtlMs: 5000, backoffInitialMs: 100, backoffMaxMs: 1000, batchSize: 4 });
    await relay.start();
    relays.push(relay);
    // A broker just started may not answer the first probe on a loaded machine: wait for it to.
    await until(() => relay.kafka?.reachable === true, WAIT_BOUND_MS);
    expect(relay.kafka).toEqual({ reachable: true });
    expect(relay.ready).toBe(true);

    const lives = new Map<string, string[]>();
    const appendInterleaved = async (count: number): Promise<void> => {
      const ids = Array.from({ length: count }, () => randomUUID());
      const events = ids.map((id) => lifeOf(id).map(toNew));
      for (let step = 0; step < events[0]!.length; step++) {
        for (const [i, id] of ids.entries()) {
          const event = events[i]![step]!;
          await store.appendAny(`authorization-${id}`, [event]);
          if (['NoticeIssued', 'NoticeAcknowledged', 'AuthorizationRevoked'].includes(event.type)) lives.set(id, [...(lives.get(id) ?? []), event.id]);
        }
      }
    };

    await appendInterleaved(2);
    await until(async () => relay.position === (await store.headPosition()), WAIT_BOUND_MS);
    expect(relay.position).toBe(await store.headPosition());

    expect(await lagOf(topic)).toBe(0);

    killBroker(broker);
    // Idle: nothing to send, yet the leader's probe finds Kafka gone and readiness turns red.
    await until(() => !relay.ready, WAIT_BOUND_MS);
    expect(relay.ready).toBe(false);
    expect(relay.kafka).toMatchObject({ reachable: false });
    await appendInterleaved(5);
    await new Promise((r) => setTimeout(r, 1500));
    expect(relay.status).toBe('leading');
    expect(relay.ready).toBe(false);
    expect(relay.position).not.toBe(await store.headPosition());
    // The lag is sampled and keeps growing while nothing can be published.
    const lagBefore = (await lagOf(topic)) ?? -1;
    await new Promise((r) => setTimeout(r, 1200));
    const lagAfter = (await lagOf(topic)) ?? -1;
    expect(lagBefore).toBeGreaterThan(0);
    expect(lagAfter).toBeGreaterThanOrEqual(lagBefore + 1);

    await ensureBroker(broker);
    await until(async () => relay.position === (await store.headPosition()), 2 * WAIT_BOUND_MS);
    expect(relay.position).toBe(await store.headPosition());
    await until(() => relay.ready, WAIT_BOUND_MS);
    expect(relay.ready).toBe(true);
    expect(relay.kafka).toEqual({ reachable: true });
    expect(await lagOf(topic)).toBe(0);

    const reader = await readTopic(brokers, topic);
    try {
      const expected = [...lives.values()].flat();
      const deadline = Date.now() + WAIT_BOUND_MS;
      while (new Set(reader.received.map((m) => m.headers['ce_id'])).size < expected.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const seen = new Set(reader.received.map((m) => m.headers['ce_id']));
      expect(expected.filter((id) => !seen.has(id))).toEqual([]);
      for (const [id, eventIds] of lives) {
        const firstSeen = [...new Set(reader.received.filter((m) => m.key === id).map((m) => m.headers['ce_id']))];
        expect(firstSeen).toEqual(eventIds);
        const types = reader.received.filter((m) => m.key === id).map((m) => m.headers['ce_type']);
        expect(types[0]).toBe(NoticeTypes.issued);
      }
    } finally {
      await reader.close();
      await relay.stop();
    }
  });
});

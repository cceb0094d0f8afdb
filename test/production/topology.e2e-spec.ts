/**
 * The production shape as separate OS processes on real PostgreSQL and Kafka: two API replicas, the
 * projector, the notice relay, the expiry scheduler and the people cascade, each
 * `node dist/apps/<app>/src/main.js` with its own environment (issue 8).
 */
import { jest } from '@jest/globals';
import pg from 'pg';
import { KafkaNoticePublisher, isNoticeEventType } from '../../libs/messaging/src/index.js';
import { NoticeTypes } from '../../libs/contracts/src/index.js';
import { ensureBroker, readTopic, type ReceivedNotice } from '../../apps/notice-relay/src/testing/kafka-test-broker.js';
import { DIRECTORY } from '../support/call-center.js';
import { AppProcess, type AppName, call, ensureBuilt, eventually, freePort, freshDatabase, SECRET, sleep, tokenOf } from './support/processes.js';
import { CommandStream } from './support/workload.js';

jest.setTimeout(180_000);

const TYPE_OF_EVENT: Record<string, string> = {
  NoticeIssued: NoticeTypes.issued,
  NoticeAcknowledged: NoticeTypes.acknowledged,
  AuthorizationRevoked: NoticeTypes.revoked,
  ExpiryReminderIssued: NoticeTypes.expiring,
  AuthorizationExpired: NoticeTypes.expired,
  AuthorizationCompleted: NoticeTypes.completed,
};

let db: pg.Client;
let topic: string;
let kafka: Awaited<ReturnType<typeof readTopic>>;
const processes: AppProcess[] = [];
let api1: AppProcess;
let api2: AppProcess;
let projector: AppProcess;
let relay: AppProcess;
let scheduler: AppProcess;
const bases = (): string[] => [api1.url(''), api2.url('')];

async function spawnApp(label: string, app: AppName, env: Record<string, string>): Promise<AppProcess> {
  const port = String(await freePort());
  const started = new AppProcess(label, app, { ...env, PORT: port }).start();
  processes.push(started);
  return started;
}

beforeAll(async () => {
  ensureBuilt(['authorization-service', 'projector', 'notice-relay', 'expiry-scheduler', 'people-cascade']);
  const brokers = await ensureBroker();
  const url = await freshDatabase('topology');
  topic = `test.topology.${Date.now()}.${Math.floor(Math.random() * 1e6)}`;
  const publisher = new KafkaNoticePublisher({ brokers: [brokers], topic, clientId: 'topology-test' });
  await publisher.ensureTopic();
  await publisher.close();
  kafka = await readTopic(brokers, topic);
  db = new pg.Client({ connectionString: url });
  await db.connect();

  const env = { EVENT_STORE_URL: url, READ_STORE_URL: url, AUTH_JWT_SECRET: SECRET, KAFKA_BROKERS: brokers, KAFKA_TOPIC_NOTICES: topic };
  // The first replica creates the schemas alone (the DDL is locked anyway); staggering keeps 2 cores less crowded.
  api1 = await spawnApp('api-1', 'authorization-service', env);
  await api1.waitReady('/health/ready', 60_000);
  api2 = await spawnApp('api-2', 'authorization-service', env);
  projector = await spawnApp('projector', 'projector', env);
  relay = await spawnApp('notice-relay', 'notice-relay', env);
  scheduler = await spawnApp('expiry-scheduler', 'expiry-scheduler', env);
  await spawnApp('people-cascade', 'people-cascade', env);
  await Promise.all([api2.waitReady('/health/ready', 60_000), projector.waitReady('/health/live', 60_000), relay.waitReady('/health/live', 60_000)]);
});

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop(5000)));
  await kafka?.close();
  await db?.end();
});

/** Store facts read straight from PostgreSQL: what was durably appended. */
async function storeEvents(): Promise<{ eventId: string; streamId: string; type: string; revision: number }[]> {
  const { rows } = await db.query<{ event_id: string; stream_id: string; type: string; revision: number }>('SELECT event_id, stream_id, type, revision FROM events ORDER BY global_position');
  return rows.map((r) => ({ eventId: r.event_id, streamId: r.stream_id, type: r.type, revision: r.revision }));
}

function dedupedByKey(received: readonly ReceivedNotice[]): Map<string, string[]> {
  const seen = new Set<string>();
  const byKey = new Map<string, string[]>();
  for (const message of received) {
    const id = message.headers['ce_id'] as string;
    if (seen.has(id)) continue;
    seen.add(id);
    byKey.set(message.key, [...(byKey.get(message.key) ?? []), id]);
  }
  return byKey;
}

/** Every notice-type event of the store reached Kafka (at least once), keyed by its authorization, in stream order. */
async function expectEveryNoticeOnKafka(): Promise<number> {
  const events = (await storeEvents()).filter((e) => isNoticeEventType(e.type));
  const expected = new Map<string, string[]>();
  for (const event of events) {
    const key = event.streamId.replace(/^authorization-/, '');
    expected.set(key, [...(expected.get(key) ?? []), event.eventId]);
  }
  const typeOf = new Map(events.map((e) => [e.eventId, TYPE_OF_EVENT[e.type]]));
  for (const message of kafka.received) {
    expect(message.headers['ce_subject']).toBe(message.key);
    expect(message.headers['ce_type']).toBe(typeOf.get(message.headers['ce_id'] as string));
  }
  expect(dedupedByKey(kafka.received)).toEqual(expected);
  return events.length;
}

describe('two API replicas, projector, relay, scheduler and cascade as separate processes', () => {
  let firstGrant = '';

  it('shows a workflow driven through replica 1 on replica 2 with its consistency token, and publishes its notices', async () => {
    const [one, two] = bases() as [string, string];
    for (const employee of DIRECTORY) {
      const res = await call(one, 'POST', '/v1/employees', 'svc:hr', employee);
      expect([res.status, employee.id]).toEqual([201, employee.id]);
    }
    const stream = new CommandStream([one]);
    const id = await stream.workflow(0);
    expect(stream.refused).toEqual([]);
    firstGrant = id as string;
    const position = stream.acknowledged.at(-1)?.position as string;

    const list = await call(two, 'GET', '/v1/authorizations?employeeId=E101', 'M01', undefined, { 'x-consistency-token': position });
    expect(list.status).toBe(200);
    expect(list.body['items']).toEqual(expect.arrayContaining([expect.objectContaining({ id: firstGrant, status: 'active' })]));
    const check = await call(two, 'POST', '/v1/checks', 'svc:crm', {
      employeeId: 'E101',
      authority: 'compensation.issue',
      context: { amount: 500, channel: 'phone' },
      consistency: { atLeast: position },
    });
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ allowed: true, reason: 'GRANT', grantId: firstGrant });

    const notices = await kafka.waitFor(2, 30_000);
    expect(notices.map((n) => [n.key, n.headers['ce_type']])).toEqual([
      [firstGrant, NoticeTypes.issued],
      [firstGrant, NoticeTypes.acknowledged],
    ]);
  });

  it('loses nothing acknowledged and converges when any one process is SIGKILLed during a stream of commands', async () => {
    const stream = new CommandStream(bases());
    // Grants that end in a few seconds: the scheduler (killed and restarted below) must expire them.
    const shortLived = await Promise.all([1, 2].map((i) => stream.workflow(100 + i, Date.now() + 12_000)));
    expect(shortLived).not.toContain(null);

    const crashes: string[] = [];
    let crashesDone = false;
    const crashAll = async (): Promise<void> => {
      for (const target of [api2, projector, relay, scheduler]) {
        await sleep(800);
        const exit = await target.kill();
        crashes.push(`${target.label}:${exit.signal}`);
        await sleep(300);
        target.start();
        await target.waitReady(target === api2 ? '/health/ready' : '/health/live', 60_000);
      }
      crashesDone = true;
    };
    await Promise.all([stream.run({ min: 40, max: 150, concurrency: 3, done: () => crashesDone }), crashAll()]);
    expect(crashes).toEqual(['api-2:SIGKILL', 'projector:SIGKILL', 'notice-relay:SIGKILL', 'expiry-scheduler:SIGKILL']);
    expect(stream.workflows.length).toBeGreaterThanOrEqual(40);

    // 1. Durable: every command answered 2xx is in the store, read on the replica that did not answer it.
    for (const ack of stream.acknowledged) {
      const other = bases()[(ack.replica + 1) % 2] as string;
      const res = await call(other, 'GET', `/v1/authorizations/${ack.id}`, 'M01');
      expect([ack.id, res.status]).toEqual([ack.id, 200]);
      expect((res.body['history'] as { type: string }[]).map((h) => h.type)).toContain(ack.eventType);
    }
    // A step refused outright can only be the retry of one whose answer was lost (the first try acted).
    for (const refused of stream.refused) expect([refused.step, refused.answer.status]).toEqual([refused.step, 409]);

    // 2. The scheduler, restarted, expires the short-lived grants.
    for (const id of shortLived) {
      await eventually(async () => {
        const res = await call(bases()[0] as string, 'GET', `/v1/authorizations/${id}`, 'M01');
        expect(res.body['status']).toBe('expired');
      }, 30_000, 500);
    }

    // 3. The read models converge on the store: list counts and statuses, audit export line count.
    const [one, two] = bases() as [string, string];
    const events = await storeEvents();
    const streams = new Set(events.filter((e) => e.streamId.startsWith('authorization-')).map((e) => e.streamId.replace('authorization-', '')));
    await eventually(async () => {
      const list = await call(two, 'GET', '/v1/authorizations?limit=500', 'C01');
      const items = list.body['items'] as { id: string; status: string }[];
      expect(new Set(items.map((i) => i.id))).toEqual(streams);
      const audit = await fetch(`${one}/v1/audit/export`, { headers: { authorization: `Bearer ${await tokenOf('C01')}` } });
      const lines = (await audit.text()).split('\n').filter(Boolean);
      expect(lines.length).toBe((await storeEvents()).length);
    }, 30_000, 500);
    const list = await call(one, 'GET', '/v1/authorizations?limit=500', 'C01');
    for (const item of list.body['items'] as { id: string; status: string }[]) {
      const res = await call(two, 'GET', `/v1/authorizations/${item.id}`, 'M01');
      expect([item.id, item.status]).toEqual([item.id, res.body['status']]);
    }

    // 4. Kafka got every notice at least once, de-duplicated by ce_id, in per-key order.
    const published = await eventually(expectEveryNoticeOnKafka, 45_000, 500);
    const acknowledgedGrants = stream.acknowledged.filter((a) => a.eventType === 'NoticeAcknowledged').length;
    expect(published).toBeGreaterThanOrEqual(2 * acknowledgedGrants);
  });

  it('revokes a leaver’s grants through the people cascade process and tells Kafka', async () => {
    const [one, two] = bases() as [string, string];
    const left = await call(two, 'POST', '/v1/employees/E102/departure', 'svc:hr', { reason: 'resigned' });
    expect(left.status).toBe(200);
    const { rows } = await db.query<{ id: string }>(
      `SELECT DISTINCT data->>'authorizationId' AS id FROM events WHERE type = 'NoticeAcknowledged' AND stream_id IN (SELECT stream_id FROM events WHERE type = 'AuthorizationApplied' AND data->>'applicantId' = 'E102')`,
    );
    expect(rows.length).toBeGreaterThan(0);
    await eventually(async () => {
      for (const { id } of rows) {
        const res = await call(one, 'GET', `/v1/authorizations/${id}`, 'M01');
        expect([id, res.body['status']]).toEqual([id, expect.stringMatching(/^(revoked|expired)$/)]);
      }
    }, 30_000, 500);
    await eventually(expectEveryNoticeOnKafka, 30_000, 500);
  });
});

import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { register } from 'prom-client';
import { createPgliteClient } from '../../../libs/sql/src/index.js';
import type { SqlClient } from '../../../libs/sql/src/sql-client.port.js';
import { comparePositions, type NewEvent } from '../../../libs/event-store/src/event-store.port.js';
import { KafkaNoticePublisher } from '../../../libs/messaging/src/index.js';
import { AUDIT_ANCHOR_TOPIC, NoticeTypes, noticeSchemaPath, type NoticeType } from '../../../libs/contracts/src/index.js';
import { validateJsonSchema } from '../../../libs/contracts/testing/validate-json-schema.js';
import { lifeOf, registered, REPORTER, reportLifeOf, toNew } from '../../../libs/messaging/testing/notice-fixtures.js';
import { NoticeRelay, type NoticeRelayOptions } from './notice-relay.js';
import { InMemoryEventStore } from './testing/in-memory-event-store.js';
import { ensureBroker, readTopic, uniqueTopic } from './testing/kafka-test-broker.js';
import { HOOK_TIMEOUT_MS, WAIT_BOUND_MS } from '../../../test/support/timeouts.js';

jest.setTimeout(HOOK_TIMEOUT_MS);

/** Polls until `condition` holds or the (generous) bound passes; the assertion after it decides. */
async function until(condition: () => boolean, timeoutMs = WAIT_BOUND_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

let brokers: string;
let sql: SqlClient;
const relays: NoticeRelay[] = [];
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  brokers = await ensureBroker();
  sql = await createPgliteClient('memory');
});
afterEach(async () => {
  for (const relay of relays.splice(0)) await relay.stop();
  for (const close of closers.splice(0)) await close();
});
afterAll(async () => {
  await sql.close();
});

const publisherFor = (topic: string) => new KafkaNoticePublisher({ brokers: [brokers], topic, clientId: 'relay-test' });

function relayOf(store: InMemoryEventStore, topic: string, options: Partial<NoticeRelayOptions> = {}, kafka = true): NoticeRelay {
  const relay = new NoticeRelay(store, sql, kafka ? publisherFor(topic) : null, {
    topic,
    leaseTtlMs: 1000,
    leaseRenewMs: 200,
    backoffInitialMs: 100,
    backoffMaxMs: 500,
    matterNames: (matter) => (matter === 'compensation.issue' ? { 'zh-Hant': '發放客戶補償', en: 'Issue goodwill compensation' } : null),
    ...options,
  });
  relays.push(relay);
  return relay;
}

async function seedPeople(store: InMemoryEventStore): Promise<void> {
  await store.appendAny('employee-E1', [toNew(registered('E1', 'Lin Mei'))]);
  await store.appendAny('employee-M1', [toNew(registered('M1', 'Chen Wei', 'manager'))]);
}

async function appendLife(store: InMemoryEventStore, id = randomUUID()): Promise<{ id: string; eventIds: string[] }> {
  const events = lifeOf(id).map(toNew);
  for (const event of events) await store.appendAny(`authorization-${id}`, [event]);
  return { id, eventIds: events.filter((e) => ['NoticeIssued', 'NoticeAcknowledged', 'AuthorizationRevoked'].includes(e.type)).map((e) => e.id) };
}

async function reader(topic: string) {
  await publisherFor(topic).ensureTopic();
  const topicReader = await readTopic(brokers, topic);
  closers.push(topicReader.close);
  return topicReader;
}

const schemaOf = (type: NoticeType): Record<string, unknown> => JSON.parse(readFileSync(noticeSchemaPath(type), 'utf8')) as Record<string, unknown>;

describe('NoticeRelay against a real Kafka broker', () => {
  it('publishes an issued, acknowledged and revoked authorization in order, keyed by its id, as CloudEvents', async () => {
    const store = new InMemoryEventStore();
    const topic = uniqueTopic('order');
    await seedPeople(store);
    const { id, eventIds } = await appendLife(store);
    const topicReader = await reader(topic);
    await relayOf(store, topic).start();

    const messages = await topicReader.waitFor(3);
    expect(messages.map((m) => m.headers['ce_type'])).toEqual([NoticeTypes.issued, NoticeTypes.acknowledged, NoticeTypes.revoked]);
    expect(messages.map((m) => m.headers['ce_id'])).toEqual(eventIds);
    for (const message of messages) {
      expect(message.key).toBe(id);
      expect(message.headers).toMatchObject({
        ce_specversion: '1.0',
        ce_source: '/callcenter/authorization-service',
        ce_subject: id,
        ce_departments: 'finance,quality',
        'content-type': 'application/json',
      });
      expect(message.headers['ce_time']).toMatch(/^2026-01-0\dT/);
      expect(message.value).toMatchObject({ authorizationId: id, employee: { id: 'E1', name: 'Lin Mei', role: 'agent', team: 'T1' }, issuer: { id: 'M1', name: 'Chen Wei' } });
      expect(validateJsonSchema(schemaOf(message.headers['ce_type'] as NoticeType), message.value)).toEqual([]);
    }
    expect(messages[2]?.value).toMatchObject({ reason: 'violation', cause: 'manual' });
  });

  it('starts, publishes and stops without a warning from the Kafka client (no idempotent producer on limited retries)', async () => {
    const store = new InMemoryEventStore();
    const topic = uniqueTopic('quiet');
    await seedPeople(store);
    await appendLife(store);
    const topicReader = await reader(topic);
    const warnings: string[] = [];
    const publisher = new KafkaNoticePublisher({ brokers: [brokers], topic, clientId: 'relay-test', log: (level, message) => void warnings.push(`${level}: ${message}`) });
    const relay = new NoticeRelay(store, sql, publisher, { topic, leaseTtlMs: 1000, leaseRenewMs: 200 });
    relays.push(relay);
    await relay.start();
    await topicReader.waitFor(3);
    await relay.stop();
    expect(warnings).toEqual([]);
  });

  it('publishes each report conclusion to quality, keyed by the report, without the reporter, also when the filing came before a restart', async () => {
    const store = new InMemoryEventStore();
    const topic = uniqueTopic('report');
    await seedPeople(store);
    const { id: authorizationId } = await appendLife(store);
    const followed = randomUUID();
    const acrossRestart = randomUUID();
    const appendReport = async (reportId: string, events: readonly NewEvent[]): Promise<string> => {
      let position = '';
      for (const event of events) position = (await store.appendAny(`report-${reportId}`, [event])).position;
      return position;
    };
    const [filed, started, concluded, notified] = reportLifeOf(acrossRestart, 'E1', null).map(toNew);
    await appendReport(followed, reportLifeOf(followed, 'E1', authorizationId).map(toNew));
    const beforeRestart = await appendReport(acrossRestart, [filed!, started!]);
    const topicReader = await reader(topic);
    const relay = relayOf(store, topic);
    await relay.start();
    await topicReader.waitFor(4);
    // Stop only once the filing is behind the stored position: the next relay must read the report stream.
    await until(() => relay.position === beforeRestart);
    expect(relay.position).toBe(beforeRestart);
    await relay.stop();
    await appendReport(acrossRestart, [concluded!, notified!]);
    await relayOf(store, topic).start();
    await topicReader.waitFor(5);

    const reports = topicReader.received.filter((m) => m.headers['ce_type'] === NoticeTypes.reportConcluded);
    expect(reports.map((m) => m.key)).toEqual([followed, acrossRestart]);
    for (const message of reports) {
      expect(message.headers).toMatchObject({ ce_specversion: '1.0', ce_source: '/callcenter/authorization-service', ce_subject: message.key, ce_departments: 'quality', ce_time: '2026-01-04T10:00:00.000Z', 'content-type': 'application/json' });
      expect(message.value).toMatchObject({ reportId: message.key, subject: { id: 'E1', name: 'Lin Mei', role: 'agent', team: 'T1' }, finding: 'substantiated', investigatorId: 'S1', concludedAt: '2026-01-04T10:00:00.000Z' });
      expect(validateJsonSchema(schemaOf(NoticeTypes.reportConcluded), message.value)).toEqual([]);
      expect(JSON.stringify(message)).not.toContain(REPORTER.employeeId);
      expect(JSON.stringify(message)).not.toContain(REPORTER.contact);
    }
    expect(reports[0]?.value).toMatchObject({ authorizationId, actions: [{ type: 'revoke', authorizationId }, { type: 'warning' }, { type: 'training', course: 'scope-basics' }] });
    expect(reports[1]?.value).not.toHaveProperty('authorizationId');
  });

  it('resumes after a restart from its stored position, without a gap', async () => {
    const store = new InMemoryEventStore();
    const topic = uniqueTopic('restart');
    await seedPeople(store);
    const first = await appendLife(store);
    const topicReader = await reader(topic);
    const relay = relayOf(store, topic);
    await relay.start();
    await topicReader.waitFor(3);
    await relay.stop();

    const second = await appendLife(store);
    await relayOf(store, topic).start();
    await topicReader.waitFor(6);
    await new Promise((r) => setTimeout(r, 500));
    expect(topicReader.received.map((m) => m.headers['ce_id'])).toEqual([...first.eventIds, ...second.eventIds]);
  });

  it('keeps a second instance idle while the first holds the lease, and lets it take over when the first stops', async () => {
    const store = new InMemoryEventStore();
    const topic = uniqueTopic('lease');
    await seedPeople(store);
    const topicReader = await reader(topic);
    const first = relayOf(store, topic);
    const second = relayOf(store, topic);
    await first.start();
    await second.start();
    expect([first.status, second.status]).toEqual(['leading', 'standby']);

    const before = await appendLife(store);
    await topicReader.waitFor(3);
    await new Promise((r) => setTimeout(r, 600));
    expect(topicReader.received.map((m) => m.headers['ce_id'])).toEqual(before.eventIds);
    expect(second.status).toBe('standby');

    await first.stop();
    const after = await appendLife(store);
    await topicReader.waitFor(6);
    expect(second.status).toBe('leading');
    expect(topicReader.received.slice(3).map((m) => m.headers['ce_id'])).toEqual(after.eventIds);
  });

  it('waits for the lease of a leader that died to expire, then takes over without a gap', async () => {
    const store = new InMemoryEventStore();
    const topic = uniqueTopic('crash');
    await seedPeople(store);
    const topicReader = await reader(topic);
    // A first relay creates the host's tables; then a process that crashed still holds the lease for 1.5 s.
    const first = relayOf(store, topic);
    await first.start();
    await first.stop();
    await sql.query(
      `INSERT INTO processor_leases (name, holder, expires_at) VALUES ($1, 'crashed-process', now() + interval '1500 milliseconds')
       ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at`,
      [`notice-relay:${topic}`],
    );
    const life = await appendLife(store);
    const second = relayOf(store, topic);
    await second.start();
    expect(second.status).toBe('standby');
    await new Promise((r) => setTimeout(r, 700));
    expect(topicReader.received).toEqual([]);

    await until(() => second.status === 'leading');
    expect(second.status).toBe('leading');
    const messages = await topicReader.waitFor(3);
    expect(messages.map((m) => m.headers['ce_id'])).toEqual(life.eventIds);
  });

  it('publishes nothing without Kafka configured and everything, from the beginning, once it is', async () => {
    const store = new InMemoryEventStore();
    const topic = uniqueTopic('disabled');
    await seedPeople(store);
    const life = await appendLife(store);
    const disabled = relayOf(store, topic, {}, false);
    await disabled.start();
    expect(disabled.status).toBe('disabled');
    const { rows } = await sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'processor_checkpoints'",
    );
    if (rows[0]?.n === 1) {
      const stored = await sql.query('SELECT 1 FROM processor_checkpoints WHERE name = $1', [`notice-relay:${topic}`]);
      expect(stored.rows).toEqual([]);
    }

    const topicReader = await reader(topic);
    await relayOf(store, topic).start();
    const messages = await topicReader.waitFor(3);
    expect(messages.map((m) => m.headers['ce_id'])).toEqual(life.eventIds);
  });

  it('publishes the audit anchors to their own topic, keyed audit-anchors, for compliance', async () => {
    const store = new InMemoryEventStore();
    const topic = uniqueTopic('anchors');
    await seedPeople(store);
    const { eventIds } = await appendLife(store);
    const anchor = { position: '00000000000000000007', count: 7, hash: 'cd'.repeat(32), at: '2026-01-02T00:10:00.000Z', keyId: 'kid', signature: 'c2ln' };
    const anchored = toNew({ type: 'AuditAnchored', data: anchor });
    await store.appendAny('audit-anchors', [anchored]);
    const notices = await reader(topic);
    await relayOf(store, topic).start();
    await notices.waitFor(3);
    const anchors = await readTopic(brokers, AUDIT_ANCHOR_TOPIC);
    closers.push(anchors.close);
    await until(() => anchors.received.some((m) => m.headers['ce_id'] === anchored.id));

    const mine = anchors.received.filter((m) => m.headers['ce_id'] === anchored.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine[0]).toMatchObject({ key: 'audit-anchors', value: anchor, headers: { ce_type: NoticeTypes.auditAnchored, ce_subject: 'audit-anchors', ce_departments: 'compliance' } });
    expect(validateJsonSchema(schemaOf(NoticeTypes.auditAnchored), mine[0]!.value)).toEqual([]);
    // The notices topic holds the notices only.
    await new Promise((r) => setTimeout(r, 300));
    expect(notices.received.map((m) => m.headers['ce_id'])).toEqual(eventIds);
  });

  it('halts on an event that cannot be mapped, and does not move past it', async () => {
    const store = new InMemoryEventStore();
    const topic = uniqueTopic('unmappable');
    await seedPeople(store);
    const id = randomUUID();
    const [applied, , , , revoked] = lifeOf(id);
    await store.appendAny(`authorization-${id}`, [toNew(applied!)]);
    const { position: culprit } = await store.appendAny(`authorization-${id}`, [toNew(revoked!)]);
    const relay = relayOf(store, topic);
    await relay.start();
    await until(() => relay.status === 'halted');

    expect(relay.status).toBe('halted');
    const errors = await register.getSingleMetric('notice_relay_errors_total')?.get();
    expect(errors?.values.find((v) => v.labels['topic'] === topic && v.labels['kind'] === 'mapping')?.value).toBe(1);
    // The host may have handed the events before it in a batch of their own: the position stops before it, and stays.
    const halted = relay.position!;
    expect(comparePositions(halted, culprit)).toBeLessThan(0);
    await new Promise((r) => setTimeout(r, 500));
    expect([relay.status, relay.position]).toEqual(['halted', halted]);
  });

  it('halts on a notice Kafka will never accept, with a metric, and does not move past it', async () => {
    const store = new InMemoryEventStore();
    const topic = uniqueTopic('poison');
    await seedPeople(store);
    const id = randomUUID();
    const [applied, approved, issued] = lifeOf(id, 'E1', Array.from({ length: 40_000 }, (_, i) => `department-${i}-with-a-long-name`));
    for (const event of [applied!, approved!]) await store.appendAny(`authorization-${id}`, [toNew(event)]);
    const { position: culprit } = await store.appendAny(`authorization-${id}`, [toNew(issued!)]);
    await reader(topic);
    const relay = relayOf(store, topic);
    await relay.start();
    await until(() => relay.status === 'halted');

    expect(relay.status).toBe('halted');
    const halted = await register.getSingleMetric('notice_relay_halted')?.get();
    expect(halted?.values.find((v) => v.labels['topic'] === topic)?.value).toBe(1);
    const errors = await register.getSingleMetric('notice_relay_errors_total')?.get();
    expect(errors?.values.find((v) => v.labels['topic'] === topic && v.labels['kind'] === 'rejected')?.value).toBe(1);
    const stored = await sql.query<{ position: string }>('SELECT position FROM processor_checkpoints WHERE name = $1', [`notice-relay:${topic}`]);
    expect(stored.rows).toHaveLength(1);
    expect(comparePositions(stored.rows[0]!.position, culprit)).toBeLessThan(0);
  });
});

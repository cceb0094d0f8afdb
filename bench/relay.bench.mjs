// Notice relay benchmark: throughput (events/s, messages/s) draining a backlog, and commit→ack
// latency (append resolved → relay stored its position after Kafka acknowledged), beside a raw
// kafkajs idempotent producer (acks -1) on the same broker in the same run.
// Run: bash deploy/local/kafka.sh start && npx tsc -p tsconfig.build.json && node bench/relay.bench.mjs
// Env: BENCH_AUTHORIZATIONS (default 2000; 5 events and 3 notices each), BENCH_LATENCY_SAMPLES (default 300),
//      KAFKA_BROKERS (default 127.0.0.1:59092).
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { createEventStore } from '../dist/libs/event-store/src/index.js';
import { openSqlClient } from '../dist/libs/sql/src/index.js';
import { KafkaNoticePublisher } from '../dist/libs/messaging/src/index.js';
import { NoticeRelay } from '../dist/apps/notice-relay/src/notice-relay.js';

const AUTHORIZATIONS = Number(process.env.BENCH_AUTHORIZATIONS ?? 2000);
const SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 300);
const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:59092').split(',');
const RUN = `${Date.now()}`;

const terms = { matter: 'compensation.issue', scope: { maxAmount: 800, channels: ['phone'] }, validFrom: '2026-01-01T00:00:00.000Z', validUntil: '2026-03-01T00:00:00.000Z' };
const meta = (at) => ({ occurredAt: at, actor: { id: 'M1', kind: 'employee' }, correlationId: randomUUID(), causationId: randomUUID(), policyVersion: 'sha256:bench' });
const life = (id) => [
  { type: 'AuthorizationApplied', data: { ...terms, authorizationId: id, applicantId: 'E1', applicantRole: 'agent', applicantTeam: 'T1', reason: 'bench', initialReviewRequired: false, finalApprovalRequired: false } },
  { type: 'ManagerApproved', data: { authorizationId: id, approverId: 'M2', opinion: '', finalApprovalRequired: false } },
  { type: 'NoticeIssued', data: { authorizationId: id, noticeNumber: `N-${id.slice(0, 8)}`, issuerId: 'M1', issuedAs: 'manager', copiesTo: ['finance', 'quality'], terms } },
  { type: 'NoticeAcknowledged', data: { authorizationId: id, employeeId: 'E1', noticeNumber: `N-${id.slice(0, 8)}`, acknowledgedAt: '2026-01-01T11:00:00.000Z', terms } },
  { type: 'AuthorizationRevoked', data: { authorizationId: id, revokedBy: 'M1', reason: 'bench', cause: 'manual', revokedAt: '2026-01-02T00:00:00.000Z' } },
].map((e) => ({ id: randomUUID(), ...e, metadata: meta('2026-01-01T10:00:00.000Z') }));

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (ms) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: +percentile(sorted, 50).toFixed(2), p99: +percentile(sorted, 99).toFixed(2), max: +sorted[sorted.length - 1].toFixed(2) };
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const waitUntil = async (predicate) => { while (!predicate()) await new Promise((r) => setImmediate(r)); };

const sql = await openSqlClient('pglite://memory');
const store = await createEventStore('pglite://memory', { sqlClient: sql });
await store.append('employee-E1', [{ id: randomUUID(), type: 'EmployeeRegistered', data: { employeeId: 'E1', name: 'Lin Mei', role: 'agent', team: 'T1', reportsTo: null, department: null }, metadata: meta('2025-12-01T00:00:00.000Z') }], { expectedRevision: 'no_stream' });
await store.append('employee-M1', [{ id: randomUUID(), type: 'EmployeeRegistered', data: { employeeId: 'M1', name: 'Chen Wei', role: 'manager', team: null, reportsTo: null, department: null }, metadata: meta('2025-12-01T00:00:00.000Z') }], { expectedRevision: 'no_stream' });

// ---- relay: drain a backlog ----
for (let i = 0; i < AUTHORIZATIONS; i++) {
  const id = randomUUID();
  await store.append(`authorization-${id}`, life(id), { expectedRevision: 'no_stream' });
}
const head = await store.headPosition();
const topic = `bench.notices.${RUN}`;
const publisher = new KafkaNoticePublisher({ brokers: BROKERS, topic, clientId: 'relay-bench' });
await publisher.ensureTopic();
const relay = new NoticeRelay(store, sql, publisher, { topic, batchSize: 500 });
let started = performance.now();
await relay.start();
await waitUntil(() => relay.position === head);
const drainMs = performance.now() - started;
const events = AUTHORIZATIONS * 5;
const messages = AUTHORIZATIONS * 3;

// ---- relay: commit→ack latency, one authorization's notice at a time ----
const relayLatency = [];
for (let i = 0; i < SAMPLES; i++) {
  const id = randomUUID();
  const [applied, approved, issued] = life(id);
  const before = await store.append(`authorization-${id}`, [applied, approved], { expectedRevision: 'no_stream' });
  await waitUntil(() => relay.position !== null && relay.position >= before.position);
  const t0 = performance.now();
  const { position } = await store.append(`authorization-${id}`, [issued], { expectedRevision: 1 });
  await waitUntil(() => relay.position !== null && relay.position >= position);
  relayLatency.push(performance.now() - t0);
}
await relay.stop();

// ---- raw kafkajs producer on the same broker ----
const kafka = new Kafka({ clientId: 'raw-bench', brokers: BROKERS, logLevel: logLevel.NOTHING });
const rawTopic = `bench.raw.${RUN}`;
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: rawTopic, numPartitions: 3 }], waitForLeaders: true });
await admin.disconnect();
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
await producer.connect();
const value = JSON.stringify({ authorizationId: randomUUID(), noticeNumber: 'N-1', employee: { id: 'E1', name: 'Lin Mei', role: 'agent', team: 'T1' }, matter: { id: 'compensation.issue', names: null }, scope: terms.scope, validity: terms, copiesTo: ['finance'] });
const headers = { ce_specversion: '1.0', ce_id: randomUUID(), ce_source: '/callcenter/authorization-service', ce_type: 'com.callcenter.authorization.notice-issued.v1', ce_time: '2026-01-01T00:00:00.000Z', ce_subject: 'x', ce_departments: 'finance', 'content-type': 'application/json' };
started = performance.now();
for (let sent = 0; sent < messages; sent += 500) {
  const n = Math.min(500, messages - sent);
  await producer.send({ topic: rawTopic, acks: -1, messages: Array.from({ length: n }, (_, i) => ({ key: `k${(sent + i) % AUTHORIZATIONS}`, value, headers })) });
}
const rawMs = performance.now() - started;
const rawLatency = [];
for (let i = 0; i < SAMPLES; i++) {
  const t0 = performance.now();
  await producer.send({ topic: rawTopic, acks: -1, messages: [{ key: `k${i}`, value, headers }] });
  rawLatency.push(performance.now() - t0);
}
await producer.disconnect();
await store.close();
await sql.close();
await sleep(10);

const result = {
  authorizations: AUTHORIZATIONS,
  relay: {
    events, messages, drainMs: Math.round(drainMs),
    eventsPerSecond: Math.round(events / (drainMs / 1000)),
    messagesPerSecond: Math.round(messages / (drainMs / 1000)),
    commitToAckMs: summary(relayLatency),
  },
  rawKafkajs: {
    messages, ms: Math.round(rawMs),
    messagesPerSecond: Math.round(messages / (rawMs / 1000)),
    sendAckMs: summary(rawLatency),
  },
};
console.log(`relay: ${events} events / ${messages} notices drained in ${result.relay.drainMs} ms = ${result.relay.eventsPerSecond} events/s (${result.relay.messagesPerSecond} msg/s); commit→ack p50 ${result.relay.commitToAckMs.p50} ms, p99 ${result.relay.commitToAckMs.p99} ms`);
console.log(`raw kafkajs (idempotent, acks -1, batches of 500): ${result.rawKafkajs.messagesPerSecond} msg/s; single send→ack p50 ${result.rawKafkajs.sendAckMs.p50} ms, p99 ${result.rawKafkajs.sendAckMs.p99} ms`);
const ratio = result.relay.messagesPerSecond / result.rawKafkajs.messagesPerSecond;
result.ratio = { relayToRawMessagesPerSecond: +ratio.toFixed(3) };
console.log(`ratio: the relay publishes at ${(100 * ratio).toFixed(1)} % of the raw producer's rate in this run (it also reads the log, maps through the notice sources and checkpoints after each acknowledged batch)`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/relay.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
process.exit(0);

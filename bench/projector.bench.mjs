// Read-model rebuild benchmark: events/s through ReadModelStore (authorizations, inbox tasks,
// employees, audit, checkpoint per batch in one transaction), on PostgreSQL and PGlite.
// The log is generated in memory and served through a readAll stub, so the number measures the
// read side, not the event store. Target: ≥ 50,000 events/s on PostgreSQL.
// Run: npx tsc -p tsconfig.build.json && node bench/projector.bench.mjs
// Env: BENCH_AUTHORIZATIONS (default 15000; ~7 events each), BENCH_BATCH (default 5000),
//      TEST_PG_URL (default postgres://authz:authz@127.0.0.1:55432/authz), BENCH_PGLITE (default 1).
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { ReadModelStore, migrateReadModels, rebuildReadModels } from '../dist/libs/read-models/src/index.js';
import { createPgClient, createPgliteClient } from '../dist/libs/sql/src/index.js';
import { encodePosition } from '../dist/libs/event-store/src/position.js';

const AUTHORIZATIONS = Number(process.env.BENCH_AUTHORIZATIONS ?? 15_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 5000);
const PG_URL = process.env.TEST_PG_URL ?? 'postgres://authz:authz@127.0.0.1:55432/authz';
const EMPLOYEES = 2000;

/** A realistic log: a directory, then applications interleaved through their whole lifecycle. */
const generate = () => {
  const events = [];
  const revisions = new Map();
  let clock = Date.parse('2026-01-01T00:00:00.000Z');
  const add = (streamId, type, data, actor) => {
    clock += 1000;
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    const occurredAt = new Date(clock).toISOString();
    events.push({
      id: randomUUID(), type, streamId, revision, position: encodePosition(1, events.length + 1), data,
      metadata: { occurredAt, actor: { id: actor, kind: 'employee' }, correlationId: 'c', causationId: 'c', policyVersion: 'v1' },
      recordedAt: occurredAt,
    });
  };
  for (let i = 0; i < EMPLOYEES; i += 1) {
    const role = i < 20 ? 'manager' : i < 30 ? 'executive' : i < 200 ? 'supervisor' : 'agent';
    add(`employee-E${i}`, 'EmployeeRegistered', { employeeId: `E${i}`, name: `Employee ${i}`, role, team: `T${i % 170}`, reportsTo: role === 'agent' ? `E${30 + (i % 170)}` : null, department: 'CS' }, 'svc:hr');
  }
  const terms = { matter: 'compensation.issue', scope: { maxAmount: 5000, channels: ['phone'] }, validFrom: '2026-01-01T00:00:00.000Z', validUntil: '2026-06-01T00:00:00.000Z' };
  const steps = [
    (id, e) => add(`authorization-${id}`, 'AuthorizationApplied', { ...terms, authorizationId: id, applicantId: e, applicantRole: 'agent', applicantTeam: 'T1', reason: 'busy', initialReviewRequired: true, finalApprovalRequired: true }, e),
    (id) => add(`authorization-${id}`, 'InitialReviewPassed', { authorizationId: id, reviewerId: 'E40', opinion: 'ok' }, 'E40'),
    (id) => add(`authorization-${id}`, 'ManagerApproved', { authorizationId: id, approverId: 'E1', opinion: 'ok', finalApprovalRequired: true }, 'E1'),
    (id) => add(`authorization-${id}`, 'ExecutiveApproved', { authorizationId: id, executiveId: 'E21', opinion: 'ok' }, 'E21'),
    (id) => add(`authorization-${id}`, 'NoticeIssued', { authorizationId: id, noticeNumber: `N-${id}`, issuerId: 'E1', issuedAs: 'manager', copiesTo: ['finance'], terms }, 'E1'),
    (id, e) => add(`authorization-${id}`, 'NoticeAcknowledged', { authorizationId: id, employeeId: e, noticeNumber: `N-${id}`, acknowledgedAt: '2026-01-02T00:00:00.000Z', terms }, e),
    (id) => add(`authorization-${id}`, 'AuthorizationExpired', { authorizationId: id, validUntil: terms.validUntil, expiredAt: terms.validUntil, previousStatus: 'active' }, 'system:scheduler'),
  ];
  // Waves of 500 applications advance one step at a time, so batches touch rows created earlier.
  for (let wave = 0; wave < AUTHORIZATIONS; wave += 500) {
    const ids = Array.from({ length: Math.min(500, AUTHORIZATIONS - wave) }, (_, k) => wave + k);
    for (const step of steps) for (const n of ids) step(`A${n}`, `E${200 + (n % (EMPLOYEES - 200))}`);
  }
  return events;
};

const source = (events) => ({
  headPosition: async () => events[events.length - 1].position,
  readAll: async ({ after, limit }) => {
    let lo = 0;
    let hi = events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (events[mid].position <= after) lo = mid + 1;
      else hi = mid;
    }
    return events.slice(lo, lo + limit);
  },
});

const run = async (name, sql, events) => {
  await migrateReadModels(sql);
  const store = new ReadModelStore(sql);
  const result = await rebuildReadModels(store, source(events), { batchSize: BATCH });
  const eventsPerSecond = Math.round(result.applied / (result.elapsedMs / 1000));
  const replayStarted = performance.now();
  await store.apply(events.slice(-BATCH));
  const replayMs = performance.now() - replayStarted;
  process.stdout.write(`${name.padEnd(10)} rebuild ${result.applied} events in ${(result.elapsedMs / 1000).toFixed(2)} s = ${eventsPerSecond} events/s (batch ${BATCH}); replay of a batch (no-op) ${replayMs.toFixed(1)} ms\n`);
  return { backend: name, events: result.applied, elapsedMs: Math.round(result.elapsedMs), eventsPerSecond, batch: BATCH, replayNoOpMs: Number(replayMs.toFixed(1)) };
};

const main = async () => {
  const events = generate();
  const results = [];
  const dbName = `bench_projector_${process.pid}`;
  const admin = createPgClient(PG_URL, { max: 1 });
  try {
    await admin.query(`CREATE DATABASE ${dbName}`);
    const url = new URL(PG_URL);
    url.pathname = `/${dbName}`;
    const sql = createPgClient(url.toString(), { max: 2 });
    try {
      results.push(await run('postgres', sql, events));
    } finally {
      await sql.close();
    }
  } catch (error) {
    process.stdout.write(`postgres   not run: ${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
    await admin.close();
  }
  if (process.env.BENCH_PGLITE !== '0') {
    const sql = await createPgliteClient('memory');
    try {
      results.push(await run('pglite', sql, events));
    } finally {
      await sql.close();
    }
  }
  const target = 50_000;
  const pg = results.find((r) => r.backend === 'postgres');
  process.stdout.write(`target ≥ ${target} events/s on PostgreSQL: ${pg === undefined ? 'not measured' : pg.eventsPerSecond >= target ? 'met' : 'NOT met'}\n`);
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/projector.json', import.meta.url), `${JSON.stringify({ date: new Date().toISOString(), authorizations: AUTHORIZATIONS, target, results }, null, 2)}\n`);
};

await main();

// Permission index benchmark: apply rate, retained heap and check latency with 100,000 grants.
// Run: npx tsc -p tsconfig.build.json && node --expose-gc bench/permission-index.bench.mjs
// Env: BENCH_GRANTS (default 100000), BENCH_EMPLOYEES (default 20000), BENCH_CHECKS (default 200000).
import { mkdirSync, writeFileSync } from 'node:fs';
import { PermissionIndex } from '../dist/libs/read-models/src/permission-index/index.js';

const GRANTS = Number(process.env.BENCH_GRANTS ?? 100_000);
const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 20_000);
const CHECKS = Number(process.env.BENCH_CHECKS ?? 200_000);
const gc = globalThis.gc ?? (() => {});
const HOUR = 3_600_000;
const NOW = Date.parse('2025-06-01T00:00:00.000Z');
const iso = (ms) => new Date(ms).toISOString();

// Deterministic pseudo-random numbers, so that runs compare.
let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const pick = (list) => list[Math.floor(rand() * list.length)];

const agent = ['inquiry.answer', 'complaint.general.handle', 'order.process', 'customer.info.modify'];
const supervisor = [...agent, 'team.schedule.adjust', 'complaint.plan.review', 'team.performance.report'];
const manager = [...supervisor, 'resources.allocate', 'staff.evaluate', 'complaint.plan.approve', 'business.decision.major', 'authorization.notice.issue'];
const baselines = { agent, tech_support: ['system.maintain', 'system.incident.resolve', 'training.deliver'], supervisor, manager, executive: [], compliance: [] };
const matters = ['compensation.issue', 'fee.waive', 'customer.data.export', 'system.production.access', 'complaint.plan.review', 'team.schedule.adjust'];
const authorities = Object.fromEntries([...manager, ...baselines.tech_support, ...matters].map((id) => [id, {}]));
const roleOf = (i) => (i % 20 < 14 ? 'agent' : i % 20 < 18 ? 'supervisor' : i % 20 === 18 ? 'tech_support' : 'manager');

/** The global log, generated lazily in chunks so the benchmark does not hold 600k events at once. */
function* logChunks(size) {
  let position = 0;
  let chunk = [];
  const emit = (type, data, at) => {
    position += 1;
    chunk.push({ type, data, metadata: { occurredAt: iso(at), actor: { id: 'bench', kind: 'system' }, correlationId: 'c', causationId: 'c', policyVersion: 'sha256:bench' }, position: String(position).padStart(20, '0') });
  };
  for (let e = 0; e < EMPLOYEES; e++) {
    emit('EmployeeRegistered', { employeeId: `E${e}`, name: `Employee ${e}`, role: roleOf(e), team: `T${e % 500}`, reportsTo: null, department: null }, NOW - 400 * 24 * HOUR);
  }
  for (let g = 0; g < GRANTS; g++) {
    const employeeId = `E${g % EMPLOYEES}`;
    const id = `auth-${g}`;
    const start = NOW - Math.floor(rand() * 300 * 24) * HOUR;
    const terms = { matter: g % 3 === 0 ? 'fee.waive' : 'compensation.issue', scope: g % 2 === 0 ? { maxAmount: 1000 + (g % 5) * 500, channels: ['phone', 'chat'] } : { maxAmount: 2000 }, validFrom: iso(start), validUntil: iso(start + 180 * 24 * HOUR) };
    emit('AuthorizationApplied', { ...terms, authorizationId: id, applicantId: employeeId, applicantRole: 'agent', applicantTeam: null, reason: 'customer goodwill', initialReviewRequired: true, finalApprovalRequired: false }, start - 5 * HOUR);
    emit('InitialReviewPassed', { authorizationId: id, reviewerId: 'S', opinion: 'ok' }, start - 4 * HOUR);
    emit('ManagerApproved', { authorizationId: id, approverId: 'M', opinion: 'ok', finalApprovalRequired: false }, start - 3 * HOUR);
    emit('NoticeIssued', { authorizationId: id, noticeNumber: `N-${g}`, issuerId: 'M', issuedAs: 'manager', copiesTo: ['finance'], terms }, start - 2 * HOUR);
    emit('NoticeAcknowledged', { authorizationId: id, employeeId, noticeNumber: `N-${g}`, acknowledgedAt: iso(start - HOUR), terms }, start - HOUR);
    const fate = g % 10;
    if (fate === 0) emit('AuthorizationRevoked', { authorizationId: id, revokedBy: 'M', reason: 'violation', cause: 'manual', revokedAt: iso(start + 24 * HOUR) }, start + 24 * HOUR);
    else if (fate === 1) emit('AuthorizationCompleted', { authorizationId: id, completedBy: employeeId, note: null, completedAt: iso(start + 48 * HOUR) }, start + 48 * HOUR);
    else if (fate === 2) {
      const changeId = `chg-${g}`;
      const changed = { ...terms, scope: { maxAmount: 3000 } };
      emit('ChangeApplied', { authorizationId: id, changeId, requestedBy: employeeId, terms: changed, reason: 'more', initialReviewRequired: true, finalApprovalRequired: false }, start + 10 * HOUR);
      emit('InitialReviewPassed', { authorizationId: id, changeId, reviewerId: 'S', opinion: 'ok' }, start + 11 * HOUR);
      emit('NoticeIssued', { authorizationId: id, changeId, noticeNumber: `N-${g}-c`, issuerId: 'M', issuedAs: 'manager', copiesTo: [], terms: changed }, start + 12 * HOUR);
      emit('NoticeAcknowledged', { authorizationId: id, changeId, employeeId, noticeNumber: `N-${g}-c`, acknowledgedAt: iso(start + 13 * HOUR), terms: changed }, start + 13 * HOUR);
    }
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

gc();
const heapBefore = process.memoryUsage().heapUsed;
const index = new PermissionIndex({ baselines, authorities });
let events = 0;
let applyNs = 0n;
for (const chunk of logChunks(50_000)) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < chunk.length; i++) index.apply(chunk[i]);
  applyNs += process.hrtime.bigint() - t0;
  events += chunk.length;
}
gc();
gc();
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
const applyRate = events / (Number(applyNs) / 1e9);

// Mixed checks: by grant, by role, denied (out of scope, no grant, missing context, unknown), past instants.
const queries = [];
for (let i = 0; i < CHECKS; i++) {
  const e = Math.floor(rand() * EMPLOYEES);
  const kind = i % 10;
  const at = kind === 9 ? NOW - Math.floor(rand() * 200 * 24) * HOUR : NOW;
  if (kind < 4) queries.push({ employeeId: `E${e}`, authority: 'compensation.issue', context: { amount: 500, channel: 'phone' }, at });
  else if (kind < 6) queries.push({ employeeId: `E${e}`, authority: pick(agent), at });
  else if (kind === 6) queries.push({ employeeId: `E${e}`, authority: 'fee.waive', context: { amount: 99_000, channel: 'email' }, at });
  else if (kind === 7) queries.push({ employeeId: `E${e}`, authority: pick(['customer.data.export', 'staff.evaluate']), at });
  else if (kind === 8) queries.push({ employeeId: `E${e}`, authority: 'compensation.issue', at });
  else queries.push({ employeeId: `E${e}`, authority: pick(['compensation.issue', 'fee.waive', 'order.process']), context: { amount: 800, channel: 'chat' }, at });
}
const reasons = {};
for (let round = 0; round < 2; round++) for (const q of queries) index.check(q); // warm-up
for (const q of queries) {
  const r = index.check(q).reason;
  reasons[r] = (reasons[r] ?? 0) + 1;
}
// Time batches of 100 checks (one hrtime per check would cost more than the check itself).
const BATCH = 100;
const perCheckUs = [];
for (let b = 0; b + BATCH <= queries.length; b += BATCH) {
  const t0 = process.hrtime.bigint();
  for (let i = b; i < b + BATCH; i++) index.check(queries[i]);
  perCheckUs.push(Number(process.hrtime.bigint() - t0) / 1000 / BATCH);
}
perCheckUs.sort((a, b) => a - b);
const quantile = (q) => perCheckUs[Math.min(perCheckUs.length - 1, Math.floor(q * perCheckUs.length))];
const t0 = process.hrtime.bigint();
for (const q of queries) index.check(q);
const throughput = queries.length / (Number(process.hrtime.bigint() - t0) / 1e9);

const result = {
  grants: GRANTS,
  employees: EMPLOYEES,
  events,
  applyEventsPerSecond: Math.round(applyRate),
  heapUsedMb: Number(heapMb.toFixed(1)),
  gcExposed: globalThis.gc !== undefined,
  checks: queries.length,
  checkMedianUs: Number(quantile(0.5).toFixed(3)),
  checkP99Us: Number(quantile(0.99).toFixed(3)),
  checksPerSecond: Math.round(throughput),
  reasons,
  node: process.version,
};
console.log(`permission index: ${GRANTS} grants, ${EMPLOYEES} employees, ${events} events`);
console.log(`  apply     ${result.applyEventsPerSecond.toLocaleString('en')} events/s`);
console.log(`  heap      ${result.heapUsedMb} MB retained${result.gcExposed ? '' : ' (run with --expose-gc for a precise figure)'}`);
console.log(`  check     median ${result.checkMedianUs} µs, p99 ${result.checkP99Us} µs (batches of ${BATCH}), ${result.checksPerSecond.toLocaleString('en')} checks/s`);
console.log(`  reasons   ${JSON.stringify(reasons)}`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/permission-index.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);

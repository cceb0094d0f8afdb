// KPI computation (issue 7): 1,000 employees × 100,000 recorded decisions in one month, plus
// supervision facts (escalations, reports, feedback, inspections, assessments) projected through
// the KpiStore. Times GET /v1/kpis's work — SQL aggregation of the decision log + facts + the pure
// computeKpis — for the whole call centre, one team and one employee, on PostgreSQL and PGlite.
// Run: npx tsc -p tsconfig.build.json && node bench/kpis.bench.mjs   (PostgreSQL part needs deploy/local/postgres.sh start)
// Env: BENCH_EMPLOYEES (1000), BENCH_DECISIONS (100000), BENCH_REPEAT (5), BENCH_STORES (postgres,pglite)
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeKpis, insertDecisions, KpiStore, loadKpiInput, migrateKpiTables, parsePeriod, queryKpis } from '../dist/libs/read-models/src/kpis/index.js';
import { migrateReadModels } from '../dist/libs/read-models/src/postgres/schema.js';
import { openSqlClient } from '../dist/libs/sql/src/open-sql-client.js';
import { freshDatabase } from './support/pg.mjs';
import { machine, printTable, round } from './support/stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 1000);
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 100_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const STORES = (process.env.BENCH_STORES ?? 'postgres,pglite').split(',');
const PERIOD = '2026-11';
const FROM = Date.UTC(2026, 10, 1);
const SPAN = 30 * 24 * 3600 * 1000;
const REASONS = [['GRANT', true], ['ROLE_BASELINE', true], ['OUT_OF_SCOPE', false], ['NO_GRANT', false], ['MISSING_CONTEXT', false]];

// Deterministic pseudo-random numbers, so both stores get the same data.
let state = 42;
const rand = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const employeeId = (i) => `E${String(i).padStart(5, '0')}`;
const teamOf = (i) => `T${String(i % 50).padStart(2, '0')}`;
const instant = (ms) => new Date(ms).toISOString();

async function load(sql) {
  await migrateReadModels(sql);
  await migrateKpiTables(sql);
  const employees = Array.from({ length: EMPLOYEES }, (_, i) => ({ id: employeeId(i), role: 'agent', team: teamOf(i), reportsTo: `S${teamOf(i)}`, leftAt: null, lastPosition: '0', doc: {} }));
  await sql.query(
    `INSERT INTO rm_employees (id, role, team, reports_to, left_at, last_position, doc)
     SELECT r.id, r.role, r.team, r."reportsTo", r."leftAt", r."lastPosition", r.doc FROM json_to_recordset($1::json) AS r(id text, role text, team text, "reportsTo" text, "leftAt" text, "lastPosition" text, doc json)`,
    [JSON.stringify(employees)],
  );
  state = 42;
  const started = performance.now();
  for (let done = 0; done < DECISIONS; done += 1000) {
    const batch = Array.from({ length: Math.min(1000, DECISIONS - done) }, () => {
      const [reason, allowed] = REASONS[Math.floor(rand() * REASONS.length)];
      const decidedAt = instant(FROM + Math.floor(rand() * SPAN));
      return { id: randomUUID(), employeeId: employeeId(Math.floor(rand() * EMPLOYEES)), authority: rand() < 0.5 ? 'compensation.issue' : 'refund.issue', context: { amount: 500, channel: 'phone' }, at: decidedAt, allowed, reason, grantId: null, policyVersion: 'bench', requestedBy: 'svc:bench', requestId: 'r', decidedAt };
    });
    await insertDecisions(sql, batch);
  }
  const decisionsMs = performance.now() - started;
  const events = [];
  const push = (type, data, at) => events.push({ id: randomUUID(), type, streamId: 's', revision: 0, position: String(events.length + 1).padStart(20, '0'), data, metadata: { occurredAt: instant(at) }, recordedAt: instant(at) });
  for (let i = 0; i < EMPLOYEES * 5; i++) {
    const at = FROM + Math.floor(rand() * SPAN);
    const id = `X${i}`;
    push('EscalationRaised', { escalationId: id, employeeId: employeeId(i % EMPLOYEES), superiorId: null, authority: 'compensation.issue', context: null, summary: '' }, at);
    if (i % 3 !== 0) push('EscalationResolved', { escalationId: id, resolvedBy: 'M01', resolution: 'ok' }, at + 3_600_000 * (1 + (i % 24)));
  }
  for (let i = 0; i < EMPLOYEES; i++) {
    const at = FROM + Math.floor(rand() * SPAN);
    push('ViolationReported', { reportId: `R${i}`, subjectEmployeeId: employeeId(i), authorizationId: null, category: 'other', description: '', reporter: { kind: 'customer' }, reportedBy: 'svc:crm' }, at);
    push('ReportConcluded', { reportId: `R${i}`, investigatorId: 'M01', finding: i % 4 === 0 ? 'substantiated' : 'dismissed', summary: '', actions: [] }, at + 3_600_000);
    push('InspectionRecorded', { inspectionId: `I${i}`, employeeId: employeeId(i), inspectorId: 'M01', kind: 'periodic', period: PERIOD, findings: '', compliant: i % 5 !== 0, authorizationIds: [] }, at);
    push('AssessmentRecorded', { employeeId: employeeId(i), period: PERIOD, teamworkScore: 1 + (i % 5), result: 'satisfactory', consequences: [], notes: '', assessorId: 'M01' }, at);
  }
  for (let i = 0; i < EMPLOYEES * 10; i++) push('CustomerFeedbackReceived', { feedbackId: `F${i}`, employeeId: employeeId(i % EMPLOYEES), score: 1 + (i % 5), channel: null, comment: null, receivedFrom: 'svc:crm' }, FROM + Math.floor(rand() * SPAN));
  const store = new KpiStore(sql);
  const projectStarted = performance.now();
  for (let i = 0; i < events.length; i += 1000) await store.apply(events.slice(i, i + 1000));
  return { decisionsMs, events: events.length, projectMs: performance.now() - projectStarted };
}

async function time(fn) {
  const samples = [];
  let result;
  for (let i = 0; i < REPEAT; i++) {
    const started = performance.now();
    result = await fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { result, medianMs: round(samples[Math.floor(samples.length / 2)], 1), minMs: round(samples[0], 1) };
}

const report = { benchmark: 'kpis', at: new Date().toISOString(), machine: machine(), config: { employees: EMPLOYEES, decisions: DECISIONS, period: PERIOD, repeat: REPEAT }, stores: {} };
const period = parsePeriod(PERIOD);
for (const kind of STORES) {
  const db = kind === 'postgres' ? await freshDatabase('bench_kpis') : null;
  const sql = await openSqlClient(db ? db.url : 'pglite://memory');
  try {
    const loaded = await load(sql);
    process.stdout.write(`${kind}: loaded ${DECISIONS} decisions in ${Math.round(loaded.decisionsMs)} ms, projected ${loaded.events} supervision events in ${Math.round(loaded.projectMs)} ms\n`);
    const all = await time(() => queryKpis(sql, period));
    const input = await loadKpiInput(sql, period);
    const pure = await time(async () => computeKpis(period, input));
    const team = await time(() => queryKpis(sql, period, { team: 'T07' }));
    const one = await time(() => queryKpis(sql, period, { employeeIds: [employeeId(7)] }));
    const recorded = all.result.reduce((a, k) => a + k.decisions.recorded, 0);
    if (all.result.length !== EMPLOYEES || recorded !== DECISIONS) throw new Error(`wrong answer: ${all.result.length} employees, ${recorded} decisions`);
    report.stores[kind] = {
      loadDecisionsMs: round(loaded.decisionsMs, 0),
      insertRowsPerSecond: round(DECISIONS / (loaded.decisionsMs / 1000), 0),
      projectEvents: loaded.events,
      projectMs: round(loaded.projectMs, 0),
      allEmployees: { ms: all.medianMs, employees: all.result.length },
      pureComputeOnly: { ms: pure.medianMs },
      oneTeam: { ms: team.medianMs, employees: team.result.length },
      oneEmployee: { ms: one.medianMs },
    };
  } finally {
    await sql.close();
    if (db) await db.drop();
  }
}
process.stdout.write(`\nmachine: ${report.machine.nproc} CPUs (${report.machine.cpu}); ${EMPLOYEES} employees × ${DECISIONS} decisions in ${PERIOD}; median of ${REPEAT}\n\n`);
printTable(
  Object.entries(report.stores).map(([store, s]) => ({
    store,
    'all employees ms': s.allEmployees.ms,
    'pure compute ms': s.pureComputeOnly.ms,
    'one team ms': s.oneTeam.ms,
    'one employee ms': s.oneEmployee.ms,
    'insert rows/s': s.insertRowsPerSecond,
    'project events': `${s.projectEvents} in ${s.projectMs} ms`,
  })),
);
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'kpis.json'), `${JSON.stringify(report, null, 2)}\n`);

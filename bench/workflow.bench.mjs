// Workflow benchmark (issue 3): complete authorizations over HTTP — apply → review → approval →
// notice → acknowledgement, 5 commands — by 32 concurrent clients for ~15 s, on PostgreSQL (the API
// process alone, and the all-in-one) and on PGlite (all-in-one, EVENT_STORE_URL=pglite://<tmpdir>).
// Run: npm run build && node bench/workflow.bench.mjs   (needs PostgreSQL: deploy/local/postgres.sh start)
// Env: BENCH_CLIENTS (32), BENCH_DURATION s (15), BENCH_EMPLOYEES (400),
//      BENCH_BACKENDS (comma list of postgres-api, postgres-all-in-one, pglite-all-in-one; default all three),
//      BENCH_PROFILE=1 writes a V8 CPU profile of each app under $BENCH_PROFILE_DIR (default <tmpdir>/authz-bench-profiles;
//      summarise with: node bench/support/profile-summary.mjs <file>),
//      BENCH_SQL_STATS=1 writes PGlite statement counts/times of the PGlite app to $BENCH_PROFILE_DIR,
//      BENCH_PGBENCH (/usr/bin/pgbench).
// Issue 12's reference: after the backends, pgbench runs what a command does to the event store (read the
// stream, append its events; same clients, same duration, event sizes measured from the PostgreSQL run's
// store) in a database of its own (bench/support/pgbench-reference.mjs); the PostgreSQL backends' commands/s
// are printed as a share of its transactions/s (aim ≥ 50 %).
// The directory is registered over HTTP (POST /v1/employees, svc:hr with directory:write) before the clock starts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRIES, startApp } from './support/api-process.mjs';
import { cpuMeter } from './support/cpu.mjs';
import { expectStatus, JsonClient } from './support/http-client.mjs';
import { backendPids, databaseStats, freshDatabase } from './support/pg.mjs';
import { measureEventShape, PGBENCH, pgbenchAvailable, pgbenchReference } from './support/pgbench-reference.mjs';
import { directoryOf } from './support/seed-store.mjs';
import { machine, printTable, round, Samples } from './support/stats.mjs';
import { BENCH_SECRET, mint } from './support/tokens.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 400);
const WARMUP = 2;
const PROFILE = process.env.BENCH_PROFILE === '1';
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR ?? join(tmpdir(), 'authz-bench-profiles');
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'postgres-api,postgres-all-in-one,pglite-all-in-one').split(',').map((b) => b.trim());
const STEPS = ['apply', 'review', 'approval', 'notice', 'acknowledgement'];
const DAY = 86_400_000;

async function inParallel(items, concurrency, work) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

/** Registers the directory over HTTP, managers first (reportsTo must exist). */
async function registerDirectory(client, directory) {
  const hr = await mint('svc:hr', { scope: 'directory:write' });
  const started = performance.now();
  for (const group of [directory.managers, directory.supervisors, directory.agents]) {
    await inParallel(group, 8, async (p) => {
      const body = { id: p.id, name: p.name, role: p.role, ...(p.team ? { team: p.team } : {}), ...(p.reportsTo ? { reportsTo: p.reportsTo } : {}), department: p.department };
      expectStatus(await client.post('/v1/employees', hr, body), [200, 201], `register ${p.id}`);
    });
  }
  return performance.now() - started;
}

/** One client: complete workflows for its own agents until `deadline`; latencies go to `samples` once `measureFrom` has passed. */
async function clientLoop(c, { client, directory, tokens, deadline, measureFrom, stats }) {
  const agents = directory.agents.filter((_, i) => i % CLIENTS === c);
  const managers = directory.managers;
  let n = 0;
  while (performance.now() < deadline) {
    const agent = agents[n % agents.length];
    const approver = managers[(c + n) % managers.length];
    const issuer = managers[(c + n + 1) % managers.length];
    n += 1;
    const now = Date.now();
    const calls = [
      () => client.post('/v1/applications', tokens.get(agent.id), { matter: 'compensation.issue', scope: { maxAmount: 1000, channels: ['phone'] }, reason: 'Goodwill compensation for delayed deliveries', validFrom: new Date(now).toISOString(), validUntil: new Date(now + 30 * DAY).toISOString() }),
      (id) => client.post(`/v1/authorizations/${id}/review`, tokens.get(agent.reportsTo), { decision: 'pass', opinion: 'Within team practice' }),
      (id) => client.post(`/v1/authorizations/${id}/approval`, tokens.get(approver.id), { decision: 'approve', opinion: 'Approved' }),
      (id) => client.post(`/v1/authorizations/${id}/notice`, tokens.get(issuer.id), { copiesTo: ['finance', 'quality'] }),
      (id) => client.post(`/v1/authorizations/${id}/acknowledgement`, tokens.get(agent.id), {}),
    ];
    let id = null;
    for (const [step, call] of calls.entries()) {
      const answer = await call(id);
      const measured = performance.now() >= measureFrom && performance.now() <= deadline;
      if (answer.status !== 200 && answer.status !== 201) {
        stats.failures += 1;
        if (stats.firstFailures.length < 5) stats.firstFailures.push(`${STEPS[step]}: HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
        break;
      }
      if (step === 0) id = answer.body.id;
      if (measured) {
        stats.all.push(answer.ms);
        stats.byStep[STEPS[step]].push(answer.ms);
        stats.commands += 1;
        if (step === STEPS.length - 1) {
          stats.workflows += 1;
          if (answer.body.status !== 'active') throw new Error(`acknowledged authorization is ${answer.body.status}, not active`);
        }
      }
    }
  }
}

async function runBackend(name) {
  const cleanups = [];
  let env;
  let entry;
  let dbName = null;
  let dbUrl = null;
  if (name.startsWith('postgres')) {
    const db = await freshDatabase('bench_workflow');
    cleanups.push(() => db.drop());
    dbName = db.name;
    dbUrl = db.url;
    env = { EVENT_STORE_URL: db.url };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'bench-workflow-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    env = { EVENT_STORE_URL: `pglite://${dir}` };
  }
  entry = name.endsWith('all-in-one') ? ENTRIES.allInOne : ENTRIES.api;
  const profileDir = PROFILE_DIR;
  if (PROFILE) mkdirSync(profileDir, { recursive: true });
  let app = null;
  try {
    const nodeArgs = PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=workflow-${name}.cpuprofile`] : [];
    if (process.env.BENCH_SQL_STATS === '1' && name.startsWith('pglite')) {
      mkdirSync(profileDir, { recursive: true });
      nodeArgs.push('--import', join(here, 'support', 'pglite-query-stats.mjs'));
      env.BENCH_PGLITE_STATS = join(profileDir, `workflow-${name}.sql.json`);
    }
    app = await startApp(entry, { ...env, AUTH_JWT_SECRET: BENCH_SECRET, SEED_DEMO: 'false', LOG_LEVEL: 'warn' }, { nodeArgs });
    const client = new JsonClient(app.url, { sockets: CLIENTS + 8 });
    const directory = directoryOf(EMPLOYEES);
    const registerMs = await registerDirectory(client, directory);
    const tokens = new Map();
    for (const p of directory.people) tokens.set(p.id, await mint(p.id));
    const stats = { commands: 0, workflows: 0, failures: 0, firstFailures: [], all: new Samples(), byStep: Object.fromEntries(STEPS.map((s) => [s, new Samples()])) };
    const start = performance.now();
    const measureFrom = start + WARMUP * 1000;
    const deadline = measureFrom + DURATION * 1000;
    let meter = null;
    let cpu = null;
    let sqlBefore = null;
    let sqlAfter = null;
    // The meters start once the warm-up has grown the pg pool to its working size.
    const meterStart = setTimeout(async () => {
      const pgPids = dbName ? await backendPids(dbName) : null;
      meter = cpuMeter(app.pid, pgPids);
      if (dbName) sqlBefore = await databaseStats(dbName);
    }, WARMUP * 1000);
    const meterStop = setTimeout(() => {
      cpu = meter?.stop() ?? null;
      if (dbName) void databaseStats(dbName).then((s) => (sqlAfter = s));
    }, (WARMUP + DURATION) * 1000);
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => clientLoop(c, { client, directory, tokens, deadline, measureFrom, stats })));
    clearTimeout(meterStart);
    clearTimeout(meterStop);
    cpu ??= meter?.stop() ?? null;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const sql = sqlBefore && sqlAfter ? { statementsPerCommand: round((sqlAfter.xacts - sqlBefore.xacts) / stats.commands, 2), rowsFetchedPerCommand: round((sqlAfter.fetched - sqlBefore.fetched) / stats.commands, 1) } : null;
    client.close();
    const eventShape = dbUrl ? await measureEventShape(dbUrl, STEPS.length) : null;
    const seconds = DURATION;
    const all = stats.all.summary();
    return {
      backend: name,
      entry: entry.slice(entry.indexOf('dist/')),
      startupMs: round(app.startupMs, 0),
      directory: { employees: EMPLOYEES, registerMs: round(registerMs, 0), commandsPerSecond: round(EMPLOYEES / (registerMs / 1000), 0) },
      commands: stats.commands,
      workflows: stats.workflows,
      commandsPerSecond: round(stats.commands / seconds, 0),
      workflowsPerSecond: round(stats.workflows / seconds, 1),
      p50: round(all.p50, 2),
      p90: round(all.p90, 2),
      p99: round(all.p99, 2),
      max: round(all.max, 2),
      byStep: Object.fromEntries(Object.entries(stats.byStep).map(([s, samples]) => {
        const x = samples.summary();
        return [s, { p50: round(x.p50, 2), p99: round(x.p99, 2) }];
      })),
      cpu: cpu && {
        ...Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, v === null ? null : round(v, 2)])),
        appMsPerCommand: round((cpu.appSeconds * 1000) / stats.commands, 3),
        postgresMsPerCommand: cpu.postgresSeconds === null ? null : round((cpu.postgresSeconds * 1000) / stats.commands, 3),
      },
      sql,
      eventShape: eventShape && Object.fromEntries(Object.entries(eventShape).map(([k, v]) => [k, round(v, 2)])),
      failures: stats.failures,
      firstFailures: stats.firstFailures,
    };
  } finally {
    if (app) await app.stop();
    for (const cleanup of cleanups) await cleanup();
  }
}

const report = { benchmark: 'workflow', at: new Date().toISOString(), machine: machine(), config: { clients: CLIENTS, durationSeconds: DURATION, warmupSeconds: WARMUP, employees: EMPLOYEES, commandsPerWorkflow: STEPS.length, loadGenerator: 'node:http keep-alive clients in the bench process, same machine' }, backends: {} };
for (const backend of BACKENDS) {
  process.stdout.write(`${backend}: ${CLIENTS} clients, ${WARMUP} s warm-up + ${DURATION} s…\n`);
  report.backends[backend] = await runBackend(backend);
}
const pg = report.backends['postgres-api'];
if (pg) report.aims = { 'postgres >= 1,000 commands/s': pg.commandsPerSecond >= 1000, 'postgres p99 <= 50 ms': pg.p99 <= 50 };
const postgresRuns = Object.values(report.backends).filter((r) => r.backend.startsWith('postgres') && r.eventShape);
if (postgresRuns.length > 0 && !pgbenchAvailable()) {
  report.pgbench = null;
  process.stdout.write(`pgbench not found, no reference (${PGBENCH})\n`);
} else if (postgresRuns.length > 0) {
  const shape = (report.backends['postgres-api'] ?? postgresRuns[0]).eventShape;
  process.stdout.write(`pgbench reference: ${CLIENTS} clients, ${DURATION} s…\n`);
  const loadBefore = os.loadavg()[0];
  const reference = await pgbenchReference({ clients: CLIENTS, durationSeconds: DURATION, commandsPerWorkflow: STEPS.length, shape });
  report.pgbench = { ...reference, transactionsPerSecond: round(reference.transactionsPerSecond, 0), loadAverage1mBefore: round(loadBefore, 1), eventShapeFrom: shape };
  for (const r of postgresRuns) r.shareOfPgbench = round((100 * r.commandsPerSecond) / reference.transactionsPerSecond, 1);
  report.aims ??= {};
  for (const r of postgresRuns) report.aims[`${r.backend} >= 50 % of pgbench`] = r.shareOfPgbench >= 50;
}

process.stdout.write(`\nmachine: ${report.machine.nproc} CPUs, ${report.machine.memoryGiB} GiB, Node ${report.machine.node}; ${CLIENTS} clients, ${DURATION} s measured after ${WARMUP} s warm-up\n\n`);
printTable(Object.values(report.backends).map((r) => ({
  backend: r.backend,
  'commands/s': r.commandsPerSecond,
  'workflows/s': r.workflowsPerSecond,
  'p50 ms': r.p50,
  'p99 ms': r.p99,
  'max ms': r.max,
  ...Object.fromEntries(STEPS.map((s) => [`${s} p50/p99`, `${r.byStep[s].p50}/${r.byStep[s].p99}`])),
  'app CPU ms/cmd': r.cpu?.appMsPerCommand ?? '',
  'pg CPU ms/cmd': r.cpu?.postgresMsPerCommand ?? '',
  'SQL stmts/cmd': r.sql?.statementsPerCommand ?? '',
  'load avg': r.cpu ? round(r.cpu.loadAverage1mBefore, 1) : '',
  failures: r.failures,
  'pgbench tx/s': r.shareOfPgbench === undefined ? '' : report.pgbench.transactionsPerSecond,
  '% of pgbench': r.shareOfPgbench ?? '',
})));
if (report.pgbench) {
  const p = report.pgbench;
  process.stdout.write(`pgbench: ${p.transactionsPerSecond} tx/s (one tx = one command: read the stream, append ${p.eventsPerCommand} event of ${p.eventShapeFrom.dataBytes} B data + ${p.eventShapeFrom.metadataBytes} B metadata), latency avg ${p.latencyAverageMs} ms, ${p.failedTransactions} failed, ${p.lostClaims} lost claims, load average ${p.loadAverage1mBefore}\n  ${p.command}\n`);
}
for (const r of Object.values(report.backends)) for (const f of r.firstFailures) process.stdout.write(`  ${r.backend} failure: ${f}\n`);
if (report.aims) for (const [aim, met] of Object.entries(report.aims)) process.stdout.write(`${met ? 'met    ' : 'MISSED '} ${aim}\n`);
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'workflow.json'), `${JSON.stringify(report, null, 2)}\n`);

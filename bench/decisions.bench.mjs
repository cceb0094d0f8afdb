// Decision-log overhead (issue 7): POST /v1/checks with record:false and record:true in the same
// run against one API process on PostgreSQL, interleaved (false, true, false, true) so drift of a
// shared machine hits both alike. Aim (issue 12): recording costs at most 15% of single-check throughput.
// After the runs the API is stopped with SIGTERM (clean shutdown flushes the queue) and the rows
// in decision_log are counted against the 2xx answers of the record:true runs (nothing lost).
// Run: npx tsc -p tsconfig.build.json && node bench/decisions.bench.mjs   (needs PostgreSQL)
// Env: BENCH_EMPLOYEES (300), BENCH_GRANTS (600), BENCH_DURATION s per run (6), BENCH_CONNECTIONS (16),
//      BENCH_API_ENTRY (the compiled API to measure, default dist/apps/authorization-service/src/main.js)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ENTRIES, startApp } from './support/api-process.mjs';
import { cannon } from './support/load.mjs';
import { freshDatabase } from './support/pg.mjs';
import { seedStore } from './support/seed-store.mjs';
import { machine, printTable, round } from './support/stats.mjs';
import { BENCH_SECRET, mint, overCallers } from './support/tokens.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 300);
const GRANTS = Number(process.env.BENCH_GRANTS ?? 600);
const DURATION = Number(process.env.BENCH_DURATION ?? 6);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);

/** The same mix as bench/http-checks: grant, role baseline, out of scope, no grant. */
function bodies(seed, count, record) {
  const compensation = seed.grants.filter((g) => g.matter === 'compensation.issue');
  const agents = seed.directory.agents;
  return Array.from({ length: count }, (_, i) => {
    const grant = compensation[(i * 7) % compensation.length];
    const agent = agents[(i * 13) % agents.length];
    const body = [
      { employeeId: grant.employeeId, authority: 'compensation.issue', context: { amount: 500, channel: 'phone' } },
      { employeeId: agent.id, authority: 'inquiry.answer' },
      { employeeId: grant.employeeId, authority: 'compensation.issue', context: { amount: 5000, channel: 'phone' } },
      { employeeId: agent.id, authority: 'customer.data.export' },
    ][i % 4];
    return { method: 'POST', path: '/v1/checks', body: JSON.stringify({ ...body, record }) };
  });
}

const db = await freshDatabase('bench_decisions');
const report = { benchmark: 'decisions', at: new Date().toISOString(), machine: machine(), config: { employees: EMPLOYEES, grants: GRANTS, connections: CONNECTIONS, durationSeconds: DURATION, store: 'postgresql', decisionLog: 'batched: 50 ms or 1000 rows per INSERT, queue 100,000' } };
let app = null;
try {
  const seed = await seedStore(db.url, { employees: EMPLOYEES, grants: GRANTS });
  process.stdout.write(`seeded ${seed.events} events into ${db.name}\n`);
  app = await startApp(process.env.BENCH_API_ENTRY ?? ENTRIES.api, { EVENT_STORE_URL: db.url, AUTH_JWT_SECRET: BENCH_SECRET, SEED_DEMO: 'false', LOG_LEVEL: 'warn' });
  const token = await mint('svc:bench', { scope: 'checks:read' });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  // Spread over 64 service principals, each within its default budget (no RATE_LIMIT_* raised).
  const plain = await overCallers(bodies(seed, 40, false));
  const recorded = await overCallers(bodies(seed, 40, true));
  await cannon({ url: app.url, connections: CONNECTIONS, duration: 2, headers, requests: plain }); // warm-up
  await cannon({ url: app.url, connections: CONNECTIONS, duration: 2, headers, requests: recorded });
  const warmRecorded = await countRows(db.url);
  const runs = { 'record:false': [], 'record:true': [] };
  for (const round_ of [0, 1]) {
    for (const [name, requests] of [['record:false', plain], ['record:true', recorded]]) {
      const result = await cannon({ url: app.url, connections: CONNECTIONS, duration: DURATION, headers, requests });
      runs[name].push(result);
      process.stdout.write(`round ${round_ + 1} ${name}: ${result.rps} req/s, p99 ${result.p99} ms, non-2xx ${result.non2xx}\n`);
    }
  }
  await app.stop();
  app = null;
  const rows = await countRows(db.url);
  const sum = (list, key) => list.reduce((a, r) => a + r[key], 0);
  const summary = Object.fromEntries(
    Object.entries(runs).map(([name, list]) => [name, { rps: round(sum(list, 'rps') / list.length, 0), p50: round(Math.max(...list.map((r) => r.p50)), 3), p99: round(Math.max(...list.map((r) => r.p99)), 3), total: sum(list, 'total'), non2xx: sum(list, 'non2xx') }]),
  );
  const okRecorded = summary['record:true'].total - summary['record:true'].non2xx;
  report.runs = runs;
  report.summary = summary;
  report.costPercent = round((1 - summary['record:true'].rps / summary['record:false'].rps) * 100, 1);
  report.decisionLogRows = { afterWarmUp: warmRecorded, afterShutdown: rows, expected: warmRecorded + okRecorded };
  report.aims = { 'recording costs <= 15% of throughput': report.costPercent <= 15, 'every 2xx record:true check is in decision_log after a clean shutdown': rows >= warmRecorded + okRecorded };
  process.stdout.write(`\nmachine: ${report.machine.nproc} CPUs (${report.machine.cpu}); ${CONNECTIONS} connections, 2 × ${DURATION} s per mode, interleaved\n\n`);
  printTable(Object.entries(summary).map(([mode, s]) => ({ mode, 'req/s': s.rps, 'worst p50 ms': s.p50, 'worst p99 ms': s.p99, requests: s.total, 'non-2xx': s.non2xx })));
  process.stdout.write(`\nrecording cost: ${report.costPercent}% of throughput; decision_log rows ${rows} (expected ≥ ${warmRecorded + okRecorded})\n`);
  for (const [aim, met] of Object.entries(report.aims)) process.stdout.write(`${met ? 'met    ' : 'MISSED '} ${aim}\n`);
} finally {
  if (app) await app.stop();
  await db.drop();
}
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'decisions.json'), `${JSON.stringify(report, null, 2)}\n`);

async function countRows(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM decision_log');
    return rows[0].n;
  } finally {
    await client.end();
  }
}

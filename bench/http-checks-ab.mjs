// A/B of POST /v1/checks (issue 12) on a shared, drifting machine: every variant of the API (a build,
// optionally with API_WORKERS) runs at once on one seeded store beside the bare-Fastify reference, and
// short runs take turns (reference GET, reference POST, then each variant) for several rounds, so each
// round's ratio to the reference compares runs seconds apart. Reports per target the median and the
// spread (min–max over rounds) of req/s, p99 and app CPU µs per request, and per variant the ratio
// to the bare-Fastify GET of the same round. Not run by `npm run bench` (it needs the builds to compare).
// Run: node bench/http-checks-ab.mjs base=.local/bench-base/dist/apps/authorization-service/src/main.js \
//        new=dist/apps/authorization-service/src/main.js new-2-workers=dist/apps/authorization-service/src/main.js@2
// Env: BENCH_ROUNDS (4), BENCH_DURATION s per run (5), BENCH_CONNECTIONS (16), BENCH_EMPLOYEES (1000), BENCH_GRANTS (4000),
//      BENCH_AB_ROUTES (single; comma-separated of single, batch, record = single checks with record:true: each variant runs each,
//      and with single and record the cost of recording per round), BENCH_AB_RESULT (bench/results/http-checks-ab.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApp } from './support/api-process.mjs';
import { cpuMeter } from './support/cpu.mjs';
import { cannon } from './support/load.mjs';
import { freshDatabase } from './support/pg.mjs';
import { seedStore } from './support/seed-store.mjs';
import { machine, printTable, round } from './support/stats.mjs';
import { BENCH_SECRET, mint, overCallers } from './support/tokens.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 1000);
const GRANTS = Number(process.env.BENCH_GRANTS ?? 4000);
const ROUTES = (process.env.BENCH_AB_ROUTES ?? 'single').split(',');
const RESULT = process.env.BENCH_AB_RESULT ?? join(here, 'results', 'http-checks-ab.json');

const variants = process.argv.slice(2).map((arg) => {
  const [name, spec] = arg.includes('=') ? arg.split(/=(.*)/s) : [arg, arg];
  const [entry, workers] = spec.split('@');
  return { name, entry: resolve(entry), workers: Number(workers ?? 1) };
});
if (variants.length === 0) {
  process.stderr.write('usage: node bench/http-checks-ab.mjs name=dist/…/main.js[@workers] …\n');
  process.exit(2);
}

/** The http-checks mix: allowed by grant, by role, out of scope, no grant, in turn. */
function checkBodies(seed, count) {
  const compensation = seed.grants.filter((g) => g.matter === 'compensation.issue');
  const agents = seed.directory.agents;
  return Array.from({ length: count }, (_, i) => {
    const grant = compensation[(i * 7) % compensation.length];
    const agent = agents[(i * 13) % agents.length];
    return [
      { employeeId: grant.employeeId, authority: 'compensation.issue', context: { amount: 500, channel: 'phone' } },
      { employeeId: agent.id, authority: 'inquiry.answer' },
      { employeeId: grant.employeeId, authority: 'compensation.issue', context: { amount: 5000, channel: 'phone' } },
      { employeeId: agent.id, authority: 'customer.data.export' },
    ][i % 4];
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? null : sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};
const spread = (values) => `${round(Math.min(...values), 1)}–${round(Math.max(...values), 1)}`;

const db = await freshDatabase('bench_checks_ab');
const apps = [];
const report = { benchmark: 'http-checks-ab', at: new Date().toISOString(), machine: machine(), config: { rounds: ROUNDS, durationSeconds: DURATION, connections: CONNECTIONS, employees: EMPLOYEES, grants: GRANTS, routes: ROUTES, variants } };
try {
  const seed = await seedStore(db.url, { employees: EMPLOYEES, grants: GRANTS });
  process.stdout.write(`seeded ${seed.events} events into ${db.name}\n`);
  const env = { EVENT_STORE_URL: db.url, AUTH_JWT_SECRET: BENCH_SECRET, SEED_DEMO: 'false', CONSISTENCY_WAIT_MS: '5000', LOG_LEVEL: 'warn' };
  const bare = await startApp(join(here, 'support', 'bare-fastify.mjs'), {});
  apps.push(bare);
  for (const variant of variants) {
    variant.app = await startApp(variant.entry, { ...env, API_WORKERS: String(variant.workers) });
    apps.push(variant.app);
    // A cluster's workers start one by one: /health/live answers once the first listens.
    if (variant.workers > 1) await new Promise((done) => setTimeout(done, 15_000));
  }
  const token = await mint('svc:bench', { scope: 'checks:read' });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const bodies = checkBodies(seed, 40);
  const requestsOf = async (route) =>
    route === 'batch'
      ? overCallers(Array.from({ length: 5 }, (_, b) => ({ method: 'POST', path: '/v1/checks/batch', body: JSON.stringify({ checks: checkBodies(seed, 100 + b * 4).slice(b * 4) }) })))
      : overCallers(bodies.map((body) => ({ method: 'POST', path: '/v1/checks', body: JSON.stringify(route === 'record' ? { ...body, record: true } : body) })));
  const requests = Object.fromEntries(await Promise.all(ROUTES.map(async (route) => [route, await requestsOf(route)])));
  const targets = [
    { name: 'bare Fastify GET (reference)', url: bare.url, pid: bare.pid, requests: [{ method: 'GET', path: '/health/live' }], headers: {} },
    { name: 'bare Fastify POST check (reference)', url: bare.url, pid: bare.pid, requests: bodies.map((body) => ({ method: 'POST', path: '/v1/checks', body: JSON.stringify(body) })), headers },
    ...variants.flatMap((v) => ROUTES.map((route) => ({ name: `${v.name} (${route}, ${v.workers} worker${v.workers === 1 ? '' : 's'})`, variant: v.name, route, url: v.app.url, pid: v.app.pid, requests: requests[route], headers }))),
  ];
  for (const target of targets) {
    await cannon({ url: target.url, connections: CONNECTIONS, duration: 2, headers: target.headers, requests: target.requests });
    target.runs = [];
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (const target of targets) {
      const meter = cpuMeter(target.pid);
      const result = await cannon({ url: target.url, connections: CONNECTIONS, duration: DURATION, headers: target.headers, requests: target.requests });
      const cpu = meter.stop();
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`${target.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
      target.runs.push({ ...result, appCpuUsPerRequest: round((cpu.appSeconds * 1e6) / result.total, 1), loadAverage1m: round(cpu.loadAverage1mBefore, 1) });
    }
    process.stdout.write(`round ${r + 1}: ${targets.map((t) => `${t.name} ${t.runs[r].rps}/s`).join(', ')}\n`);
  }
  const reference = targets[0];
  report.targets = targets.map((t) => {
    const ratios = t.runs.map((run, r) => (run.rps / reference.runs[r].rps) * 100);
    return {
      name: t.name,
      runs: t.runs,
      rpsMedian: round(median(t.runs.map((x) => x.rps)), 0),
      rpsSpread: spread(t.runs.map((x) => x.rps)),
      p99Median: round(median(t.runs.map((x) => x.p99)), 2),
      p99Spread: spread(t.runs.map((x) => x.p99)),
      cpuUsMedian: round(median(t.runs.map((x) => x.appCpuUsPerRequest)), 1),
      cpuUsSpread: spread(t.runs.map((x) => x.appCpuUsPerRequest)),
      percentOfBareGetMedian: round(median(ratios), 1),
      percentOfBareGetSpread: spread(ratios),
    };
  });
  if (ROUTES.includes('single') && ROUTES.includes('record')) {
    report.recordCostPercent = Object.fromEntries(
      variants.map((v) => {
        const single = targets.find((t) => t.variant === v.name && t.route === 'single');
        const record = targets.find((t) => t.variant === v.name && t.route === 'record');
        const costs = single.runs.map((run, r) => (1 - record.runs[r].rps / run.rps) * 100);
        return [v.name, { median: round(median(costs), 1), spread: spread(costs) }];
      }),
    );
  }
  process.stdout.write(`\nmachine: ${report.machine.nproc} CPUs (${report.machine.cpu}), Node ${report.machine.node}; ${CONNECTIONS} connections, ${ROUNDS} rounds × ${DURATION} s per target, load avg ${targets[0].runs.map((x) => x.loadAverage1m).join(' ')}\n\n`);
  printTable(
    report.targets.map((t) => ({
      target: t.name,
      'req/s (median)': t.rpsMedian,
      'req/s (min–max)': t.rpsSpread,
      '% of bare GET (median)': t.percentOfBareGetMedian,
      '% of bare GET (min–max)': t.percentOfBareGetSpread,
      'p99 ms (median)': t.p99Median,
      'p99 ms (min–max)': t.p99Spread,
      'app CPU µs/req (median)': t.cpuUsMedian,
      'app CPU µs/req (min–max)': t.cpuUsSpread,
    })),
  );
  for (const [variant, cost] of Object.entries(report.recordCostPercent ?? {})) process.stdout.write(`\n${variant}: record:true costs ${cost.median} % of single-check throughput (median of rounds; ${cost.spread} %)`);
  process.stdout.write('\n');
} finally {
  for (const app of apps.reverse()) await app.stop();
  await db.drop();
}
mkdirSync(dirname(RESULT), { recursive: true });
writeFileSync(RESULT, `${JSON.stringify(report, null, 2)}\n`);

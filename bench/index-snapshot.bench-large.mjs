// API replica start-up on a large log (issue 12, part 6): how long from spawning an API process to
// its first answered check, with 5 million events in PostgreSQL, when the permission index starts
// from its stored snapshot plus the tail — against, in the same run, the same replica replaying the
// whole log (no snapshot) and the same replica on an empty log (the framework's own start).
// Run: npm run build && npm run bench -- index-snapshot   (not in the default set: it takes minutes)
// Env: BENCH_EVENTS (5,000,000), BENCH_EMPLOYEES (20,000), BENCH_GRANTS (100,000), BENCH_TAIL (90,000), BENCH_STARTS (3).
// The log is generated in PostgreSQL with INSERT … SELECT from real events (decided by the compiled
// deciders, bench/support/seed-store.mjs) with their ids replaced: employees, complete workflows
// (apply → review → approve → notice → acknowledge), and customer feedback for the rest.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ENTRIES, startApp } from './support/api-process.mjs';
import { expectStatus, JsonClient } from './support/http-client.mjs';
import { freshDatabase } from './support/pg.mjs';
import { privateCluster } from './support/private-pg.mjs';
import { seedStore } from './support/seed-store.mjs';
import { machine, printTable, round } from './support/stats.mjs';
import { BENCH_SECRET, mint } from './support/tokens.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const EVENTS = Number(process.env.BENCH_EVENTS ?? 5_000_000);
const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 20_000);
const GRANTS = Number(process.env.BENCH_GRANTS ?? 100_000);
// Below the index's 100,000-event snapshot interval, so the measured starts do not write a newer one.
const TAIL = Number(process.env.BENCH_TAIL ?? 90_000);
const STARTS = Number(process.env.BENCH_STARTS ?? 3);
const AIM_MS = 5_000;
const CHUNK = 500_000;

const log = (line) => process.stdout.write(`${line}\n`);

/** Real events of one agent and one grant, to copy. */
async function templates(client) {
  const { rows: [grant] } = await client.query(`SELECT stream_id, data->>'applicantId' AS agent FROM events WHERE type = 'AuthorizationApplied' LIMIT 1`);
  return { grantStream: grant.stream_id, grantId: grant.stream_id.slice('authorization-'.length), agent: grant.agent };
}

async function addEmployees(client, t, from, count) {
  await client.query(
    `INSERT INTO events (event_id, stream_id, revision, type, data, metadata)
     SELECT gen_random_uuid(), 'employee-B' || n, 0, e.type, replace(e.data::text, $1, '"B' || n || '"')::jsonb, e.metadata
     FROM events e, generate_series($3::int, $3::int + $4::int - 1) AS n WHERE e.stream_id = $2 ORDER BY n`,
    [`"${t.agent}"`, `employee-${t.agent}`, from, count],
  );
}

/** `count` workflows like the template, grant g held by employee B(g mod EMPLOYEES + 1). */
async function addGrants(client, t, from, count) {
  await client.query(
    `INSERT INTO events (event_id, stream_id, revision, type, data, metadata)
     SELECT gen_random_uuid(), 'authorization-' || md5('bench-grant-' || g)::uuid, e.revision, e.type,
            replace(replace(replace(e.data::text, $1, '"' || md5('bench-grant-' || g)::uuid || '"'), $2, '"B' || (g % $5::int + 1) || '"'), 'AN-BENCH-0', 'AN-BENCH-L' || g)::jsonb,
            replace(e.metadata::text, $2, '"B' || (g % $5::int + 1) || '"')::jsonb
     FROM events e, generate_series($3::int, $3::int + $4::int - 1) AS g WHERE e.stream_id = $6 ORDER BY g, e.revision`,
    [`"${t.grantId}"`, `"${t.agent}"`, from, count, EMPLOYEES, t.grantStream],
  );
}

async function addFeedback(client, from, count) {
  await client.query(
    `INSERT INTO events (event_id, stream_id, revision, type, data, metadata)
     SELECT gen_random_uuid(), 'feedback-' || md5('bench-feedback-' || f)::uuid, 0, 'CustomerFeedbackReceived',
            jsonb_build_object('feedbackId', md5('bench-feedback-' || f)::uuid, 'employeeId', 'B' || (f % $3::int + 1), 'score', f % 5 + 1,
                               'channel', 'phone', 'comment', null, 'receivedFrom', 'svc:crm'),
            jsonb_build_object('occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'actor', jsonb_build_object('id', 'svc:crm', 'kind', 'service'),
                               'correlationId', md5('c' || f)::uuid, 'causationId', md5('c' || f)::uuid, 'policyVersion', 'bench')
     FROM generate_series($1::int, $1::int + $2::int - 1) AS f ORDER BY f`,
    [from, count, EMPLOYEES],
  );
}

async function count(client) {
  const { rows } = await client.query('SELECT count(*)::int AS n FROM events');
  return rows[0].n;
}

/** Spawn → first check answered (the caller's first question), in ms; the app is left running for the caller to stop. */
async function timeToFirstCheck(env, token, expected = 'GRANT') {
  const started = performance.now();
  const app = await startApp(ENTRIES.api, env, { timeoutMs: 600_000 });
  const client = new JsonClient(app.url);
  try {
    const body = expectStatus(await client.post('/v1/checks', token, { employeeId: 'B1', authority: 'compensation.issue', context: { amount: 500, channel: 'phone' } }), 200, 'check');
    const ms = performance.now() - started;
    if (body.reason !== expected) throw new Error(`the first check answered ${body.reason}, expected ${expected}`);
    return { ms, liveMs: app.startupMs, caughtUp: app.caughtUp, app };
  } catch (error) {
    await app.stop();
    throw error;
  } finally {
    client.close();
  }
}

// Its own cluster unless BENCH_PG_URL names one: the bulk load's long transactions would hold back
// every reader of a shared cluster (PostgreSQL readers see events below the cluster-wide horizon).
const cluster = process.env.BENCH_PG_URL ? null : await privateCluster('snapshot');
const onCluster = async (name) => {
  const url = new URL(cluster.url);
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: async () => undefined };
};
const db = cluster ? await onCluster('bench_snapshot') : await freshDatabase('bench_snapshot');
const empty = cluster ? await onCluster('bench_snapshot_empty') : await freshDatabase('bench_snapshot_empty');
const report = {
  benchmark: 'index-snapshot',
  at: new Date().toISOString(),
  machine: machine(),
  config: { events: EVENTS, employees: EMPLOYEES, grants: GRANTS, tail: TAIL, starts: STARTS, store: process.env.BENCH_PG_URL ? 'postgresql (BENCH_PG_URL)' : 'postgresql 15, a private cluster of the run (fsync on)', entry: 'dist/apps/authorization-service/src/main.js' },
};
const env = { EVENT_STORE_URL: db.url, AUTH_JWT_SECRET: BENCH_SECRET, SEED_DEMO: 'false', LOG_LEVEL: 'info' };
const client = new pg.Client({ connectionString: db.url });
const apps = [];
try {
  const token = await mint('svc:bench', { scope: 'checks:read' });
  // Real events to copy (and the schema), then the log in bulk with the secondary indexes built once at the end.
  await seedStore(db.url, { employees: 20, grants: 1 });
  await client.connect();
  const t = await templates(client);
  const generating = performance.now();
  await client.query('ALTER TABLE events DROP CONSTRAINT events_event_id_key, DROP CONSTRAINT events_stream_id_revision_key');
  await client.query('DROP INDEX events_transaction_position');
  await addEmployees(client, t, 1, EMPLOYEES);
  for (let g = 1; g <= GRANTS; g += CHUNK / 5) await addGrants(client, t, g, Math.min(CHUNK / 5, GRANTS - g + 1));
  const feedback = EVENTS - (await count(client));
  for (let f = 1; f <= feedback; f += CHUNK) {
    await addFeedback(client, f, Math.min(CHUNK, feedback - f + 1));
    log(`… ${f + Math.min(CHUNK, feedback - f + 1) - 1} of ${feedback} feedback events`);
  }
  await client.query('ALTER TABLE events ADD CONSTRAINT events_event_id_key UNIQUE (event_id), ADD CONSTRAINT events_stream_id_revision_key UNIQUE (stream_id, revision)');
  await client.query('CREATE INDEX events_transaction_position ON events (transaction_id, global_position)');
  await client.query('ANALYZE events');
  report.generation = { events: await count(client), ms: round(performance.now() - generating, 0) };
  log(`generated ${report.generation.events} events in ${report.generation.ms} ms`);

  // Reference 1: the same replica on an empty log (Node, Nest, the stores: the floor of any start).
  const floor = await timeToFirstCheck({ ...env, EVENT_STORE_URL: empty.url }, token, 'UNKNOWN_EMPLOYEE');
  await floor.app.stop();
  const floorMs = floor.ms;
  log(`empty-log start: ${Math.round(floorMs)} ms to the first check`);

  // Reference 2: no snapshot yet, the whole log replayed; that replica then writes the first snapshot.
  const replay = await timeToFirstCheck(env, token);
  apps.push(replay.app);
  const head = (await client.query(`SELECT max(global_position) AS p FROM events`)).rows[0].p;
  for (const deadline = Date.now() + 300_000; ; ) {
    const { rows } = await client.query(`SELECT name, length(data) AS bytes, updated_at FROM processor_snapshots WHERE name = 'permission-index'`);
    if (rows.length === 1) {
      report.snapshot = Object.fromEntries(rows.map((r) => [r.name, { bytes: Number(r.bytes) }]));
      break;
    }
    if (Date.now() > deadline) throw new Error('no snapshot written within 5 minutes');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await replay.app.stop();
  apps.pop();
  log(`replay start: ${Math.round(replay.ms)} ms to the first check (${head} events); snapshot ${JSON.stringify(report.snapshot)}`);

  // The tail written since the snapshot: more workflows and feedback.
  await addGrants(client, t, GRANTS + 1, Math.floor(TAIL / 50));
  await addFeedback(client, EVENTS + 1, TAIL - Math.floor(TAIL / 50) * 5);

  const starts = [];
  for (let i = 0; i < STARTS; i++) {
    const start = await timeToFirstCheck(env, token);
    starts.push({ ms: round(start.ms, 0), liveMs: round(start.liveMs, 0), caughtUp: start.caughtUp });
    await start.app.stop();
    log(`snapshot start ${i + 1}: ${Math.round(start.ms)} ms to the first check (${start.caughtUp ? `${start.caughtUp.events} tail events in ${start.caughtUp.ms} ms` : 'n/a'})`);
  }
  const median = [...starts].sort((a, b) => a.ms - b.ms)[Math.floor(starts.length / 2)].ms;
  report.results = {
    emptyLogStartMs: round(floorMs, 0),
    replayStartMs: round(replay.ms, 0),
    replayCatchUp: replay.caughtUp,
    snapshotStarts: starts,
    snapshotStartMedianMs: median,
    snapshotVsReplayPercent: round((median / replay.ms) * 100, 1),
    snapshotOverEmptyLogMs: round(median - floorMs, 0),
  };
  report.aims = { 'API replica answers within 5 s of start with 5 million events': median <= AIM_MS };

  log(`\nmachine: ${report.machine.nproc} CPUs (${report.machine.cpu}), ${report.machine.memoryGiB} GiB, Node ${report.machine.node}`);
  printTable([
    { start: 'empty log (reference: the framework alone)', 'spawn → first check': `${report.results.emptyLogStartMs} ms`, ratio: '' },
    { start: `whole log replayed (reference, ${report.generation.events} events)`, 'spawn → first check': `${report.results.replayStartMs} ms`, ratio: '100 %' },
    { start: `snapshot + ${TAIL} tail events (median of ${STARTS})`, 'spawn → first check': `${median} ms`, ratio: `${report.results.snapshotVsReplayPercent} % of the replay` },
  ]);
  log(`aim ≤ ${AIM_MS} ms: ${median <= AIM_MS ? 'met' : 'NOT met'}`);
  writeFileSync(join(here, 'results', 'index-snapshot.json'), `${JSON.stringify(report, null, 2)}\n`);
} finally {
  for (const app of apps) await app.stop().catch(() => undefined);
  await client.end().catch(() => undefined);
  // BENCH_KEEP=1 keeps the generated database for a look (its URL is printed).
  if (process.env.BENCH_KEEP === '1') log(`kept ${db.url}`);
  else {
    await db.drop();
    await empty.drop();
    cluster?.stop();
  }
}

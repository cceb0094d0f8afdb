// Event store throughput: appends/s with 1 and 16 concurrent writers (one ~500-byte event per
// append, each writer on its own stream with the expected revision), and replay (readAll in
// batches) events/s over 200,000 events, on PostgreSQL (fresh database on BENCH_PG_URL's server)
// and on PGlite (temp dir). Run: npx tsc -p tsconfig.build.json && node bench/event-store.bench.mjs
import { randomUUID } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createEventStore, START } from '../dist/libs/event-store/src/index.js';
import { openSqlClient } from '../dist/libs/sql/src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const SERVER_URL = process.env.BENCH_PG_URL ?? 'postgres://authz:authz@127.0.0.1:55432/authz';
const REPLAY_EVENTS = Number(process.env.BENCH_REPLAY_EVENTS ?? 200_000);
const APPENDS_1 = Number(process.env.BENCH_APPENDS_1 ?? 2_000);
const APPENDS_16 = Number(process.env.BENCH_APPENDS_16 ?? 8_000);
const BATCH = 1_000;

const sampleData = (i) => ({
  authorizationId: randomUUID(),
  employee: { id: `E${String(i).padStart(6, '0')}`, name: 'Chen Mei-Ling', team: 'billing-n' },
  matter: 'refund',
  scope: { maxAmount: 5000, currency: 'TWD', channels: ['phone', 'chat'] },
  validity: { from: '2026-01-01T00:00:00.000Z', until: '2026-12-31T23:59:59.000Z' },
  reason: 'Escalated refunds, northern queue.',
});
const sampleMetadata = () => ({
  occurredAt: new Date().toISOString(),
  actor: { id: 'E000042', kind: 'employee' },
  correlationId: randomUUID(),
  causationId: randomUUID(),
  policyVersion: '2026.1',
});
const newEvent = (i) => ({ id: randomUUID(), type: 'AuthorizationApplied', data: sampleData(i), metadata: sampleMetadata() });
const EVENT_BYTES = Buffer.byteLength(JSON.stringify(newEvent(0)));

async function appendRate(store, writers, total) {
  const perWriter = Math.ceil(total / writers);
  const run = randomUUID().slice(0, 8);
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let r = 0; r < perWriter; r += 1) {
        await store.append(`bench-${run}-${w}`, [newEvent(r)], { expectedRevision: r === 0 ? 'no_stream' : r - 1 });
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { appends: perWriter * writers, seconds, perSecond: (perWriter * writers) / seconds };
}

/** Seeds in bulk with SQL (appending 200k one by one would measure appends again, slowly). */
async function seed(sql, count) {
  const data = JSON.stringify(sampleData(1));
  const metadata = JSON.stringify(sampleMetadata());
  for (let from = 0; from < count; from += 20_000) {
    const to = Math.min(count, from + 20_000) - 1;
    await sql.query(
      `INSERT INTO events (event_id, stream_id, revision, type, data, metadata)
       SELECT gen_random_uuid(), 'replay-' || (g / 10), g % 10, 'AuthorizationApplied', $3::jsonb, $4::jsonb
       FROM generate_series($1::int, $2::int) AS g ORDER BY g`,
      [from, to, data, metadata],
    );
  }
}

async function replayRate(store) {
  let after = START;
  let events = 0;
  const started = process.hrtime.bigint();
  for (;;) {
    const batch = await store.readAll({ after, limit: BATCH });
    events += batch.length;
    if (batch.length < BATCH) break;
    after = batch[batch.length - 1].position;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { events, seconds, perSecond: events / seconds };
}

async function measure(name, store, sql) {
  const one = await appendRate(store, 1, APPENDS_1);
  const sixteen = await appendRate(store, 16, APPENDS_16);
  await seed(sql, REPLAY_EVENTS);
  const replay = await replayRate(store);
  return { backend: name, appends1: one, appends16: sixteen, replay };
}

async function onPostgres() {
  const name = `bench_es_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const sql = await openSqlClient(url.toString(), { max: 20 });
  const store = await createEventStore(url.toString(), { sqlClient: sql, notify: process.env.BENCH_NOTIFY === 'true' });
  try {
    return await measure('PostgreSQL', store, sql);
  } finally {
    await store.close();
    await sql.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function onPglite() {
  const dir = await mkdtemp(join(tmpdir(), 'bench-pglite-'));
  const sql = await openSqlClient(`pglite://${dir}`);
  const store = await createEventStore(`pglite://${dir}`, { sqlClient: sql });
  try {
    return await measure('PGlite', store, sql);
  } finally {
    await store.close();
    await sql.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const results = [];
for (const run of [onPostgres, onPglite]) results.push(await run());

const fmt = (n) => Math.round(n).toLocaleString('en-US');
process.stdout.write(`event ~${EVENT_BYTES} bytes (data+metadata JSON); replay ${fmt(REPLAY_EVENTS)} events in batches of ${BATCH}\n`);
process.stdout.write(`${'backend'.padEnd(12)}${'appends/s 1w'.padStart(14)}${'appends/s 16w'.padStart(15)}${'replay ev/s'.padStart(13)}\n`);
for (const r of results) {
  process.stdout.write(
    `${r.backend.padEnd(12)}${fmt(r.appends1.perSecond).padStart(14)}${fmt(r.appends16.perSecond).padStart(15)}${fmt(r.replay.perSecond).padStart(13)}\n`,
  );
}
await mkdir(join(here, 'results'), { recursive: true });
await writeFile(
  join(here, 'results', 'event-store.json'),
  `${JSON.stringify({ name: 'event-store', at: new Date().toISOString(), eventBytes: EVENT_BYTES, node: process.version, results }, null, 2)}\n`,
);

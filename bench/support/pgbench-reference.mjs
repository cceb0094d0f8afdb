// The pgbench reference of the workflow benchmark (issue 12): what one workflow command does to the
// PostgreSQL event store, as plain SQL run by pgbench (-M prepared) with the same clients and duration,
// in a fresh database of its own on the same cluster. Per command, as libs/event-store's PostgreSQL
// adapter does it (postgres-event-store.ts, NOTIFY off on PostgreSQL):
//   1. readStream: SELECT <its columns> FROM events WHERE stream_id = $1 ORDER BY revision
//   2. append, ONE statement (its own transaction): WITH claim AS (INSERT INTO event_streams … ON CONFLICT
//      DO NOTHING for 'no_stream' | UPDATE event_streams SET revision WHERE … AND revision = <expected>)
//      INSERT INTO events … SELECT … FROM claim CROSS JOIN (VALUES …) … RETURNING …
// Two scripts, weighted like a workflow: `apply` (new stream: an empty read, then the 'no_stream' claim)
// once per workflow, `next` (an existing stream: read it, expected revision = its last row, compare-and-set)
// for the other commands. Event data/metadata sizes and events per command are measured from the
// workflow bench's own store after its run (measureEventShape).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freshDatabase } from './pg.mjs';

export const PGBENCH = process.env.BENCH_PGBENCH ?? '/usr/bin/pgbench';
export const pgbenchAvailable = () => existsSync(PGBENCH);

/** Average shape of the authorization events a workflow run stored (database at `url`). */
export async function measureEventShape(url, commandsPerWorkflow) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS events, count(DISTINCT stream_id)::int AS streams,
        avg(octet_length(data::text))::float AS data_bytes, avg(octet_length(metadata::text))::float AS metadata_bytes,
        avg(octet_length(type))::float AS type_bytes
      FROM events WHERE stream_id LIKE 'authorization-%'`);
    const r = rows[0];
    if (!r || r.events === 0) return null;
    // Streams cut short by the deadline make this slightly low; complete ones hold commandsPerWorkflow commands.
    const eventsPerCommand = r.events / (r.streams * commandsPerWorkflow);
    return { events: r.events, streams: r.streams, eventsPerCommand, dataBytes: r.data_bytes, metadataBytes: r.metadata_bytes, typeBytes: r.type_bytes };
  } finally {
    await client.end();
  }
}

const COLUMNS = `global_position::text AS gp, transaction_id::text AS tx, event_id::text AS id, stream_id,
  revision, type, data, metadata, recorded_at`;

/** JSON text of exactly `bytes` bytes (≥ 8) built in SQL, cast to jsonb by the server as the adapter's parameters are. */
const jsonOf = (bytes, key) => `('{"${key}":"' || repeat('x', ${Math.max(0, bytes - 6 - key.length)}) || '"}')::jsonb`;

function scripts({ eventsPerCommand, dataBytes, metadataBytes, typeBytes }) {
  const k = Math.max(1, Math.round(eventsPerCommand));
  const type = `'${'T'.repeat(Math.max(1, Math.round(typeBytes)))}'`;
  const values = `SELECT gen_random_uuid() AS event_id, :first + g - 1 AS revision, ${type}::text AS type,
      ${jsonOf(Math.round(dataBytes), 'd')} AS data, ${jsonOf(Math.round(metadataBytes), 'm')} AS metadata FROM generate_series(1, ${k}) g`;
  const insert = (claim) => `WITH claim AS (${claim})
  INSERT INTO events (event_id, stream_id, revision, type, data, metadata)
  SELECT v.event_id, claim.stream_id, v.revision, v.type, v.data, v.metadata
  FROM claim CROSS JOIN (${values}) AS v ORDER BY v.revision
  RETURNING global_position::text AS gp, transaction_id::text AS tx, revision;`;
  const oneLine = (sql) => sql.replace(/\s+/g, ' ');
  const apply = [
    '\\set n random(1, 1000000000000000)',
    '\\set first 0',
    `SELECT ${oneLine(COLUMNS)} FROM events WHERE stream_id = 'authorization-' || :client_id || '-' || :n ORDER BY revision;`,
    oneLine(insert(`INSERT INTO event_streams (stream_id, revision) VALUES ('authorization-' || :client_id || '-' || :n, ${k - 1}) ON CONFLICT (stream_id) DO NOTHING RETURNING stream_id`)),
  ].join('\n');
  const next = [
    '\\set s random(1, :streams)',
    // \aset keeps the last row's columns: the stream's current revision, the append's expected revision.
    `SELECT ${oneLine(COLUMNS)} FROM events WHERE stream_id = 'seeded-' || :s ORDER BY revision \\aset`,
    '\\set first :revision + 1',
    '\\set last :revision + ' + k,
    oneLine(insert(`UPDATE event_streams SET revision = :last WHERE stream_id = 'seeded-' || :s AND revision = :revision RETURNING stream_id`)),
  ].join('\n');
  return { apply, next, k };
}

const run = (file, args, env) =>
  new Promise((resolve, reject) => {
    execFile(file, args, { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024, timeout: 600_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${file} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });

/**
 * Runs the reference and resolves to its transactions/s (one transaction = one command), or null
 * without pgbench. `shape` from measureEventShape. The seeded streams hold as many events as a
 * workflow command reads on average (commands 2…n read 1…n−1 commands' events).
 */
export async function pgbenchReference({ clients, durationSeconds, commandsPerWorkflow, shape }) {
  if (!pgbenchAvailable()) return null;
  const db = await freshDatabase('bench_pgbench');
  const dir = mkdtempSync(join(tmpdir(), 'bench-pgbench-'));
  try {
    const { ensureEventStoreSchema } = await import('../../dist/libs/event-store/src/postgres/schema.js');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { apply, next, k } = scripts(shape);
    const seededEvents = Math.max(1, Math.round((k * commandsPerWorkflow) / 2));
    const streams = 20_000;
    try {
      await ensureEventStoreSchema({
        async transaction(work) {
          await client.query('BEGIN');
          await work({ query: (text, params) => client.query(text, params) });
          await client.query('COMMIT');
        },
      });
      await client.query(`INSERT INTO events (event_id, stream_id, revision, type, data, metadata)
        SELECT gen_random_uuid(), 'seeded-' || s, r, ${`'${'T'.repeat(Math.max(1, Math.round(shape.typeBytes)))}'`},
          ${jsonOf(Math.round(shape.dataBytes), 'd')}, ${jsonOf(Math.round(shape.metadataBytes), 'm')}
        FROM generate_series(1, ${streams}) s CROSS JOIN generate_series(0, ${seededEvents - 1}) r`);
      await client.query(`INSERT INTO event_streams (stream_id, revision) SELECT 'seeded-' || s, ${seededEvents - 1} FROM generate_series(1, ${streams}) s`);
      await client.query('VACUUM ANALYZE events');
      await client.query('VACUUM ANALYZE event_streams');
    } finally {
      await client.end();
    }
    writeFileSync(join(dir, 'apply.sql'), `${apply}\n`);
    writeFileSync(join(dir, 'next.sql'), `${next}\n`);
    const url = new URL(db.url);
    const out = await run(PGBENCH, [
      '-n', '-M', 'prepared', '-c', String(clients), '-j', '2', '-T', String(durationSeconds), '-D', `streams=${streams}`,
      '-f', `${join(dir, 'apply.sql')}@1`, '-f', `${join(dir, 'next.sql')}@${commandsPerWorkflow - 1}`,
      '-h', url.hostname, '-p', url.port, '-U', decodeURIComponent(url.username), url.pathname.slice(1),
    ], { PGPASSWORD: decodeURIComponent(url.password) });
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1]);
    const failed = Number(/number of failed transactions: (\d+)/.exec(out)?.[1] ?? 0);
    const latency = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1]);
    const check = new pg.Client({ connectionString: db.url });
    await check.connect();
    let lostClaims = null;
    try {
      // A claim that lost (two clients on one seeded stream) inserts nothing: count what was written.
      const { rows } = await check.query("SELECT count(*)::int AS n FROM events WHERE stream_id LIKE 'authorization-%' OR revision >= $1", [seededEvents]);
      const processed = Number(/number of transactions actually processed: (\d+)/.exec(out)?.[1]);
      lostClaims = Number.isFinite(processed) ? processed - rows[0].n / k : null;
    } finally {
      await check.end();
    }
    return {
      command: `pgbench -n -M prepared -c ${clients} -j 2 -T ${durationSeconds} -f apply.sql@1 -f next.sql@${commandsPerWorkflow - 1}`,
      transactionsPerSecond: tps,
      latencyAverageMs: latency,
      failedTransactions: failed,
      lostClaims,
      eventsPerCommand: k,
      seededStreams: streams,
      seededEventsPerStream: seededEvents,
      scripts: { apply, next },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  }
}

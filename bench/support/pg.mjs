// A fresh PostgreSQL database per benchmark run (dropped afterwards), on BENCH_PG_URL / TEST_PG_URL.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export const PG_URL = process.env.BENCH_PG_URL ?? process.env.TEST_PG_URL ?? 'postgres://authz:authz@127.0.0.1:55432/authz';

async function admin(sql) {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates `<prefix>_<random>` and returns its URL plus a `drop()`. */
export async function freshDatabase(prefix) {
  const name = `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Transactions (each autocommit statement is one) and rows fetched in database `name` so far (PG stats, ~1 s lag). */
export async function databaseStats(name) {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT xact_commit + xact_rollback AS xacts, tup_fetched, tup_inserted FROM pg_stat_database WHERE datname = $1', [name]);
    return { xacts: Number(rows[0]?.xacts ?? 0), fetched: Number(rows[0]?.tup_fetched ?? 0), inserted: Number(rows[0]?.tup_inserted ?? 0) };
  } finally {
    await client.end();
  }
}

/** Pids of the PostgreSQL backends connected to database `name` now. */
export async function backendPids(name) {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    return rows.map((r) => String(r.pid));
  } finally {
    await client.end();
  }
}
